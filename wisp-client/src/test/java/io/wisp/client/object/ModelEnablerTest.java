package io.wisp.client.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.client.testing.RecordingListener;
import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.range.RangeConstraint;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.path.LwM2mPath;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generic enabler on the bundled models: the model's rules for servers, none for the device itself. */
class ModelEnablerTest {
    private static final Requester SERVER = Requester.server(1);

    static Stream<ObjectModel> bundledModels() {
        return ModelRegistry.bundled().all().stream();
    }

    private static ObjectModel model(int id) {
        return ModelRegistry.bundled().find(id).orElseThrow();
    }

    private static ModelEnabler withInstance(int objectId) {
        ModelEnabler e = new ModelEnabler(model(objectId));
        e.addInstance(0);
        return e;
    }

    @ParameterizedTest
    @MethodSource("bundledModels")
    void a_new_instance_holds_a_typed_default_for_every_value_its_range_admits_and_servers_see_the_readable_ones(ObjectModel model) {
        ModelEnabler e = new ModelEnabler(model);
        e.addInstance(0);

        ObjectInstance local = (ObjectInstance) e.read(Requester.LOCAL, LwM2mPath.of(model.id(), 0));
        ObjectInstance served = (ObjectInstance) e.read(SERVER, LwM2mPath.of(model.id(), 0));

        for (ResourceModel r : model.resources().values()) {
            boolean admitted = r.multiple() || r.operations().isExecutable()
                    || RangeConstraint.of(r).check(TypeDefaults.of(r.type())).isEmpty();
            boolean valued = !r.operations().isExecutable() && (!r.multiple() || r.mandatory())
                    && (admitted || r.mandatory());
            assertThat(local.resources().containsKey(r.id())).as("/%d/0/%d", model.id(), r.id()).isEqualTo(valued);
            assertThat(served.resources().containsKey(r.id())).as("served /%d/0/%d", model.id(), r.id())
                    .isEqualTo(valued && r.operations().isReadable());
            if (valued) {
                assertThat(local.resource(r.id()).type()).isEqualTo(r.type());
            }
        }
        assertThat(e.presentResources(0)).containsAll(model.resources().values().stream()
                .filter(r -> r.operations().isExecutable()).map(ResourceModel::id).toList());
    }

