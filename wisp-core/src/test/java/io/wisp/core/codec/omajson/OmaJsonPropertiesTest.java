package io.wisp.core.codec.omajson;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.codec.BadInput;
import io.wisp.core.codec.NodeLeaves;
import io.wisp.core.codec.RoundTrip;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import io.wisp.core.testing.NodeArbitraries;
import io.wisp.core.testing.NodeArbitraries.Options;
import io.wisp.core.testing.NodeArbitraries.Sample;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Round trips over generated trees, several paths and timestamped groups; bytes in, a node or a CodecException out. */
class OmaJsonPropertiesTest {
    private static final OmaJsonCodec CODEC = OmaJsonCodec.STANDARD;
    private static final Options CARRIED = Options.all().withoutEmptyContainers();
    private static final byte[] JSON_CHARS = "{}[]\":,.-0e1 tnx\\/".getBytes(StandardCharsets.US_ASCII);

    /** Groups of nodes at several paths with distinct timestamps (one may have none), typed by their models. */
    record History(ObjectModels models, List<TimestampedNodes> groups) {
    }

    @Property(tries = 500)
    void every_node_shape_and_type_it_carries_round_trips(@ForAll("carried") Sample s) {
        RoundTrip.withModels(CODEC, s);
    }

    /** Without a model the field keeps String, Boolean and Objlnk, and a number's form keeps Integer and Float. */
    @Property(tries = 300)
    void self_describing_types_round_trip_without_a_model(@ForAll("selfDescribing") Sample s) {
        RoundTrip.withoutModels(CODEC, s);
    }

    @Property(tries = 200)
    void timestamped_groups_at_several_paths_round_trip(@ForAll("histories") History h) {
        byte[] content = CODEC.encodeTimestamped(h.groups(), h.models());
        List<TimestampedNodes> expected = new ArrayList<>();
        h.groups().forEach(g -> expected.add(new TimestampedNodes(g.timestamp(), NodeLeaves.of(g.nodes()))));
        assertThat(CODEC.decodeTimestamped(content, h.models())).isEqualTo(expected);
        if (h.groups().size() == 1 && h.groups().get(0).timestamp() == null) {
            assertThat(CODEC.decodeNodes(CODEC.encodeNodes(h.groups().get(0).nodes(), h.models()), h.models()))
                    .isEqualTo(expected.get(0).nodes());
        }
    }

    @Property(tries = 2000)
    void random_bytes_give_a_node_or_a_codec_exception(@ForAll @Size(max = 64) byte[] content) {
        decodeOrCodecException(content, LwM2mPath.parse("/3/0"));
    }

    @Property(tries = 400)
    void damaged_content_gives_a_node_or_a_codec_exception(@ForAll("carried") Sample s,
                                                          @ForAll("damage") List<Integer> damage) {
        byte[] content = BadInput.damaged(CODEC.encode(s.node(), s.path(), s.models()), damage,
                b -> JSON_CHARS[Math.floorMod(b, JSON_CHARS.length)]);
        decodeOrCodecException(content, s.path());
    }

    private static void decodeOrCodecException(byte[] content, LwM2mPath path) {
        BadInput.decodedOrRefused(CODEC.format(), content, c -> CODEC.decode(c, path, ObjectModels.none()));
        BadInput.decodedOrRefused(CODEC.format(), content, c -> CODEC.decodeTimestamped(c, ObjectModels.none()));
    }

    @Provide
    Arbitrary<Sample> carried() {
        return NodeArbitraries.samples(CARRIED);
    }

    @Provide
    Arbitrary<Sample> selfDescribing() {
        return NodeArbitraries.samples(CARRIED.withTypes(EnumSet.of(DataType.STRING, DataType.INTEGER,
                DataType.FLOAT, DataType.BOOLEAN, DataType.OBJLNK)));
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<Instant> instants = Combinators.combine(
                Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L),
                Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999)))
                .as(Instant::ofEpochSecond);
        Arbitrary<Instant> maybeNull = Arbitraries.oneOf(instants, instants, Arbitraries.just(null));
        Arbitrary<List<Sample>> group = NodeArbitraries.samples(CARRIED).list().ofMinSize(1).ofMaxSize(3)
                .uniqueElements(s -> s.model().id());
        return Combinators.combine(group.list().ofMinSize(1).ofMaxSize(3),
                        maybeNull.list().ofMinSize(3).ofMaxSize(3).uniqueElements())
                .as((groups, times) -> {
                    Map<Integer, ObjectModel> models = new LinkedHashMap<>();
                    List<TimestampedNodes> out = new ArrayList<>();
                    for (int g = 0; g < groups.size(); g++) {
                        Map<LwM2mPath, LwM2mNode> nodes = new LinkedHashMap<>();
                        for (Sample s : groups.get(g)) {
                            if (models.putIfAbsent(s.model().id(), s.model()) == null) {
                                nodes.put(s.path(), s.node());
                            }
                        }
                        out.add(TimestampedNodes.of(times.get(g), nodes));
                    }
                    return new History(ObjectModels.of(models.values()), out);
                })
                .filter(h -> h.groups().stream().noneMatch(g -> g.nodes().isEmpty()));
    }

    @Provide
    Arbitrary<List<Integer>> damage() {
        return BadInput.damage();
    }
}
