package io.wisp.core.codec.tlv;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.codec.BadInput;
import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.RoundTrip;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.testing.NodeArbitraries;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** TLV carries every node shape and type: round trips over generated trees, and only CodecException on bad bytes. */
class TlvPropertiesTest {
    private static final TlvCodec TLV = TlvCodec.STANDARD;

    @Provide
    Arbitrary<NodeArbitraries.Sample> samples() {
        return NodeArbitraries.samples(NodeArbitraries.Options.all());
    }

    @Property(tries = 400)
    void every_node_round_trips_with_its_model(@ForAll("samples") NodeArbitraries.Sample s) {
        RoundTrip.withModels(TLV, s);
    }

    @Property(tries = 150)
    void without_a_model_the_structure_survives_and_values_become_opaque(
            @ForAll("samples") NodeArbitraries.Sample s) {
        byte[] bytes = TLV.encode(s.node(), s.path(), s.models());
        LwM2mNode untyped = TLV.decode(bytes, s.path(), ObjectModels.none());
        assertSameShapeWithOpaqueValues(s.node(), untyped);
    }

    /** Same IDs at every level; every value Opaque, holding the very bytes for Opaque and String values. */
    private static void assertSameShapeWithOpaqueValues(LwM2mNode typed, LwM2mNode untyped) {
        assertThat(untyped.id()).isEqualTo(typed.id());
        if (typed instanceof LwM2mObject o) {
            LwM2mObject u = (LwM2mObject) untyped;
            assertThat(u.instances().keySet()).isEqualTo(o.instances().keySet());
            o.instances().forEach((id, i) -> assertSameShapeWithOpaqueValues(i, u.instance(id)));
        } else if (typed instanceof ObjectInstance i) {
            ObjectInstance u = (ObjectInstance) untyped;
            assertThat(u.resources().keySet()).isEqualTo(i.resources().keySet());
            i.resources().forEach((id, r) -> assertSameShapeWithOpaqueValues(r, u.resource(id)));
        } else if (typed instanceof MultipleResource m) {
            MultipleResource u = (MultipleResource) untyped;
            assertThat(u.type()).isEqualTo(DataType.OPAQUE);
            assertThat(u.instances().keySet()).isEqualTo(m.instances().keySet());
            m.instances().forEach((id, ri) -> assertSameShapeWithOpaqueValues(ri, u.instance(id)));
        } else {
            Value typedValue = typed instanceof SingleResource s ? s.value() : ((ResourceInstance) typed).value();
            Value value = untyped instanceof SingleResource s ? s.value() : ((ResourceInstance) untyped).value();
            assertThat(value).isInstanceOf(Value.OpaqueValue.class);
            byte[] raw = ((Value.OpaqueValue) value).value();
            if (typedValue instanceof Value.OpaqueValue o) {
                assertThat(raw).isEqualTo(o.value());
            } else if (typedValue instanceof Value.StringValue str) {
                assertThat(raw).isEqualTo(str.value().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Property(tries = 2000)
    void random_bytes_give_a_node_or_a_codec_exception(@ForAll @Size(max = 80) byte[] content,
                                                       @ForAll @IntRange(min = 0, max = 15) int pathIndex,
                                                       @ForAll boolean withModels) {
        BadInput.decodesOrIsRefusedAt(TLV, content, pathIndex, withModels);
    }

    @Provide
    Arbitrary<int[]> mutations() {
        return Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 250)
    void damaged_valid_payloads_give_a_node_or_a_codec_exception(@ForAll("samples") NodeArbitraries.Sample s,
                                                                 @ForAll("mutations") int[] mutations) {
        byte[] bytes = TLV.encode(s.node(), s.path(), s.models());
        if (bytes.length == 0) {
            return;
        }
        for (int m : mutations) {
            int at = (m >>> 3) % bytes.length;
            switch (m & 3) {
                case 0 -> bytes[at] ^= (byte) (1 << ((m >>> 8) & 7));
                case 1 -> bytes = Arrays.copyOf(bytes, Math.max(1, at));
                case 2 -> bytes[at] = (byte) (m >>> 11);
                default -> bytes[at] = (byte) (bytes[at] + 1);
            }
        }
        try {
            assertThat(TLV.decode(bytes, s.path(), s.models())).isNotNull();
        } catch (CodecException e) {
            assertThat(e.isMalformed()).isTrue();
        }
    }
}
