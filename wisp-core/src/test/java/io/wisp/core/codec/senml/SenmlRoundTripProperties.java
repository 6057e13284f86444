package io.wisp.core.codec.senml;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.codec.NodeLeaves;
import io.wisp.core.codec.RoundTrip;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.codec.leaf.LeafFlattener;
import io.wisp.core.codec.leaf.LeafValue;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import io.wisp.core.testing.NodeArbitraries;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every node shape and data type SenML carries survives encoding then decoding, in all four formats. */
class SenmlRoundTripProperties {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);
    private static final NodeArbitraries.Options OPTIONS = NodeArbitraries.Options.all().withoutEmptyContainers();
    private static final List<AbstractSenmlCodec> ALL = List.of(new SenmlJsonCodec(CLOCK), new SenmlCborCodec(CLOCK),
            new SenmlEtchJsonCodec(), new SenmlEtchCborCodec());
    private static final List<AbstractSenmlCodec> TIMED = List.of(new SenmlJsonCodec(CLOCK),
            new SenmlCborCodec(CLOCK));

    /** Nodes at several paths of distinct objects, and the models typing them. */
    record Composite(ObjectModels models, Map<LwM2mPath, LwM2mNode> nodes) {
    }

    record Timed(ObjectModels models, List<TimestampedNodes> groups) {
    }

    @Provide
    Arbitrary<NodeArbitraries.Sample> samples() {
        return NodeArbitraries.samples(OPTIONS);
    }

    @Provide
    Arbitrary<Composite> composites() {
        return modelSets().flatMap(models -> nodesOf(models).map(nodes -> new Composite(ObjectModels.of(models),
                nodes)));
    }

    @Provide
    Arbitrary<Timed> timed() {
        Arbitrary<Instant> instants = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.longs().between(-(1L << 40), 1L << 40),
                        Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond),
                Arbitraries.longs().between(1_500_000_000L, 1_800_000_000L).map(Instant::ofEpochSecond),
                Arbitraries.just(null));
        return modelSets().flatMap(models -> Combinators.combine(instants, nodesOf(models))
                .as(TimestampedNodes::of).list().ofMinSize(1).ofMaxSize(4)
                .filter(SenmlRoundTripProperties::consecutiveTimesDiffer)
                .map(groups -> new Timed(ObjectModels.of(models), groups)));
    }

    @Provide
    Arbitrary<List<LwM2mPath>> pathLists() {
        Arbitrary<LwM2mPath> path = Arbitraries.integers().between(0, 4).flatMap(depth ->
                Arbitraries.integers().between(0, 65534).array(int[].class).ofSize(depth).map(LwM2mPath::of));
        return path.list().ofMaxSize(6);
    }

    @Property(tries = 400)
    void a_node_at_a_path_round_trips(@ForAll("samples") NodeArbitraries.Sample s) {
        for (AbstractSenmlCodec codec : ALL) {
            RoundTrip.withModels(codec, s);
        }
    }

    @Property(tries = 200)
    void nodes_at_several_paths_round_trip_as_their_values(@ForAll("composites") Composite c) {
        SortedMap<LwM2mPath, LwM2mNode> expected = NodeLeaves.of(c.nodes());
        for (AbstractSenmlCodec codec : ALL) {
            byte[] bytes = codec.encodeNodes(c.nodes(), c.models());
            assertThat(codec.decodeNodes(bytes, c.models())).as(codec.format().name()).isEqualTo(expected);
        }
    }

    @Property(tries = 200)
    void timestamped_groups_round_trip_with_their_times(@ForAll("timed") Timed t) {
        List<TimestampedNodes> expected = new ArrayList<>();
        for (TimestampedNodes g : t.groups()) {
            expected.add(new TimestampedNodes(g.timestamp(), NodeLeaves.of(g.nodes())));
        }
        for (AbstractSenmlCodec codec : TIMED) {
            byte[] bytes = codec.encodeTimestamped(t.groups(), t.models());
            assertThat(codec.decodeTimestamped(bytes, t.models())).as(codec.format().name()).isEqualTo(expected);
        }
    }

    @Property(tries = 200)
    void path_lists_round_trip_in_order(@ForAll("pathLists") List<LwM2mPath> paths) {
        for (AbstractSenmlCodec codec : ALL) {
            assertThat(codec.decodePaths(codec.encodePaths(paths))).as(codec.format().name())
                    .containsExactlyElementsOf(paths);
        }
    }

    @Property(tries = 200)
    void without_models_values_keep_their_senml_kind(@ForAll("samples") NodeArbitraries.Sample s) {
        for (AbstractSenmlCodec codec : ALL) {
            SortedMap<LwM2mPath, LwM2mNode> decoded = codec.decodeNodes(codec.encode(s.node(), s.path(),
                    s.models()), ObjectModels.none());
            List<LeafValue> leaves = LeafFlattener.flatten(s.path(), s.node());
            assertThat(decoded).hasSize(leaves.size());
            for (LeafValue leaf : leaves) {
                LwM2mNode node = decoded.get(leaf.path());
                assertThat(UntypedKinds.kindOf(node)).as(leaf.toString())
                        .isEqualTo(UntypedKinds.expected(leaf.value()));
            }
        }
    }

    private static Arbitrary<List<ObjectModel>> modelSets() {
        return NodeArbitraries.models(OPTIONS).list().ofMinSize(1).ofMaxSize(3).uniqueElements(ObjectModel::id);
    }

    private static Arbitrary<Map<LwM2mPath, LwM2mNode>> nodesOf(List<ObjectModel> models) {
        List<Arbitrary<NodeArbitraries.Sample>> each = new ArrayList<>();
        for (ObjectModel m : models) {
            each.add(Arbitraries.integers().between(1, 4).flatMap(depth -> NodeArbitraries.sampleAt(m, depth,
                    OPTIONS)));
        }
        return Arbitraries.integers().between(1, models.size()).flatMap(count ->
                Combinators.combine(each.subList(0, count)).as(samples -> {
                    Map<LwM2mPath, LwM2mNode> nodes = new LinkedHashMap<>();
                    samples.forEach(s -> nodes.put(s.path(), s.node()));
                    return nodes;
                }));
    }

    private static boolean consecutiveTimesDiffer(List<TimestampedNodes> groups) {
        for (int k = 1; k < groups.size(); k++) {
            Instant a = groups.get(k - 1).timestamp();
            Instant b = groups.get(k).timestamp();
            if (a == null ? b == null : a.equals(b)) {
                return false;
            }
        }
        return true;
    }
}
