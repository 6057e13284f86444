package io.wisp.core.codec.cbor;

import static org.assertj.core.api.Assertions.assertThat;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.numbers.EInteger;
import io.wisp.core.codec.BadInput;
import io.wisp.core.codec.RoundTrip;
import io.wisp.core.codec.SingleValueSamples;
import io.wisp.core.node.DataType;
import io.wisp.core.node.Value;
import io.wisp.core.testing.NodeArbitraries;
import java.util.EnumSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * application/cbor round trips every type, agrees both ways with an independent CBOR library
 * (com.upokecenter:cbor), keeps the CBOR-carried types without a model, and refuses bad bytes only with
 * CodecException.
 */
class CborPropertiesTest {
    private static final CborCodec CBOR = CborCodec.INSTANCE;

    @Provide
    Arbitrary<NodeArbitraries.Sample> singleValues() {
        return SingleValueSamples.of(NodeArbitraries.Options.all());
    }

    @Property(tries = 300)
    void every_single_value_round_trips_with_its_model(@ForAll("singleValues") NodeArbitraries.Sample s) {
        RoundTrip.withModels(CBOR, s);
    }

    @Property(tries = 300)
    void what_we_write_an_independent_library_reads_as_the_same_value(
            @ForAll("singleValues") NodeArbitraries.Sample s) {
        Value v = SingleValueSamples.valueOf(s.node());
        CBORObject o = CBORObject.DecodeFromBytes(CBOR.encode(s.node(), s.path(), s.models()));
        if (v instanceof Value.IntegerValue i) {
            assertThat(o.AsInt64Value()).isEqualTo(i.value());
        } else if (v instanceof Value.UnsignedIntegerValue u) {
            assertThat(o.AsEIntegerValue().toString()).isEqualTo(Long.toUnsignedString(u.bits()));
        } else if (v instanceof Value.FloatValue f) {
            assertThat(Double.compare(o.AsDoubleValue(), f.value())).isZero();
        } else if (v instanceof Value.BooleanValue b) {
            assertThat(o.AsBoolean()).isEqualTo(b.value());
        } else if (v instanceof Value.OpaqueValue b) {
            assertThat(o.GetByteString()).isEqualTo(b.value());
        } else if (v instanceof Value.TimeValue t) {
            assertThat(o.HasMostOuterTag(1)).isTrue();
            assertThat(o.UntagOne().AsInt64Value()).isEqualTo(t.epochSeconds());
        } else {
            assertThat(o.AsString()).isEqualTo(v.toString());
        }
    }

    @Property(tries = 300)
    void what_an_independent_library_writes_we_read_as_the_same_value(
            @ForAll("singleValues") NodeArbitraries.Sample s) {
        Value v = SingleValueSamples.valueOf(s.node());
        CBORObject o;
        if (v instanceof Value.IntegerValue i) {
            o = CBORObject.FromObject(i.value());
        } else if (v instanceof Value.UnsignedIntegerValue u) {
            o = CBORObject.FromObject(EInteger.FromString(Long.toUnsignedString(u.bits())));
        } else if (v instanceof Value.FloatValue f) {
            o = CBORObject.FromObject(f.value());
        } else if (v instanceof Value.BooleanValue b) {
            o = CBORObject.FromObject(b.value());
        } else if (v instanceof Value.OpaqueValue b) {
            o = CBORObject.FromObject(b.value());
        } else if (v instanceof Value.TimeValue t) {
            o = CBORObject.FromObjectAndTag(t.epochSeconds(), 1);
        } else {
            o = CBORObject.FromObject(v.toString());
        }
        assertThat(CBOR.decode(o.EncodeToBytes(), s.path(), s.models())).isEqualTo(s.node());
    }

    @Provide
    Arbitrary<NodeArbitraries.Sample> selfTypedValues() {
        return SingleValueSamples.of(NodeArbitraries.Options.all().withTypes(EnumSet.of(DataType.STRING,
                DataType.INTEGER, DataType.FLOAT, DataType.BOOLEAN, DataType.OPAQUE, DataType.TIME)));
    }

    @Property(tries = 200)
    void without_a_model_the_types_cbor_carries_survive(@ForAll("selfTypedValues") NodeArbitraries.Sample s) {
        RoundTrip.withoutModels(CBOR, s);
    }

    @Property(tries = 2000)
    void random_bytes_give_a_value_or_a_codec_exception(@ForAll @Size(max = 40) byte[] content,
                                                        @ForAll @IntRange(min = 0, max = 15) int pathIndex,
                                                        @ForAll boolean withModels) {
        BadInput.decodesOrIsRefusedAt(CBOR, content, pathIndex, withModels);
    }
}
