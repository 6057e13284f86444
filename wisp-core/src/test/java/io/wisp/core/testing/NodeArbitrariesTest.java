package io.wisp.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

/** The shared generators produce nodes that agree with their model and path, or codec tests would mislead. */
class NodeArbitrariesTest {

    @Property(tries = 300)
    void samples_agree_with_their_model_and_path(@ForAll("samples") NodeArbitraries.Sample s) {
        assertThat(s.path().objectId()).isEqualTo(s.model().id());
        switch (s.path().depth()) {
            case 1 -> assertThat(s.node()).isInstanceOf(LwM2mObject.class);
            case 2 -> assertThat(s.node()).isInstanceOf(ObjectInstance.class);
            case 3 -> {
                LwM2mResource r = (LwM2mResource) s.node();
                assertThat(r.type()).isEqualTo(s.model().resource(r.id()).type());
                assertThat(r.isMultiple()).isEqualTo(s.model().resource(r.id()).multiple());
            }
            default -> assertThat(s.node()).isInstanceOf(ResourceInstance.class);
        }
        assertThat(s.node().id()).isEqualTo(s.path().id(s.path().depth() - 1));
    }

    @Provide
    Arbitrary<NodeArbitraries.Sample> samples() {
        return NodeArbitraries.samples(NodeArbitraries.Options.all());
    }
}
