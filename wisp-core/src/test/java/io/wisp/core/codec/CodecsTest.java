package io.wisp.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import io.wisp.core.testing.NodeArbitraries;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The entry point dispatches by content format, refuses what it cannot do as UNSUPPORTED, and knows which formats
 * carry which node.
 */
class CodecsTest {
    private static final Codecs CODECS = Codecs.standard();
    private static final ObjectModels MODELS = CodecTestModels.all();
    private static final ContentFormat TLV = ContentFormat.TLV;
    private static final ContentFormat LEGACY = ContentFormat.TLV_LEGACY;

    private static void assertUnsupported(ThrowingCallable call, ContentFormat format, String part) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CodecException.class, e -> {
            assertThat(e.kind()).isEqualTo(CodecException.Kind.UNSUPPORTED);
            assertThat(e.format()).isEqualTo(format);
            assertThat(e.reason()).contains(part);
        });
    }

    @Test
    void dispatches_by_format_and_legacy_1542_is_tlv() {
        LwM2mPath battery = LwM2mPath.parse("/3/0/9");
        SingleResource level = SingleResource.of(9, Value.of(100L));
        assertThat(CODECS.encode(ContentFormat.TEXT, level, battery, MODELS))
                .isEqualTo("100".getBytes(StandardCharsets.US_ASCII));
        assertThat(CODECS.encode(TLV, level, battery, MODELS)).containsExactly(0xC1, 0x09, 0x64);
        assertThat(CODECS.encode(LEGACY, level, battery, MODELS)).containsExactly(0xC1, 0x09, 0x64);
        assertThat(CODECS.encode(ContentFormat.CBOR, level, battery, MODELS)).containsExactly(0x18, 0x64);
        assertThat(CODECS.decode(ContentFormat.of(1542), new byte[] {(byte) 0xC1, 9, 100}, battery, MODELS))
                .isEqualTo(level);
        assertThat(CODECS.decode(ContentFormat.of(0), "100".getBytes(StandardCharsets.US_ASCII), battery, MODELS))
                .isEqualTo(level);
        assertThat(CODECS.decode(ContentFormat.OPAQUE, new byte[] {1}, LwM2mPath.parse("/5/0/0"), MODELS))
                .isEqualTo(SingleResource.of(0, Value.of(new byte[] {1})));
    }

    @Test
    void knows_which_formats_it_supports() {
        assertThat(CODECS.supports(TLV)).isTrue();
        assertThat(CODECS.supports(ContentFormat.of(1542))).isTrue();
        assertThat(CODECS.supports(ContentFormat.of(9999))).isFalse();
        assertThat(CODECS.nodeFormats()).containsExactly(ContentFormat.LWM2M_CBOR, ContentFormat.SENML_CBOR,
                ContentFormat.SENML_JSON, TLV, ContentFormat.JSON, ContentFormat.TEXT, ContentFormat.CBOR,
                ContentFormat.OPAQUE, LEGACY, ContentFormat.JSON_LEGACY);
        assertThat(CODECS.multiNodeFormats()).containsExactly(ContentFormat.LWM2M_CBOR, ContentFormat.SENML_CBOR,
                ContentFormat.SENML_JSON, ContentFormat.JSON, ContentFormat.JSON_LEGACY,
                ContentFormat.SENML_ETCH_CBOR, ContentFormat.SENML_ETCH_JSON);
        assertThat(CODECS.pathListFormats()).containsExactly(ContentFormat.SENML_CBOR, ContentFormat.SENML_JSON,
                ContentFormat.SENML_ETCH_CBOR, ContentFormat.SENML_ETCH_JSON);
        assertThat(CODECS.supports(ContentFormat.SENML_ETCH_JSON)).isTrue();
    }

    @Test
    void an_unknown_format_or_operation_is_unsupported() {
        ContentFormat unknown = ContentFormat.of(9999);
        LwM2mPath p = LwM2mPath.parse("/3/0/9");
        assertUnsupported(() -> CODECS.decode(unknown, new byte[0], p, MODELS), unknown, "no codec for content format");
        assertUnsupported(() -> CODECS.encode(unknown, SingleResource.of(9, Value.of(1L)), p, MODELS), unknown,
                "TLV(11542)");
        assertUnsupported(() -> CODECS.encodeNodes(TLV, Map.of(), MODELS), TLV, "cannot carry nodes at several");
        assertUnsupported(() -> CODECS.decodeNodes(TLV, new byte[0], MODELS), TLV, "cannot carry nodes at several");
        assertUnsupported(() -> CODECS.encodeTimestamped(ContentFormat.TEXT, List.of(), MODELS), ContentFormat.TEXT,
                "timestamps");
        assertUnsupported(() -> CODECS.decodeTimestamped(TLV, new byte[0], MODELS), TLV, "timestamps");
        assertUnsupported(() -> CODECS.encodePaths(ContentFormat.CBOR, List.of(p)), ContentFormat.CBOR, "path list");
        assertUnsupported(() -> CODECS.encode(ContentFormat.SENML_ETCH_JSON, SingleResource.of(9, Value.of(1L)), p,
                MODELS), ContentFormat.SENML_ETCH_JSON, "no codec");
        assertUnsupported(() -> CODECS.decodePaths(TLV, new byte[0]), TLV, "path list");
        assertUnsupported(() -> CODECS.encode(ContentFormat.TEXT, ObjectInstance.of(0), LwM2mPath.parse("/3/0"),
                MODELS), ContentFormat.TEXT, "carries one value");
    }

    @Test
    void formats_for_each_node_shape() {
        ContentFormat text = ContentFormat.TEXT;
        ContentFormat cbor = ContentFormat.CBOR;
        ContentFormat lc = ContentFormat.LWM2M_CBOR;
        ContentFormat json = ContentFormat.JSON;
        ContentFormat jsonOld = ContentFormat.JSON_LEGACY;
        ContentFormat sc = ContentFormat.SENML_CBOR;
        ContentFormat sj = ContentFormat.SENML_JSON;
        ObjectInstance device = ObjectInstance.of(0, SingleResource.of(9, Value.of(100L)));
        assertThat(CODECS.formatsFor(LwM2mObject.of(3, device), LwM2mPath.parse("/3")))
                .containsExactly(lc, sc, sj, TLV, json, LEGACY, jsonOld);
        assertThat(CODECS.formatsFor(LwM2mObject.of(3), LwM2mPath.parse("/3")))
                .containsExactly(lc, sc, sj, TLV, json, LEGACY, jsonOld);
        assertThat(CODECS.formatsFor(device, LwM2mPath.parse("/3/0"))).containsExactly(lc, sc, sj, TLV, json, LEGACY, jsonOld);
        MultipleResource sources = MultipleResource.of(6, DataType.INTEGER, ResourceInstance.of(0, Value.of(1L)));
        assertThat(CODECS.formatsFor(sources, LwM2mPath.parse("/3/0/6")))
                .containsExactly(lc, sc, sj, TLV, json, LEGACY, jsonOld);
        assertThat(CODECS.formatsFor(SingleResource.of(9, Value.of(100L)), LwM2mPath.parse("/3/0/9")))
                .containsExactly(lc, sc, sj, TLV, json, text, cbor, LEGACY, jsonOld);
        assertThat(CODECS.formatsFor(SingleResource.of(0, Value.of(new byte[] {1})), LwM2mPath.parse("/5/0/0")))
                .containsExactly(lc, sc, sj, TLV, json, text, cbor, ContentFormat.OPAQUE, LEGACY, jsonOld);
        assertThat(CODECS.formatsFor(ResourceInstance.of(1, Value.of(5L)), LwM2mPath.parse("/3/0/6/1")))
                .containsExactly(lc, sc, sj, TLV, json, text, cbor, LEGACY, jsonOld);
        assertThat(CODECS.formatsFor(SingleResource.of(3, Value.of(Double.NaN)), LwM2mPath.parse("/33000/0/3")))
                .containsExactly(lc, sc, TLV, cbor, LEGACY);
        assertThat(CODECS.formatsFor(SingleResource.of(9, Value.of(1L)), LwM2mPath.parse("/3/0"))).isEmpty();
        assertThat(CODECS.formatsFor(SingleResource.of(9, Value.of(1L)), LwM2mPath.parse("/3/0/8"))).isEmpty();
    }

    @Provide
    Arbitrary<NodeArbitraries.Sample> samples() {
        return NodeArbitraries.samples(NodeArbitraries.Options.all());
    }

    @Property(tries = 200)
    void every_format_offered_for_a_node_carries_it_and_the_others_refuse_it(
            @ForAll("samples") NodeArbitraries.Sample s) {
        List<ContentFormat> offered = CODECS.formatsFor(s.node(), s.path());
        assertThat(offered).contains(TLV, LEGACY);
        for (ContentFormat f : CODECS.nodeFormats()) {
            if (offered.contains(f)) {
                byte[] bytes = CODECS.encode(f, s.node(), s.path(), s.models());
                assertThat(CODECS.decode(f, bytes, s.path(), s.models())).as("%s", f).isEqualTo(s.node());
            } else {
                assertUnsupported(() -> CODECS.encode(f, s.node(), s.path(), s.models()), f, "");
            }
        }
    }

    @Test
    void added_codecs_serve_composite_timestamped_and_path_list_content() {
        ContentFormat composite = new ContentFormat(65000, "TEST_COMPOSITE", "application/x-test");
        EchoComposite echo = new EchoComposite(composite);
        Codecs codecs = new Codecs(List.of(tlvCodec(), echo), List.of(echo));
        Map<LwM2mPath, LwM2mNode> nodes = Map.of(LwM2mPath.parse("/3/0/9"), SingleResource.of(9, Value.of(1L)));
        assertThat(codecs.decodeNodes(composite, codecs.encodeNodes(composite, nodes, MODELS), MODELS))
                .isEqualTo(new TreeMap<>(nodes));
        assertThat(codecs.decodePaths(composite, codecs.encodePaths(composite, List.of(LwM2mPath.parse("/1")))))
                .containsExactly(LwM2mPath.parse("/1"));
        assertThat(codecs.multiNodeFormats()).containsExactly(composite);
        assertThat(codecs.pathListFormats()).containsExactly(composite);
        assertThatThrownBy(() -> new Codecs(List.of(tlvCodec(), tlvCodec()), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two codecs for TLV(11542)");
    }

    private static NodeCodec tlvCodec() {
        return CODECS.nodeCodec(TLV);
    }

    /**
     * A test-only composite format that keeps what it is given in memory between encode and decode: it proves the
     * entry point routes each operation to the codec registered for the format, nothing about any real format.
     */
    private static final class EchoComposite implements MultiNodeCodec, PathListCodec {
        private final ContentFormat format;
        private final List<Object> sent = new ArrayList<>();

        EchoComposite(ContentFormat format) {
            this.format = format;
        }

        @Override
        public ContentFormat format() {
            return format;
        }

        private byte[] keep(Object o) {
            sent.add(o);
            return new byte[] {(byte) (sent.size() - 1)};
        }

        @Override
        public boolean canEncode(LwM2mNode node, LwM2mPath path) {
            return false;
        }

        @Override
        public byte[] encode(LwM2mNode node, LwM2mPath path, ObjectModels models) {
            throw CodecException.unsupported(format, path, "test codec");
        }

        @Override
        public LwM2mNode decode(byte[] content, LwM2mPath path, ObjectModels models) {
            throw CodecException.unsupported(format, path, "test codec");
        }

        @Override
        public byte[] encodeNodes(Map<LwM2mPath, LwM2mNode> nodes, ObjectModels models) {
            return keep(new TreeMap<>(nodes));
        }

        @Override
        @SuppressWarnings("unchecked")
        public SortedMap<LwM2mPath, LwM2mNode> decodeNodes(byte[] content, ObjectModels models) {
            return (SortedMap<LwM2mPath, LwM2mNode>) sent.get(content[0]);
        }

        @Override
        public byte[] encodeTimestamped(List<TimestampedNodes> data, ObjectModels models) {
            return keep(data);
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<TimestampedNodes> decodeTimestamped(byte[] content, ObjectModels models) {
            return (List<TimestampedNodes>) sent.get(content[0]);
        }

        @Override
        public byte[] encodePaths(List<LwM2mPath> paths) {
            return keep(paths);
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<LwM2mPath> decodePaths(byte[] content) {
            return (List<LwM2mPath>) sent.get(content[0]);
        }
    }
}
