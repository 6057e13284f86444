package io.wisp.core.codec.senml;

import static org.assertj.core.api.Assertions.assertThat;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import com.upokecenter.numbers.EDecimal;
import com.upokecenter.numbers.EInteger;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.codec.leaf.LeafFlattener;
import io.wisp.core.codec.leaf.LeafValue;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import io.wisp.core.testing.NodeArbitraries;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * SenML CBOR against an independent CBOR implementation (com.upokecenter:cbor): what Wisp writes decodes there into
 * the RFC 8428 labels and the expected values, and what it writes (definite or indefinite lengths, its own choice
 * of number encodings) decodes with Wisp into the same node.
 */
class SenmlCborOracleTest {
    private static final SenmlCborCodec CODEC = new SenmlCborCodec();
    private static final CBORObject BN = CBORObject.FromObject(-2);
    private static final CBORObject N = CBORObject.FromObject(0);
    private static final CBORObject V = CBORObject.FromObject(2);
    private static final CBORObject VS = CBORObject.FromObject(3);
    private static final CBORObject VB = CBORObject.FromObject(4);
    private static final CBORObject VD = CBORObject.FromObject(8);
    private static final CBORObject VLO = CBORObject.FromObject("vlo");

    @Provide
    Arbitrary<NodeArbitraries.Sample> samples() {
        return NodeArbitraries.samples(NodeArbitraries.Options.all().withoutEmptyContainers());
    }

    @Property(tries = 300)
    void wisp_output_decodes_with_the_oracle_into_labels_and_values(@ForAll("samples") NodeArbitraries.Sample s) {
        byte[] bytes = CODEC.encode(s.node(), s.path(), s.models());
        assertThat(bytes[0] & 0xff).as("definite-length array").isNotEqualTo(0x9f);
        CBORObject pack = CBORObject.DecodeFromBytes(bytes);
        assertThat(pack.getType()).isEqualTo(CBORType.Array);
        List<LeafValue> expected = LeafFlattener.flatten(s.path(), s.node());
        assertThat(pack.size()).isEqualTo(expected.size());
        String baseName = "";
        for (int k = 0; k < pack.size(); k++) {
            CBORObject record = pack.get(k);
            assertThat(record.getType()).isEqualTo(CBORType.Map);
            if (record.ContainsKey(BN)) {
                baseName = record.get(BN).AsString();
            }
            String name = baseName + (record.ContainsKey(N) ? record.get(N).AsString() : "");
            assertThat(LwM2mPath.parse(name)).isEqualTo(expected.get(k).path());
            assertValue(record, expected.get(k).value());
        }
    }

    @Property(tries = 300)
    void oracle_output_decodes_with_wisp_definite_and_indefinite(@ForAll("samples") NodeArbitraries.Sample s) {
        List<LeafValue> leaves = LeafFlattener.flatten(s.path(), s.node());
        CBORObject pack = CBORObject.NewArray();
        for (LeafValue leaf : leaves) {
            pack.Add(record(leaf));
        }
        assertThat(CODEC.decode(pack.EncodeToBytes(), s.path(), s.models())).isEqualTo(s.node());
        assertThat(CODEC.decode(indefinite(leaves), s.path(), s.models())).isEqualTo(s.node());
    }

    /** A time needing more than 64 bits of nanoseconds goes out as a decimal fraction with a bignum mantissa. */
    @Example
    void times_beyond_64_bit_mantissas_agree_with_the_oracle() {
        Instant early = Instant.parse("1732-01-21T12:12:43.000000001Z");
        Instant now = Instant.parse("2024-05-01T12:00:00Z");
        SenmlCborCodec codec = new SenmlCborCodec(Clock.fixed(now, ZoneOffset.UTC));
        TimestampedNodes group = TimestampedNodes.of(early, Map.of(LwM2mPath.parse("/3/0/9"),
                SingleResource.of(9, Value.of(1L))));
        byte[] bytes = codec.encodeTimestamped(List.of(group), ObjectModels.none());
        EDecimal expected = EDecimal.FromString("-9223372036.999999999");
        assertThat(CBORObject.DecodeFromBytes(bytes).get(0).get(CBORObject.FromObject(-3)).AsEDecimal()
                .compareTo(expected)).isZero();
        assertThat(codec.decodeTimestamped(bytes, ObjectModels.none())).containsExactly(group);
    }

