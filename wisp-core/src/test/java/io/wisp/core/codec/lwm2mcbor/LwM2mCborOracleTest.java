package io.wisp.core.codec.lwm2mcbor;

import static io.wisp.core.codec.lwm2mcbor.LwM2mCborVectorsTest.hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import com.upokecenter.numbers.EInteger;
import io.wisp.core.codec.CodecTestModels;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import io.wisp.core.testing.NodeArbitraries;
import io.wisp.core.testing.NodeArbitraries.Options;
import io.wisp.core.testing.NodeArbitraries.Sample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * An independent CBOR library (com.upokecenter:cbor) reads what we write as the maps, keys and values the format
 * defines, and what it writes (with ID-array keys, one-element arrays and indefinite lengths chosen at random) we read
 * back as the same node. The expected CBOR is built here from the node, by the rules of Core TS 1.2 §7.4.4 and
 * Table C.2, not by the codec.
 */
class LwM2mCborOracleTest {
    private static final LwM2mCborCodec CODEC = new LwM2mCborCodec();

    @Property(tries = 300)
    void an_independent_decoder_reads_the_expected_maps_keys_and_values(@ForAll("samples") Sample s) {
        CBORObject actual = CBORObject.DecodeFromBytes(CODEC.encode(s.node(), s.path(), s.models()));
        CBORObject expected = CBORObject.NewMap().Add(pathKey(s.path()), content(s.node()));
        assertThat(actual).isEqualTo(expected);
    }

    @Property(tries = 300)
    void what_an_independent_encoder_writes_in_any_style_decodes_to_the_node(@ForAll("samples") Sample s,
                                                                           @ForAll Random random) {
        byte[] content = new StyledWriter(random).content(s.path(), s.node());
        assertThat(CODEC.decode(content, s.path(), s.models())).isEqualTo(s.node());
    }

    @Test
    void array_keys_and_tags_as_the_independent_library_sees_them() {
        CBORObject decoded = CBORObject.DecodeFromBytes(CODEC.encode(
                SingleResource.of(13, Value.time(1367491215L)), LwM2mPath.parse("/3/0/13"), CodecTestModels.all()));
        CBORObject key = decoded.getKeys().iterator().next();
        assertThat(key.getType()).isEqualTo(CBORType.Array);
        assertThat(key.size()).isEqualTo(3);
        CBORObject time = decoded.get(key);
        assertThat(time.HasMostOuterTag(1)).isTrue();
        assertThat(time.UntagOne().AsInt64Value()).isEqualTo(1367491215L);
    }