    @Test
    void servers_write_only_writable_resources_and_execute_only_executable_ones() {
        ModelEnabler light = withInstance(3311);
        LwM2mPath onOff = LwM2mPath.of(3311, 0, 5850);
        LwM2mPath power = LwM2mPath.of(3311, 0, 5805);

        light.write(SERVER, onOff, SingleResource.of(5850, Value.of(true)), true);

        assertThat(light.read(SERVER, onOff)).isEqualTo(SingleResource.of(5850, Value.of(true)));
        assertThatThrownBy(() -> light.write(SERVER, power, SingleResource.of(5805, Value.of(1.5)), true))
                .isInstanceOfSatisfying(ObjectException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED));
        assertThatThrownBy(() -> light.execute(SERVER, onOff, ExecuteArguments.EMPTY))
                .isInstanceOfSatisfying(ObjectException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED));
        light.write(Requester.LOCAL, power, SingleResource.of(5805, Value.of(1.5)), true);
        assertThat(light.read(SERVER, power)).isEqualTo(SingleResource.of(5805, Value.of(1.5)));
    }

    @Test
    void values_of_the_wrong_type_or_multiplicity_are_bad_requests() {
        ModelEnabler light = withInstance(3311);
        LwM2mPath onOff = LwM2mPath.of(3311, 0, 5850);

        assertThatThrownBy(() -> light.write(SERVER, onOff, SingleResource.of(5850, Value.of("on")), true))
                .isInstanceOfSatisfying(ObjectException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseCode.BAD_REQUEST));
        assertThatThrownBy(() -> light.write(SERVER, onOff, MultipleResource.of(5850, DataType.BOOLEAN), true))
                .isInstanceOfSatisfying(ObjectException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseCode.BAD_REQUEST));
        assertThatThrownBy(() -> light.set(0, 5850, Value.of(1L))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void create_chooses_the_lowest_free_id_and_requires_mandatory_writable_resources_from_servers() {
        ModelEnabler light = withInstance(3311);
        light.addInstance(2);

        int id = light.create(SERVER, ObjectInstance.of(ObjectInstance.UNASSIGNED,
                SingleResource.of(5850, Value.of(true))));

        assertThat(id).isEqualTo(1);
        assertThat(light.instanceIds()).containsExactly(0, 1, 2);
        assertThatThrownBy(() -> light.create(SERVER, ObjectInstance.of(ObjectInstance.UNASSIGNED,
                SingleResource.of(5851, Value.of(50L))))).isInstanceOfSatisfying(ObjectException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseCode.BAD_REQUEST));
        assertThat(light.create(Requester.LOCAL, ObjectInstance.of(5, SingleResource.of(5851, Value.of(50L)))))
                .isEqualTo(5);
        assertThat(light.read(SERVER, LwM2mPath.of(3311, 5, 5850))).isEqualTo(SingleResource.of(5850,
                Value.of(false)));
    }

    @Test
    void a_single_instance_object_holds_one_instance_that_servers_cannot_delete() {
        ModelEnabler device = withInstance(3);

        assertThatThrownBy(() -> device.create(SERVER, ObjectInstance.of(ObjectInstance.UNASSIGNED)))
                .isInstanceOfSatisfying(ObjectException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED));
        assertThatThrownBy(() -> device.delete(SERVER, LwM2mPath.of(3, 0)))
                .isInstanceOfSatisfying(ObjectException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED));
        device.delete(Requester.LOCAL, LwM2mPath.of(3, 0));
        assertThat(device.instanceIds()).isEmpty();
    }

    @Test
    void multiple_resources_take_instance_writes_partial_updates_and_deletes() {
        ModelEnabler server = withInstance(1);
        LwM2mPath versions = LwM2mPath.of(1, 0, 25);
        server.write(SERVER, versions, MultipleResource.of(25, DataType.STRING,
                ResourceInstance.of(0, Value.of("1.0")), ResourceInstance.of(1, Value.of("1.1"))), true);

        server.write(SERVER, versions.child(5), ResourceInstance.of(5, Value.of("1.2")), true);
        server.write(SERVER, versions, MultipleResource.of(25, DataType.STRING,
                ResourceInstance.of(0, Value.of("1.0.2"))), false);
        server.delete(SERVER, versions.child(1));

        assertThat(server.read(SERVER, versions)).isEqualTo(MultipleResource.of(25, DataType.STRING,
                ResourceInstance.of(0, Value.of("1.0.2")), ResourceInstance.of(5, Value.of("1.2"))));
        ModelEnabler device = withInstance(3);
        assertThat(device.read(SERVER, LwM2mPath.of(3, 0, 11))).as("mandatory multiple: one default instance")
                .isEqualTo(MultipleResource.of(11, DataType.INTEGER, ResourceInstance.of(0, Value.of(0L))));
        assertThatThrownBy(() -> device.delete(SERVER, LwM2mPath.of(3, 0, 11, 0)))
                .isInstanceOfSatisfying(ObjectException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED));
    }

    @Test
    void a_replace_keeps_mandatory_values_and_a_partial_update_keeps_everything_else() {
        ModelEnabler server = withInstance(1);
        LwM2mPath instance = LwM2mPath.of(1, 0);
        server.set(0, 2, Value.of(5L));

        server.write(SERVER, instance, ObjectInstance.of(0, SingleResource.of(3, Value.of(50L))), false);
        assertThat(server.value(0, 2)).isEqualTo(Value.of(5L));

        server.write(SERVER, instance, ObjectInstance.of(0, SingleResource.of(1, Value.of(90L))), true);
        assertThat(server.value(0, 2)).as("optional writable, not given: dropped").isNull();
        assertThat(server.value(0, 7)).as("mandatory, not given: kept").isEqualTo(Value.of(""));
        assertThat(server.value(0, 0)).as("read-only: a server cannot drop it").isNotNull();
    }

    @Test
    void every_change_is_reported_once_the_lock_is_released() {
        ModelEnabler light = withInstance(3311);
        RecordingListener listener = new RecordingListener();
        light.setChangeListener(new ChangeListener() {
            @Override
            public void valuesChanged(Iterable<LwM2mPath> paths) {
                assertThat(Thread.holdsLock(light)).isFalse();
                listener.valuesChanged(paths);
            }

            @Override
            public void instancesChanged(int objectId) {
                listener.instancesChanged(objectId);
            }
        });

        light.write(SERVER, LwM2mPath.of(3311, 0), ObjectInstance.of(0, SingleResource.of(5850, Value.of(true)),
                SingleResource.of(5851, Value.of(40L))), false);
        light.set(0, 5706, Value.of("red"));
        light.create(SERVER, ObjectInstance.of(3, SingleResource.of(5850, Value.of(false))));
        light.delete(SERVER, LwM2mPath.of(3311, 3));
        light.fireValueChanged(0, 5805);

        assertThat(listener.heard).containsExactly("/3311/0/5850", "/3311/0/5851", "/3311/0/5706",
                "instances of 3311", "instances of 3311", "/3311/0/5805");
    }

    @Test
    void an_object_read_holds_every_instance() {
        ModelEnabler light = withInstance(3311);
        light.addInstance(4);

        LwM2mObject all = (LwM2mObject) light.read(SERVER, LwM2mPath.of(3311));

        assertThat(all.instances().keySet()).containsExactly(0, 4);
    }
}
