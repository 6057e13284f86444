package io.wisp.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.core.model.Version;
import io.wisp.server.WispServer;
import io.wisp.server.registration.Binding;
import io.wisp.server.registration.InMemoryRegistrationStore;
import io.wisp.server.registration.Registration;
import io.wisp.server.testing.LeshanDevice;
import io.wisp.server.testing.RecordingListener;
import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionFactory;
import org.eclipse.leshan.core.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registration interface of the Wisp server (Core TS §6.2) against the Leshan client over real UDP on
 * 127.0.0.1. Scenarios follow the OMA ETS registration cases (ETS INT 1.2, cases 101–108); the server's side of each
 * is judged here, with Leshan as the client.
 */
class LeshanClientRegistrationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final InMemoryRegistrationStore store = new InMemoryRegistrationStore();
    private final RecordingListener events = new RecordingListener();
    private WispServer server;
    private LeshanDevice device;

    @BeforeEach
    void startServer() throws Exception {
        server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0)
                .registrationStore(store).build();
        server.addRegistrationListener(events);
        server.start();
    }

    @AfterEach
    void stopAll() {
        if (device != null) {
            device.close();
        }
        server.close();
    }

    private static ConditionFactory waiting() {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20));
    }

    /**
     * Waits until the server holds the endpoint's registration and the Leshan client has handled its 2.01: Leshan
     * ignores update triggers and de-register requests until then.
     */
    private Registration awaitRegistration(String endpoint) {
        waiting().until(() -> server.registrations().byEndpoint(endpoint).isPresent());
        if (device != null) {
            waiting().until(() -> !device.locations.isEmpty());
        }
        return server.registrations().byEndpoint(endpoint).orElseThrow();
    }

    private DownlinkResponse send(Registration r, DownlinkRequest request) throws Exception {
        return server.send(r, request, Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
    }

    private static DownlinkRequest writeLifetime(long seconds) {
        return DownlinkRequest.of(CoapMethod.PUT, List.of("1", "0", "1"))
                .withPayload(0, Long.toString(seconds).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void int_101_initial_registration() {
        device = LeshanDevice.start("ets-101", server.localAddress(), 300);

        Registration r = awaitRegistration("ets-101");
        waiting().until(() -> !device.locations.isEmpty());

        assertThat(device.locations).containsExactly("/rd/" + r.id());
        assertThat(r.lifetime()).isEqualTo(300);
        assertThat(r.lwm2mVersion()).isEqualTo(Version.V1_1);
        assertThat(r.binding()).isEqualTo(Binding.UDP);
        assertThat(r.objectLinks().instances(1)).containsExactly(0);
        assertThat(r.objectLinks().instances(3)).containsExactly(0);
        assertThat(r.objectLinks().objectIds()).doesNotContain(0, 21);
        assertThat(r.peer().address().getPort()).isPositive();
        waiting().until(() -> events.registered.size() == 1);
        assertThat(events.registered.get(0).id()).isEqualTo(r.id());
        assertThat(events.replaced.get(0)).isEmpty();
    }

    @Test
    void int_102_registration_update() throws Exception {
        device = LeshanDevice.start("ets-102", server.localAddress(), 300);
        Registration r = awaitRegistration("ets-102");

        assertThat(send(r, writeLifetime(20)).code()).isEqualTo(CoapCode.CHANGED);

        waiting().until(() -> events.updated.stream().anyMatch(u -> u.current().lifetime() == 20));
        assertThat(server.registrations().byId(r.id())).map(Registration::lifetime).contains(20L);
        assertThat(device.updateResponses).contains(ResponseCode.CHANGED);
    }

    @Test
    void int_102_registration_update_then_drop_once_updates_stop() throws Exception {
        device = LeshanDevice.start("ets-102-drop", server.localAddress(), 300);
        Registration r = awaitRegistration("ets-102-drop");
        assertThat(send(r, writeLifetime(3)).code()).isEqualTo(CoapCode.CHANGED);
        waiting().until(() -> server.registrations().byId(r.id()).map(Registration::lifetime).orElse(0L) == 3);

        device.goSilent();

        waiting().until(() -> events.expired.size() == 1);
        assertThat(events.expired.get(0).id()).isEqualTo(r.id());
        assertThat(server.registrations().byEndpoint("ets-102-drop")).isEmpty();
        assertThat(events.deregistered).isEmpty();
    }

    /** ETS triggers this with Execute on Disable (1/0/4), which Leshan's Server object does not implement. */
    @Test
    void int_103_deregistration() {
        device = LeshanDevice.start("ets-103", server.localAddress(), 300);
        Registration r = awaitRegistration("ets-103");

        device.deregisterAndStop();

        waiting().until(() -> device.deregistrations.get() == 1);
        assertThat(server.registrations().byId(r.id())).isEmpty();
        waiting().until(() -> events.deregistered.size() == 1);
        assertThat(events.deregistered.get(0).id()).isEqualTo(r.id());
    }

    @Test
    void int_104_registration_update_trigger() throws Exception {
        device = LeshanDevice.start("ets-104", server.localAddress(), 300);
        Registration r = awaitRegistration("ets-104");

        DownlinkResponse executed = send(r, DownlinkRequest.of(CoapMethod.POST, List.of("1", "0", "8")));

        assertThat(executed.code()).isEqualTo(CoapCode.CHANGED);
        waiting().until(() -> events.updated.size() == 1);
        Registration renewed = events.updated.get(0).current();
        assertThat(renewed.id()).isEqualTo(r.id());
        assertThat(renewed.lifetime()).isEqualTo(300);
        assertThat(renewed.lastUpdateAt()).isAfterOrEqualTo(r.lastUpdateAt());
        assertThat(device.updateResponses).containsExactly(ResponseCode.CHANGED);
    }

    @Test
    void int_105_discarded_register_update() {
        device = LeshanDevice.start("ets-105", server.localAddress(), 300);
        Registration first = awaitRegistration("ets-105");
        store.remove(first.id());

        device.triggerUpdate();

        waiting().until(() -> device.locations.size() == 2);
        assertThat(device.updateResponses).containsExactly(ResponseCode.NOT_FOUND);
        Registration second = awaitRegistration("ets-105");
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(device.locations.get(1)).isEqualTo("/rd/" + second.id());
    }

    @Test
    void int_107_extending_lifetime() throws Exception {
        device = LeshanDevice.start("ets-107", server.localAddress(), 60);
        Registration r = awaitRegistration("ets-107");
        assertThat(r.lifetime()).isEqualTo(60);

        assertThat(send(r, writeLifetime(120)).code()).isEqualTo(CoapCode.CHANGED);

        waiting().until(() -> server.registrations().byId(r.id()).map(Registration::lifetime).orElse(0L) == 120);
        Registration extended = server.registrations().byId(r.id()).orElseThrow();
        assertThat(extended.expiresAtMillis()).isEqualTo(extended.lastUpdateAt().toEpochMilli() + 120_000);
    }

    @Test
    void int_108_turn_on_queue_mode() {
        device = LeshanDevice.start("ets-108", server.localAddress(), 300, true);

        Registration r = awaitRegistration("ets-108");

        assertThat(r.queueMode()).isTrue();
        assertThat(r.binding()).isEqualTo(Binding.UDP);
    }

    @Test
    void registering_again_replaces_the_previous_registration() {
        device = LeshanDevice.start("again", server.localAddress(), 300);
        Registration first = awaitRegistration("again");
        device.goSilent();

        device.restart();

        waiting().until(() -> events.registered.size() == 2);
        Registration second = events.registered.get(1);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(events.replaced.get(1)).map(Registration::id).contains(first.id());
        assertThat(server.registrations().byId(first.id())).isEmpty();
        assertThat(server.registrations().byEndpoint("again")).map(Registration::id).contains(second.id());
        assertThat(server.registrations().size()).isEqualTo(1);
    }
}