    @Test
    void library_built_content_with_indefinite_lengths_decodes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xBF);
        out.write(0x9F);
        CBORObject.Write(3, out);
        CBORObject.Write(0, out);
        out.write(0xFF);
        out.write(CBORObject.NewMap().Add(0, "x").Add(7, CBORObject.NewMap().Add(0, 3800)).EncodeToBytes());
        out.write(0xFF);
        assertThat(CODEC.decode(out.toByteArray(), LwM2mPath.parse("/3/0"), CodecTestModels.all()))
                .isEqualTo(CODEC.decode(hex("A1 82 03 00 A2 00 6178 07 A1 00 190ED8"), LwM2mPath.parse("/3/0"),
                        CodecTestModels.all()));
    }

    @Provide
    Arbitrary<Sample> samples() {
        return NodeArbitraries.samples(Options.all());
    }

    private static CBORObject pathKey(LwM2mPath path) {
        if (path.depth() == 1) {
            return CBORObject.FromObject(path.objectId());
        }
        CBORObject array = CBORObject.NewArray();
        for (int k = 0; k < path.depth(); k++) {
            array.Add(path.id(k));
        }
        return array;
    }

    private static CBORObject content(LwM2mNode node) {
        if (node instanceof LwM2mObject o) {
            CBORObject map = CBORObject.NewMap();
            o.instances().values().forEach(i -> map.Add(i.id(), content(i)));
            return map;
        }
        if (node instanceof ObjectInstance i) {
            CBORObject map = CBORObject.NewMap();
            i.resources().values().forEach(r -> map.Add(r.id(), content(r)));
            return map;
        }
        if (node instanceof MultipleResource m) {
            CBORObject map = CBORObject.NewMap();
            m.instances().values().forEach(ri -> map.Add(ri.id(), scalar(ri.value())));
            return map;
        }
        if (node instanceof SingleResource s) {
            return scalar(s.value());
        }
        return scalar(((ResourceInstance) node).value());
    }

    /** Table C.2, column "CBOR, LwM2M CBOR and SenML CBOR", with Time as tag 1 on an integer. */
    static CBORObject scalar(Value v) {
        if (v instanceof Value.IntegerValue i) {
            return CBORObject.FromObject(i.value());
        }
        if (v instanceof Value.UnsignedIntegerValue u) {
            return CBORObject.FromObject(EInteger.FromString(Long.toUnsignedString(u.bits())));
        }
        if (v instanceof Value.FloatValue f) {
            return CBORObject.FromObject(f.value());
        }
        if (v instanceof Value.BooleanValue b) {
            return b.value() ? CBORObject.True : CBORObject.False;
        }
        if (v instanceof Value.OpaqueValue o) {
            return CBORObject.FromObject(o.value());
        }
        if (v instanceof Value.TimeValue t) {
            return CBORObject.FromObjectAndTag(t.epochSeconds(), 1);
        }
        return CBORObject.FromObject(v.toString());
    }

    /**
     * Writes the content for a node with random choices the format allows: chains of single-entry maps folded into
     * ID-array keys or not, single IDs as one-element arrays or not, definite or indefinite maps, arrays and byte
     * strings. Items and heads come from the independent library; only the indefinite framing bytes are written here.
     */
    private static final class StyledWriter {
        private final Random random;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        StyledWriter(Random random) {
            this.random = random;
        }

        byte[] content(LwM2mPath path, LwM2mNode node) {
            Object tree = tree(node);
            for (int k = path.depth() - 1; k >= 0; k--) {
                Map<Integer, Object> level = new LinkedHashMap<>();
                level.put(path.id(k), tree);
                tree = level;
            }
            writeMap(cast(tree));
            return out.toByteArray();
        }

        private static Object tree(LwM2mNode node) {
            if (node instanceof LwM2mObject o) {
                Map<Integer, Object> map = new LinkedHashMap<>();
                o.instances().values().forEach(i -> map.put(i.id(), tree(i)));
                return map;
            }
            if (node instanceof ObjectInstance i) {
                Map<Integer, Object> map = new LinkedHashMap<>();
                i.resources().values().forEach(r -> map.put(r.id(), tree(r)));
                return map;
            }
            if (node instanceof MultipleResource m) {
                Map<Integer, Object> map = new LinkedHashMap<>();
                m.instances().values().forEach(ri -> map.put(ri.id(), ri.value()));
                return map;
            }
            return node instanceof SingleResource s ? s.value() : ((ResourceInstance) node).value();
        }

        private void writeMap(Map<Integer, Object> map) {
            boolean indefinite = random.nextBoolean();
            head(5, map.size(), indefinite);
            for (Map.Entry<Integer, Object> e : map.entrySet()) {
                java.util.List<Integer> ids = new java.util.ArrayList<>();
                ids.add(e.getKey());
                Object value = e.getValue();
                while (value instanceof Map<?, ?> m && m.size() == 1 && random.nextBoolean()) {
                    Map.Entry<Integer, Object> only = cast(value).entrySet().iterator().next();
                    ids.add(only.getKey());
                    value = only.getValue();
                }
                writeKey(ids);
                if (value instanceof Map<?, ?>) {
                    writeMap(cast(value));
                } else {
                    writeValue((Value) value);
                }
            }
            if (indefinite) {
                out.write(0xFF);
            }
        }

        private void writeKey(java.util.List<Integer> ids) {
            if (ids.size() == 1 && random.nextBoolean()) {
                write(CBORObject.FromObject(ids.get(0)));
                return;
            }
            boolean indefinite = random.nextBoolean();
            head(4, ids.size(), indefinite);
            ids.forEach(id -> write(CBORObject.FromObject(id)));
            if (indefinite) {
                out.write(0xFF);
            }
        }

        private void writeValue(Value v) {
            if (v instanceof Value.OpaqueValue o && o.length() > 1 && random.nextBoolean()) {
                byte[] bytes = o.value();
                int cut = 1 + random.nextInt(bytes.length - 1);
                out.write(0x5F);
                write(CBORObject.FromObject(java.util.Arrays.copyOfRange(bytes, 0, cut)));
                write(CBORObject.FromObject(java.util.Arrays.copyOfRange(bytes, cut, bytes.length)));
                out.write(0xFF);
                return;
            }
            write(scalar(v));
        }

        private void head(int major, int count, boolean indefinite) {
            if (indefinite) {
                out.write((major << 5) | 31);
                return;
            }
            try {
                CBORObject.WriteValue(out, major, count);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void write(CBORObject item) {
            out.writeBytes(item.EncodeToBytes());
        }

        @SuppressWarnings("unchecked")
        private static Map<Integer, Object> cast(Object map) {
            return (Map<Integer, Object>) map;
        }
    }
}
