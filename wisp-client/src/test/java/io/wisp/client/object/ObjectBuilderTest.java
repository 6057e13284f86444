package io.wisp.client.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.client.testing.RecordingListener;
import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The typed API for application objects, starting with the example of its Javadoc. */
class ObjectBuilderTest {
    private static final Requester SERVER = Requester.server(1);

    @Test
    void the_javadoc_example_binds_a_lamp() {
        AtomicBoolean lamp = new AtomicBoolean();
        ModelEnabler light = ObjectBuilder.of(3311)
                .instances(0)
                .readBoolean(5850, lamp::get)
                .onWriteBoolean(5850, lamp::set)
                .readString(5706, () -> "warm white")
                .build();
        ObjectTree tree = new ObjectTree();
        tree.add(light);
        RecordingListener listener = new RecordingListener();
        tree.addListener(listener);

        tree.write(SERVER, LwM2mPath.parse("/3311/0/5850"), SingleResource.of(5850, Value.of(true)), true);
        assertThat(lamp.get()).isTrue();
        lamp.set(false);
        light.fireValueChanged(0, 5850);

        assertThat(tree.read(SERVER, LwM2mPath.parse("/3311/0/5850"))).isEqualTo(SingleResource.of(5850,
                Value.of(false)));
        assertThat(tree.read(SERVER, LwM2mPath.parse("/3311/0/5706"))).isEqualTo(SingleResource.of(5706,
                Value.of("warm white")));
        assertThat(listener.heard).containsExactly("/3311/0/5850", "/3311/0/5850");
    }

    @Test
    void reads_writes_and_executes_know_the_instance() {
        AtomicLong dimmer = new AtomicLong(10);
        List<String> calls = new ArrayList<>();
        ModelEnabler timers = ObjectBuilder.of(3340)
                .instances(0, 1)
                .read(5521, id -> Value.of(id * 1.5))
                .readInteger(5534, dimmer::get)
                .onWriteInteger(5534, dimmer::set)
                .onWrite(5750, (v, id) -> calls.add("name " + id + "=" + v))
                .onExecute(5523, (args, id) -> calls.add("trigger " + id + " " + args))
                .build();

        timers.write(SERVER, LwM2mPath.parse("/3340/1/5534"), SingleResource.of(5534, Value.of(7L)), true);
        timers.write(SERVER, LwM2mPath.parse("/3340/1/5750"), SingleResource.of(5750, Value.of("oven")), true);
        timers.execute(SERVER, LwM2mPath.parse("/3340/1/5523"), ExecuteArguments.parse("1='5'"));

        assertThat(timers.read(SERVER, LwM2mPath.parse("/3340/1/5521"))).isEqualTo(SingleResource.of(5521,
                Value.of(1.5)));
        assertThat(dimmer.get()).isEqualTo(7);
        assertThat(timers.read(SERVER, LwM2mPath.parse("/3340/0/5750"))).isEqualTo(SingleResource.of(5750,
                Value.of("")));
        assertThat(calls).containsExactly("name 1=oven", "trigger 1 1='5'");
    }

    @Test
    void a_write_binding_refuses_a_value_and_nothing_is_stored() {
        ModelEnabler light = ObjectBuilder.of(3311).instances(0)
                .onWriteString(5706, colour -> {
                    if (!colour.startsWith("#")) {
                        throw ObjectException.badRequest("colour must be #rrggbb");
                    }
                })
                .build();

        assertThatThrownBy(() -> light.write(SERVER, LwM2mPath.parse("/3311/0/5706"),
                SingleResource.of(5706, Value.of("red")), true)).isInstanceOfSatisfying(ObjectException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseCode.BAD_REQUEST));
        assertThat(light.value(0, 5706)).isEqualTo(Value.of(""));
    }

    @Test
    void bindings_that_do_not_fit_the_model_fail_when_declared() {
        ObjectBuilder builder = ObjectBuilder.of(3311);
        assertThatThrownBy(() -> builder.readString(9999, () -> "x")).hasMessageContaining("no resource 9999");
        assertThatThrownBy(() -> builder.readFloat(5850, () -> 1.0)).hasMessageContaining("Boolean");
        assertThatThrownBy(() -> builder.onExecute(5850, args -> { })).hasMessageContaining("not executable");
        assertThatThrownBy(() -> ObjectBuilder.of(3).readInteger(4, () -> 1))
                .hasMessageContaining("executable");
        assertThatThrownBy(() -> ObjectBuilder.of(424242)).hasMessageContaining("424242");
    }
}