    private static CBORObject record(LeafValue leaf) {
        CBORObject map = CBORObject.NewMap();
        map.Add(N, CBORObject.FromObject(leaf.path().toString()));
        Map.Entry<CBORObject, CBORObject> value = value(leaf.value());
        map.Add(value.getKey(), value.getValue());
        return map;
    }

    /** The pack with an indefinite-length array of indefinite-length maps, items encoded by the oracle. */
    private static byte[] indefinite(List<LeafValue> leaves) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x9f);
        for (LeafValue leaf : leaves) {
            out.write(0xbf);
            out.writeBytes(N.EncodeToBytes());
            out.writeBytes(CBORObject.FromObject(leaf.path().toString()).EncodeToBytes());
            Map.Entry<CBORObject, CBORObject> value = value(leaf.value());
            out.writeBytes(value.getKey().EncodeToBytes());
            out.writeBytes(value.getValue().EncodeToBytes());
            out.write(0xff);
        }
        out.write(0xff);
        return out.toByteArray();
    }

    private static Map.Entry<CBORObject, CBORObject> value(Value v) {
        if (v instanceof Value.StringValue s) {
            return Map.entry(VS, CBORObject.FromObject(s.value()));
        }
        if (v instanceof Value.CorelnkValue c) {
            return Map.entry(VS, CBORObject.FromObject(c.value()));
        }
        if (v instanceof Value.IntegerValue i) {
            return Map.entry(V, CBORObject.FromObject(i.value()));
        }
        if (v instanceof Value.TimeValue t) {
            return Map.entry(V, CBORObject.FromObject(t.epochSeconds()));
        }
        if (v instanceof Value.UnsignedIntegerValue u) {
            return Map.entry(V, CBORObject.FromObject(EInteger.FromString(u.toString())));
        }
        if (v instanceof Value.FloatValue f) {
            return Map.entry(V, CBORObject.FromObject(f.value()));
        }
        if (v instanceof Value.BooleanValue b) {
            return Map.entry(VB, b.value() ? CBORObject.True : CBORObject.False);
        }
        if (v instanceof Value.OpaqueValue o) {
            return Map.entry(VD, CBORObject.FromObject(o.value()));
        }
        return Map.entry(VLO, CBORObject.FromObject(v.toString()));
    }

    private static void assertValue(CBORObject record, Value expected) {
        List<CBORObject> valueKeys = new ArrayList<>();
        for (CBORObject key : List.of(V, VS, VB, VD, VLO)) {
            if (record.ContainsKey(key)) {
                valueKeys.add(key);
            }
        }
        Map.Entry<CBORObject, CBORObject> want = value(expected);
        assertThat(valueKeys).containsExactly(want.getKey());
        CBORObject got = record.get(want.getKey());
        if (expected instanceof Value.FloatValue f) {
            assertThat(got.AsDoubleValue()).isEqualTo(f.value());
        } else if (expected instanceof Value.UnsignedIntegerValue u) {
            assertThat(got.AsNumber().ToEIntegerIfExact().toString()).isEqualTo(u.toString());
        } else if (expected instanceof Value.IntegerValue || expected instanceof Value.TimeValue) {
            assertThat(got.getType()).isEqualTo(CBORType.Integer);
            assertThat(got.AsInt64Value()).isEqualTo(want.getValue().AsInt64Value());
        } else if (expected instanceof Value.OpaqueValue o) {
            assertThat(got.GetByteString()).isEqualTo(o.value());
        } else {
            assertThat(got).isEqualTo(want.getValue());
        }
    }
}
