package io.wisp.core.codec.lwm2mcbor;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.codec.BadInput;
import io.wisp.core.codec.NodeLeaves;
import io.wisp.core.codec.RoundTrip;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import io.wisp.core.testing.NodeArbitraries;
import io.wisp.core.testing.NodeArbitraries.Options;
import io.wisp.core.testing.NodeArbitraries.Sample;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Round trips over generated trees and models, and "bytes in, a node or a CodecException out". */
class LwM2mCborPropertiesTest {
    private static final LwM2mCborCodec CODEC = new LwM2mCborCodec();

    /** Nodes at several paths, each typed by its own object model. */
    record Composite(ObjectModels models, Map<LwM2mPath, LwM2mNode> nodes) {
    }

    @Property(tries = 500)
    void every_node_shape_and_type_round_trips(@ForAll("everything") Sample s) {
        RoundTrip.withModels(CODEC, s);
    }

    /** Without a model, the CBOR form alone keeps these types (Objlnk, Corelnk read back as String). */
    @Property(tries = 300)
    void self_describing_types_round_trip_without_a_model(@ForAll("selfDescribing") Sample s) {
        RoundTrip.withoutModels(CODEC, s);
    }

    @Property(tries = 150)
    void several_paths_round_trip_as_values_and_empty_containers(@ForAll("composites") Composite c) {
        byte[] content = CODEC.encodeNodes(c.nodes(), c.models());
        assertThat(CODEC.decodeNodes(content, c.models())).isEqualTo(NodeLeaves.of(c.nodes()));
        byte[] viaTimestamped = CODEC.encodeTimestamped(List.of(TimestampedNodes.of(null, c.nodes())), c.models());
        assertThat(viaTimestamped).isEqualTo(content);
    }

    @Property(tries = 2000)
    void random_bytes_give_a_node_or_a_codec_exception(@ForAll @Size(max = 64) byte[] content,
                                                      @ForAll("paths") LwM2mPath path) {
        decodeOrCodecException(content, path);
    }

    @Property(tries = 400)
    void damaged_content_gives_a_node_or_a_codec_exception(@ForAll("everything") Sample s,
                                                          @ForAll("damage") List<Integer> damage) {
        byte[] content = BadInput.damaged(CODEC.encode(s.node(), s.path(), s.models()), damage, b -> b);
        decodeOrCodecException(content, s.path());
    }

    private static void decodeOrCodecException(byte[] content, LwM2mPath path) {
        BadInput.decodedOrRefused(CODEC.format(), content, c -> CODEC.decode(c, path, ObjectModels.none()));
        BadInput.decodedOrRefused(CODEC.format(), content, c -> CODEC.decodeNodes(c, ObjectModels.none()));
    }

    @Provide
    Arbitrary<Sample> everything() {
        return NodeArbitraries.samples(Options.all());
    }

    @Provide
    Arbitrary<Sample> selfDescribing() {
        return NodeArbitraries.samples(Options.all().withoutEmptyContainers().withTypes(EnumSet.of(DataType.STRING,
                DataType.INTEGER, DataType.FLOAT, DataType.BOOLEAN, DataType.OPAQUE, DataType.TIME)));
    }

    @Provide
    Arbitrary<Composite> composites() {
        return NodeArbitraries.samples(Options.all()).list().ofMinSize(1).ofMaxSize(4)
                .uniqueElements(s -> s.model().id())
                .map(list -> {
                    Map<LwM2mPath, LwM2mNode> nodes = new LinkedHashMap<>();
                    list.forEach(s -> nodes.put(s.path(), s.node()));
                    return new Composite(ObjectModels.of(list.stream().map(Sample::model).toList()), nodes);
                });
    }

    @Provide
    Arbitrary<LwM2mPath> paths() {
        return Arbitraries.integers().between(0, 5).list().ofMinSize(1).ofMaxSize(4)
                .map(ids -> LwM2mPath.of(ids.stream().mapToInt(Integer::intValue).toArray()));
    }

    @Provide
    Arbitrary<List<Integer>> damage() {
        return BadInput.damage();
    }
}
