package io.wisp.client.object.firmware;

import static io.wisp.client.object.firmware.Fixtures.FACTORY;
import static io.wisp.client.object.firmware.Fixtures.SERVER;
import static io.wisp.client.object.firmware.Fixtures.assertRefused;
import static io.wisp.client.object.firmware.Fixtures.stateAndResult;
import static io.wisp.client.object.firmware.Fixtures.validPackage;
import static io.wisp.client.object.firmware.Fixtures.writePackage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.client.object.Requester;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.CoapTransport;
import io.wisp.transport.testing.MutableClock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** What a server reads and writes in /5/0 besides the state machine's triggers, and what it is refused. */
class FirmwareResourcesTest {
    private static final Executor DIRECT = Runnable::run;

    private final FirmwareUpdateEnabler enabler = FirmwareUpdateEnabler.builder(
            new SimulatedFirmwareInstaller(FACTORY), DIRECT).build();

    private Value read(String path) {
        return ((SingleResource) enabler.read(SERVER, LwM2mPath.parse(path))).value();
    }

    private void write(int resourceId, Value value) {
        enabler.write(SERVER, LwM2mPath.of(5, 0, resourceId), SingleResource.of(resourceId, value), true);
    }

    @Test
    void int_751_reading_the_instance_gives_every_readable_resource_idle_and_initial() {
        ObjectInstance instance = (ObjectInstance) enabler.read(SERVER, LwM2mPath.parse("/5/0"));

        assertThat(instance.resources().keySet()).containsExactly(1, 3, 5, 6, 7, 8, 9, 11, 12, 13, 14);
        assertThat(instance.resource(3)).isEqualTo(SingleResource.of(3, Value.of(0)));
        assertThat(instance.resource(5)).isEqualTo(SingleResource.of(5, Value.of(0)));
        assertThat(instance.resource(1)).isEqualTo(SingleResource.of(1, Value.of("")));
        assertThat(instance.resource(9)).as("push only without a fetcher").isEqualTo(SingleResource.of(9, Value.of(1)));
        assertThat(instance.resource(8)).isEqualTo(MultipleResource.of(8, DataType.INTEGER));
        assertThat(instance.resource(11)).isEqualTo(SingleResource.of(11, Value.of(1)));
        assertThat(instance.resource(13)).isEqualTo(SingleResource.of(13, Value.unsigned(0)));
        assertThat(instance.resource(14)).isEqualTo(SingleResource.of(14, Value.of(false)));
        LwM2mObject object = (LwM2mObject) enabler.read(SERVER, LwM2mPath.parse("/5"));
        assertThat(object.instances().keySet()).containsExactly(0);
        assertThat(object.instance(0)).isEqualTo(instance);
    }

    @Test
    void a_device_with_a_coap_fetcher_announces_coap_and_both_delivery_methods() {
        try (CoapTransport transport = CoapTransport.builder().udp("coap", new InetSocketAddress("127.0.0.1", 0))
                .build()) {
            FirmwareUpdateEnabler pulling = FirmwareUpdateEnabler.builder(new SimulatedFirmwareInstaller(FACTORY),
                    DIRECT).fetcher(new CoapPackageFetcher(transport, "coap", Duration.ofSeconds(5))).build();

            assertThat(pulling.read(SERVER, LwM2mPath.parse("/5/0/8")))
                    .isEqualTo(MultipleResource.of(8, DataType.INTEGER, ResourceInstance.of(0, Value.of(0))));
            assertThat(pulling.read(SERVER, LwM2mPath.parse("/5/0/8/0"))).isEqualTo(ResourceInstance.of(0,
                    Value.of(0)));
            assertThat(((SingleResource) pulling.read(SERVER, LwM2mPath.parse("/5/0/9"))).value())
                    .isEqualTo(Value.of(2));
        }
    }

