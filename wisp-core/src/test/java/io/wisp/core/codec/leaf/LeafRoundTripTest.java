package io.wisp.core.codec.leaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import io.wisp.core.testing.NodeArbitraries;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LeafRoundTripTest {
    private static final ContentFormat F = ContentFormat.SENML_JSON;

    @Property(tries = 500)
    void flattening_then_assembling_gives_the_same_node(@ForAll("samples") NodeArbitraries.Sample s) {
        List<LeafValue> leaves = LeafFlattener.flatten(s.path(), s.node());
        LwM2mNode back = LeafAssembler.assemble(F, s.path(), leaves, s.models());
        assertThat(back).isEqualTo(s.node());
    }

    @Provide
    Arbitrary<NodeArbitraries.Sample> samples() {
        return NodeArbitraries.samples(NodeArbitraries.Options.all().withoutEmptyContainers());
    }

    @Test
    void builds_an_instance_from_single_and_multiple_leaves() {
        List<LeafValue> leaves = List.of(
                new LeafValue(LwM2mPath.parse("/3/0/7/1"), Value.of(5000L)),
                new LeafValue(LwM2mPath.parse("/3/0/0"), Value.of("Wisp")),
                new LeafValue(LwM2mPath.parse("/3/0/7/0"), Value.of(3800L)));
        LwM2mNode node = LeafAssembler.assemble(F, LwM2mPath.parse("/3/0"), leaves, ObjectModels.none());
        assertThat(node).isEqualTo(ObjectInstance.of(0, SingleResource.of(0, Value.of("Wisp")),
                MultipleResource.of(7, DataType.INTEGER, ResourceInstance.of(0, Value.of(3800L)),
                        ResourceInstance.of(1, Value.of(5000L)))));
    }

    @Test
    void refuses_leaves_outside_the_path_duplicates_and_mixed_shapes() {
        assertThatThrownBy(() -> LeafAssembler.assemble(F, LwM2mPath.parse("/3/0"),
                List.of(new LeafValue(LwM2mPath.parse("/4/0/1"), Value.of(1L))), ObjectModels.none()))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.isMalformed()).isTrue());
        assertThatThrownBy(() -> LeafAssembler.assemble(F, LwM2mPath.parse("/3/0"),
                List.of(new LeafValue(LwM2mPath.parse("/3/0/1"), Value.of(1L)),
                        new LeafValue(LwM2mPath.parse("/3/0/1"), Value.of(2L))), ObjectModels.none()))
                .isInstanceOf(CodecException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> LeafAssembler.assemble(F, LwM2mPath.parse("/3/0/7"),
                List.of(new LeafValue(LwM2mPath.parse("/3/0/7"), Value.of(1L)),
                        new LeafValue(LwM2mPath.parse("/3/0/7/0"), Value.of(2L))), ObjectModels.none()))
                .isInstanceOf(CodecException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> LeafAssembler.assemble(F, LwM2mPath.parse("/3/0/7"),
                List.of(new LeafValue(LwM2mPath.parse("/3/0/7/0"), Value.of(1L)),
                        new LeafValue(LwM2mPath.parse("/3/0/7/1"), Value.of("x"))), ObjectModels.none()))
                .isInstanceOf(CodecException.class).hasMessageContaining("different types");
    }
}
