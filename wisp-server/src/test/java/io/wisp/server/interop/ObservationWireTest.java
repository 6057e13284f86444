package io.wisp.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.CancelObservationRequest;
import io.wisp.core.operation.CancelObservationResponse;
import io.wisp.core.operation.Observation;
import io.wisp.core.operation.ObserveRequest;
import io.wisp.core.operation.ObserveResponse;
import io.wisp.server.WispServer;
import io.wisp.server.observation.ObservationEnd;
import io.wisp.server.observation.ObservationNotification;
import io.wisp.server.registration.Registration;
import io.wisp.server.testing.RawLwM2mDevice;
import io.wisp.server.testing.RecordingListener;
import io.wisp.server.testing.RecordingReports;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Token;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Observations at the wire, with a hand-written client on bare sockets of 127.0.0.1: an observation survives the
 * client's move to a new port announced by an Update (Core TS §6.2.2 — a NAT rebinding), notifications from the old
 * port are refused with a Reset, and a registration that ends takes its observations with it.
 */
class ObservationWireTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final RecordingReports reports = new RecordingReports();
    private final RecordingListener registrations = new RecordingListener();
    private WispServer server;
    private RawLwM2mDevice device;
    private RawLwM2mDevice moved;

    @BeforeEach
    void start() throws Exception {
        server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0)
                .models(ModelRegistry.bundled()).build();
        server.addObservationListener(reports);
        server.addRegistrationListener(registrations);
        server.start();
        device = new RawLwM2mDevice();
        moved = new RawLwM2mDevice();
    }

    @AfterEach
    void stop() {
        device.close();
        moved.close();
        server.close();
    }

    private InetSocketAddress serverAddress() {
        return server.localAddress();
    }

    /** Registers the raw device and observes its battery level /3/0/9 in plain text; returns the observation. */
    private Observation observeBattery(List<String> location) throws Exception {
        Registration r = server.registrations().byId(location.get(1)).orElseThrow();
        CompletableFuture<ObserveResponse> pending =
                server.send(r, ObserveRequest.of("/3/0/9", ContentFormat.TEXT), TIMEOUT);
        Request get = device.receiveRequest();
        assertThat(get.getOptions().getObserve()).isZero();
        device.answer(get, org.eclipse.californium.core.coap.CoAP.ResponseCode.CONTENT, 1, 0, "95");
        ObserveResponse response = pending.get(10, TimeUnit.SECONDS);
        assertThat(response.content()).isEqualTo(SingleResource.of(9, Value.of(95L)));
        return response.activeObservation().orElseThrow();
    }

    private static Token token(Observation o) {
        return Token.fromProvider(new io.wisp.transport.ObservationToken(o.id().token()).bytes());
    }

    private List<Long> levels(Observation o) {
        return reports.of(o).stream()
                .map(n -> ((Value.IntegerValue) ((SingleResource) n.node()).value()).value()).toList();
    }

    @Test
    void an_observation_survives_an_update_from_a_new_address_and_refuses_the_old_one() throws Exception {
        List<String> location = device.register(serverAddress(), "raw-move", "</3/0>");
        Observation observation = observeBattery(location);
        device.notify(token(observation), true, 2, "90", serverAddress());
        assertThat(device.receive().getType()).isEqualTo(Type.ACK);
        await().atMost(TIMEOUT).until(() -> levels(observation).contains(90L));

        Request update = Request.newPost();
        update.getOptions().setUriPath(String.join("/", location));
        assertThat(moved.request(serverAddress(), update).getCode())
                .isEqualTo(org.eclipse.californium.core.coap.CoAP.ResponseCode.CHANGED);
        await().atMost(TIMEOUT).until(() -> registrations.updated.size() == 1);

        moved.notify(token(observation), true, 3, "85", serverAddress());
        assertThat(moved.receive().getType()).isEqualTo(Type.ACK);
        await().atMost(TIMEOUT).until(() -> levels(observation).contains(85L));
        ObservationNotification fromNewPort = reports.of(observation).get(1);
        assertThat(fromNewPort.registration().peer().address()).isEqualTo(moved.address());

        device.notify(token(observation), true, 4, "80", serverAddress());
        assertThat(device.receive().getType()).as("the old port is answered with a Reset").isEqualTo(Type.RST);
        assertThat(levels(observation)).containsExactly(90L, 85L);

        Registration r = server.registrations().byId(location.get(1)).orElseThrow();
        CompletableFuture<CancelObservationResponse> cancelling =
                server.send(r, new CancelObservationRequest(observation), TIMEOUT);
        Request cancel = moved.receiveRequest();
        assertThat(cancel.getCode()).isEqualTo(Code.GET);
        assertThat(cancel.getOptions().getObserve()).isEqualTo(1);
        assertThat(cancel.getToken()).isEqualTo(token(observation));
        moved.answer(cancel, org.eclipse.californium.core.coap.CoAP.ResponseCode.CONTENT, null, 0, "85");
        assertThat(cancelling.get(10, TimeUnit.SECONDS).content()).isEqualTo(SingleResource.of(9, Value.of(85L)));
    }

    @Test
    void after_de_registration_a_notification_is_answered_with_reset() throws Exception {
        List<String> location = device.register(serverAddress(), "raw-dereg", "</3/0>");
        Observation observation = observeBattery(location);

        Request deregister = Request.newDelete();
        deregister.getOptions().setUriPath(String.join("/", location));
        assertThat(device.request(serverAddress(), deregister).getCode())
                .isEqualTo(org.eclipse.californium.core.coap.CoAP.ResponseCode.DELETED);
        await().atMost(TIMEOUT).until(() -> reports.endsOf(observation).contains(ObservationEnd.REGISTRATION_ENDED));

        device.notify(token(observation), true, 2, "90", serverAddress());
        assertThat(device.receive().getType()).isEqualTo(Type.RST);
        assertThat(reports.of(observation)).isEmpty();
        assertThat(server.observations().size()).isZero();
    }

    @Test
    void an_error_notification_ends_the_observation() throws Exception {
        List<String> location = device.register(serverAddress(), "raw-error", "</3/0>");
        Observation observation = observeBattery(location);

        device.notifyError(token(observation), org.eclipse.californium.core.coap.CoAP.ResponseCode.NOT_FOUND,
                serverAddress());

        assertThat(device.receive().getType()).isEqualTo(Type.ACK);
        await().atMost(TIMEOUT).until(() -> reports.endsOf(observation).contains(ObservationEnd.ENDED_BY_CLIENT));
        assertThat(server.observations().size()).isZero();
        device.notify(token(observation), true, 3, "90", serverAddress());
        assertThat(device.receive().getType()).isEqualTo(Type.RST);
        assertThat(reports.of(observation)).isEmpty();
    }
}
