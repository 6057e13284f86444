package io.wisp.client.object.std;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.client.object.MultiValues;
import io.wisp.client.object.ObjectException;
import io.wisp.client.object.Requester;
import io.wisp.client.testing.RecordingListener;
import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.node.DataType;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The behaviour of the standard objects beyond their models. */
class StandardObjectsTest {
    private static final Requester SERVER = Requester.server(1);
    private static final Instant START = Instant.parse("2024-05-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);

    @Test
    void the_device_current_time_ticks_and_a_server_may_set_it() {
        DeviceObject device = new DeviceObject("S", ClientActions.NONE, clock);
        LwM2mPath time = LwM2mPath.of(3, 0, 13);

        clock.advance(Duration.ofSeconds(30));
        assertThat(device.read(SERVER, time)).isEqualTo(SingleResource.of(13, Value.time(START.getEpochSecond() + 30)));

        device.write(SERVER, time, SingleResource.of(13, Value.time(1_000_000)), true);
        clock.advance(Duration.ofSeconds(5));

        assertThat(device.read(SERVER, time)).isEqualTo(SingleResource.of(13, Value.time(1_000_005)));
    }

    @Test
    void the_device_checks_utc_offset_and_timezone() {
        DeviceObject device = new DeviceObject("S", ClientActions.NONE, clock);

        device.write(SERVER, LwM2mPath.of(3, 0, 14), SingleResource.of(14, Value.of("+02:00")), true);
        device.write(SERVER, LwM2mPath.of(3, 0, 15), SingleResource.of(15, Value.of("Europe/Paris")), true);

        assertThat(device.value(0, 14)).isEqualTo(Value.of("+02:00"));
        assertThatThrownBy(() -> device.write(SERVER, LwM2mPath.of(3, 0, 14), SingleResource.of(14,
                Value.of("+25:00")), true)).isInstanceOfSatisfying(ObjectException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseCode.BAD_REQUEST));
        assertThatThrownBy(() -> device.write(SERVER, LwM2mPath.of(3, 0, 15), SingleResource.of(15,
                Value.of("Mars/Olympus")), true)).isInstanceOfSatisfying(ObjectException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseCode.BAD_REQUEST));
        assertThat(device.value(0, 15)).isEqualTo(Value.of("Europe/Paris"));
    }

    @Test
    void error_codes_accumulate_and_reset_error_code_leaves_zero() {
        DeviceObject device = new DeviceObject("S", ClientActions.NONE, clock);
        RecordingListener listener = new RecordingListener();
        device.setChangeListener(listener);

        device.addErrorCode(1);
        device.addErrorCode(5);
        device.addErrorCode(1);
        assertThat(device.read(SERVER, LwM2mPath.of(3, 0, 11))).isEqualTo(MultipleResource.of(11, DataType.INTEGER,
                ResourceInstance.of(0, Value.of(1L)), ResourceInstance.of(1, Value.of(5L))));

        device.execute(SERVER, LwM2mPath.of(3, 0, 12), ExecuteArguments.EMPTY);

        assertThat(device.values(0, 11)).isEqualTo(MultiValues.list(Value.of(0L)));
        assertThat(listener.heard).containsExactly("/3/0/11", "/3/0/11", "/3/0/11");
    }

    @Test
    void the_device_reports_battery_memory_and_binding() {
        DeviceObject device = new DeviceObject("S", ClientActions.NONE, clock);
        device.setBattery(15, DeviceObject.BATTERY_LOW);

        assertThat(device.read(SERVER, LwM2mPath.of(3, 0, 9))).isEqualTo(SingleResource.of(9, Value.of(15L)));
        assertThat(device.read(SERVER, LwM2mPath.of(3, 0, 20))).isEqualTo(SingleResource.of(20, Value.of(4L)));
        assertThat(device.value(0, 10)).isInstanceOf(Value.IntegerValue.class);
        assertThat(device.value(0, 21)).isInstanceOf(Value.IntegerValue.class);
        assertThat(device.value(0, 16)).isEqualTo(Value.of("U"));
    }

    @Test
    void the_server_object_reports_executes_with_its_short_server_id_and_checks_its_values() {
        StringBuilder heard = new StringBuilder();
        ServerObject server = new ServerObject(new ClientActions() {
            @Override
            public void registrationUpdate(int shortServerId) {
                heard.append("update ").append(shortServerId);
            }
        }).addServer(0, 1, 60, "U").addServer(3, 17, 60, "UQ");

        server.execute(SERVER, LwM2mPath.of(1, 3, 8), ExecuteArguments.EMPTY);

        assertThat(heard).hasToString("update 17");
        assertThat(server.shortServerId(3)).isEqualTo(17);
        assertThatThrownBy(() -> server.write(SERVER, LwM2mPath.of(1, 0, 7), SingleResource.of(7, Value.of("X")),
                true)).isInstanceOf(ObjectException.class);
    }

    @Test
    void the_security_object_refuses_servers_but_serves_the_device_and_the_bootstrap_server() {
        SecurityObject security = new SecurityObject().addServer(0, "coap://a", 1);

        assertThatThrownBy(() -> security.read(SERVER, LwM2mPath.of(0, 0, 0)))
                .isInstanceOfSatisfying(ObjectException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseCode.UNAUTHORIZED));
        security.write(Requester.BOOTSTRAP, LwM2mPath.of(0, 0, 0), SingleResource.of(0, Value.of("coap://b")), true);
        assertThat(security.read(Requester.LOCAL, LwM2mPath.of(0, 0, 0))).isEqualTo(SingleResource.of(0,
                Value.of("coap://b")));
        assertThat(security.read(Requester.LOCAL, LwM2mPath.of(0, 0, 10))).isEqualTo(SingleResource.of(10,
                Value.of(1L)));
    }

    @Test
    void connectivity_statistics_count_only_between_start_and_stop() {
        ConnectivityStatisticsObject stats = new ConnectivityStatisticsObject();
        stats.recordSent(4096);
        assertThat(stats.read(SERVER, LwM2mPath.of(7, 0, 2))).isEqualTo(SingleResource.of(2, Value.of(0L)));

        stats.execute(SERVER, LwM2mPath.of(7, 0, 6), ExecuteArguments.EMPTY);
        stats.recordSent(4096);
        stats.recordReceived(1024);
        stats.recordReceived(1024);
        stats.execute(SERVER, LwM2mPath.of(7, 0, 7), ExecuteArguments.EMPTY);
        stats.recordSent(4096);

        assertThat(stats.isCollecting()).isFalse();
        assertThat(stats.read(SERVER, LwM2mPath.of(7, 0, 2))).isEqualTo(SingleResource.of(2, Value.of(4L)));
        assertThat(stats.read(SERVER, LwM2mPath.of(7, 0, 3))).isEqualTo(SingleResource.of(3, Value.of(2L)));
        assertThat(stats.read(SERVER, LwM2mPath.of(7, 0, 4))).isEqualTo(SingleResource.of(4, Value.of(4096L)));
        assertThat(stats.read(SERVER, LwM2mPath.of(7, 0, 5))).isEqualTo(SingleResource.of(5, Value.of(2048L)));
    }

    @Test
    void location_and_connectivity_monitoring_are_read_only_and_move_with_their_setters() {
        LocationObject location = new LocationObject(48.85, 2.35, clock);
        clock.advance(Duration.ofMinutes(1));
        location.setPosition(45.76, 4.84, 170);

        assertThat(location.read(SERVER, LwM2mPath.of(6, 0, 0))).isEqualTo(SingleResource.of(0, Value.of(45.76)));
        assertThat(location.read(SERVER, LwM2mPath.of(6, 0, 5))).isEqualTo(SingleResource.of(5,
                Value.time(START.getEpochSecond() + 60)));
        assertThatThrownBy(() -> location.write(SERVER, LwM2mPath.of(6, 0, 0), SingleResource.of(0, Value.of(0.0)),
                true)).isInstanceOfSatisfying(ObjectException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED));

        ConnectivityMonitoringObject radio = new ConnectivityMonitoringObject();
        radio.setRadio(-101, 3);
        radio.setIpAddresses("192.0.2.7", "2001:db8::7");
        assertThat(radio.read(SERVER, LwM2mPath.of(4, 0, 2))).isEqualTo(SingleResource.of(2, Value.of(-101L)));
        assertThat(radio.read(SERVER, LwM2mPath.of(4, 0, 4, 1))).isEqualTo(ResourceInstance.of(1,
                Value.of("2001:db8::7")));
    }
}