    @Test
    void missing_and_unreadable_targets_get_4_04_and_4_05() {
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> read("/5/0/0"));
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> read("/5/0/2"));
        assertRefused(ResponseCode.NOT_FOUND, () -> read("/5/0/4"));
        assertRefused(ResponseCode.NOT_FOUND, () -> read("/5/1"));
        assertRefused(ResponseCode.NOT_FOUND, () -> read("/5/0/8/0"));
        assertRefused(ResponseCode.NOT_FOUND, () -> read("/5/0/3/0"));
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> Fixtures.execute(enabler, "/5/0/3"));
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED,
                () -> enabler.create(SERVER, ObjectInstance.of(1, SingleResource.of(1, Value.of("")))));
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> enabler.delete(SERVER, LwM2mPath.parse("/5/0")));
    }

    @Test
    void the_state_machines_own_resources_cannot_be_written_by_anyone() {
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> write(3, Value.of(2)));
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> write(5, Value.of(1)));
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> enabler.write(Requester.LOCAL, LwM2mPath.parse("/5/0/3"),
                SingleResource.of(3, Value.of(2)), true));
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> write(9, Value.of(0)));

        assertThat(stateAndResult(enabler)).isEqualTo("0/0");
    }

    @Test
    void settings_are_written_read_back_and_checked_for_type_and_range() {
        write(11, Value.of(0));
        write(13, Value.unsigned(600));
        write(14, Value.of(true));

        assertThat(read("/5/0/11")).isEqualTo(Value.of(0));
        assertThat(read("/5/0/13")).isEqualTo(Value.unsigned(600));
        assertThat(read("/5/0/14")).isEqualTo(Value.of(true));
        assertRefused(ResponseCode.BAD_REQUEST, () -> write(11, Value.of(3)));
        assertRefused(ResponseCode.BAD_REQUEST, () -> write(13, Value.of(-1)));
        assertRefused(ResponseCode.BAD_REQUEST, () -> write(14, Value.of("yes")));
        assertRefused(ResponseCode.BAD_REQUEST, () -> write(1, Value.of(new byte[] {1})));
        assertRefused(ResponseCode.BAD_REQUEST, () -> write(1, Value.of("coap://h/" + "x".repeat(247))));
        assertThat(read("/5/0/11")).isEqualTo(Value.of(0));
    }

    @Test
    void a_replace_of_the_instance_resets_the_settings_it_leaves_out_and_a_partial_update_keeps_them() {
        write(11, Value.of(2));
        write(13, Value.unsigned(60));
        LwM2mPath instance = LwM2mPath.parse("/5/0");

        enabler.write(SERVER, instance, ObjectInstance.of(0, SingleResource.of(14, Value.of(true))), false);
        assertThat(read("/5/0/11")).isEqualTo(Value.of(2));
        enabler.write(SERVER, instance, ObjectInstance.of(0, SingleResource.of(14, Value.of(true))), true);

        assertThat(read("/5/0/11")).isEqualTo(Value.of(1));
        assertThat(read("/5/0/13")).isEqualTo(Value.unsigned(0));
        assertThat(read("/5/0/14")).isEqualTo(Value.of(true));
    }

    @Test
    void a_write_naming_both_package_and_uri_or_a_read_only_resource_changes_nothing() {
        LwM2mPath instance = LwM2mPath.parse("/5/0");
        StatusRecorder observer = StatusRecorder.on(enabler);

        assertRefused(ResponseCode.BAD_REQUEST, () -> enabler.write(SERVER, instance, ObjectInstance.of(0,
                SingleResource.of(0, Value.of(validPackage(100))), SingleResource.of(1, Value.of("coap://h/fw")),
                SingleResource.of(11, Value.of(2))), false));
        assertRefused(ResponseCode.METHOD_NOT_ALLOWED, () -> enabler.write(SERVER, instance, ObjectInstance.of(0,
                SingleResource.of(11, Value.of(2)), SingleResource.of(3, Value.of(1))), false));

        assertThat(read("/5/0/11")).isEqualTo(Value.of(1));
        assertThat(stateAndResult(enabler)).isEqualTo("0/0");
        assertThat(observer.reports()).isEmpty();
    }

    @Test
    void last_state_change_time_is_set_with_every_state_change_and_reported_with_it() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00.700Z"));
        FirmwareUpdateEnabler timed = FirmwareUpdateEnabler.builder(new SimulatedFirmwareInstaller(FACTORY), DIRECT)
                .clock(clock).build();
        StatusRecorder observer = StatusRecorder.on(timed);
        assertThat(((SingleResource) timed.read(SERVER, LwM2mPath.parse("/5/0/12"))).value())
                .isEqualTo(Value.time(Instant.parse("2026-03-01T10:00:00Z").getEpochSecond()));

        clock.set(Instant.parse("2026-03-01T10:05:00Z"));
        writePackage(timed, validPackage(100));

        assertThat(((SingleResource) timed.read(SERVER, LwM2mPath.parse("/5/0/12"))).value())
                .isEqualTo(Value.time(clock.instant().getEpochSecond()));
        assertThat(observer.reports().get(0)).contains(LwM2mPath.parse("/5/0/12"), StatusRecorder.STATE);
        assertThat(observer.steps()).containsExactly("1/0", "2/0");
    }

    @Test
    void automatic_upgrade_at_download_installs_without_an_update_execute() {
        StatusRecorder observer = StatusRecorder.on(enabler);
        write(14, Value.of(true));

        writePackage(enabler, validPackage(2000));
        await().atMost(Duration.ofSeconds(10)).until(() -> stateAndResult(enabler).equals("0/1"));

        assertThat(observer.steps()).containsExactly("1/0", "2/0", "3/0", "0/1");
    }
}
