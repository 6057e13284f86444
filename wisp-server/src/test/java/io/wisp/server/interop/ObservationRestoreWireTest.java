package io.wisp.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.CancelObservationRequest;
import io.wisp.core.operation.Observation;
import io.wisp.core.operation.ObserveRequest;
import io.wisp.core.operation.ObserveResponse;
import io.wisp.server.WispServer;
import io.wisp.server.observation.ObservationListener;
import io.wisp.server.observation.ObservationNotification;
import io.wisp.server.registration.InMemoryRegistrationStore;
import io.wisp.server.registration.Registration;
import io.wisp.server.testing.RawLwM2mDevice;
import io.wisp.server.testing.RecordingReports;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Token;
import org.junit.jupiter.api.Test;

/**
 * A server that restarts on the registrations of the one before (a persistent store, here the same in-memory one)
 * takes up an observation the first made: listeners hear when it started, the first server is gone, and the second,
 * given the observation back, acknowledges the client's next notification (a server without it sends a Reset),
 * decodes it in the format the observation asked for, and cancels it with the same token.
 */
class ObservationRestoreWireTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Hears of observations starting, as an application that saves them would. */
    private static final class Started implements ObservationListener {
        final List<Observation> observations = new CopyOnWriteArrayList<>();
        final List<ContentFormat> formats = new CopyOnWriteArrayList<>();

        @Override
        public void started(Observation observation, Registration registration, ContentFormat format) {
            observations.add(observation);
            formats.add(format);
        }

        @Override
        public void notified(ObservationNotification notification) {
        }
    }

    private static WispServer server(InMemoryRegistrationStore store, int port) throws Exception {
        return WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(port)
                .models(ModelRegistry.bundled()).registrationStore(store).build();
    }

    private static Token token(Observation o) {
        return Token.fromProvider(new io.wisp.transport.ObservationToken(o.id().token()).bytes());
    }

    @Test
    void a_restarted_server_given_the_observation_back_takes_its_notifications_and_cancels_it() throws Exception {
        InMemoryRegistrationStore store = new InMemoryRegistrationStore(Clock.systemUTC());
        Started started = new Started();
        Observation observation;
        InetSocketAddress address;
        try (RawLwM2mDevice device = new RawLwM2mDevice()) {
            WispServer first = server(store, 0);
            first.addObservationListener(started);
            first.start();
            address = first.localAddress();
            List<String> location = device.register(address, "raw-restore", "</3/0>");
            Registration registration = store.byId(location.get(1)).orElseThrow();
            CompletableFuture<ObserveResponse> pending =
                    first.send(registration, ObserveRequest.of("/3/0/9", ContentFormat.TEXT), TIMEOUT);
            device.answer(device.receiveRequest(), ResponseCode.CONTENT, 1, 0, "95");
            observation = pending.get(10, TimeUnit.SECONDS).activeObservation().orElseThrow();
            assertThat(started.observations).containsExactly(observation);
            assertThat(started.formats).containsExactly(ContentFormat.TEXT);
            first.close();

            WispServer second = server(store, address.getPort());
            RecordingReports reports = new RecordingReports();
            second.addObservationListener(reports);
            second.start();
            try {
                device.notify(token(observation), true, 2, "90", address);
                assertThat(device.receive().getType()).as("not restored yet").isEqualTo(Type.RST);

                assertThat(second.observations().restore(registration, observation, ContentFormat.TEXT)).isTrue();
                assertThat(second.observations().restore(registration, observation, ContentFormat.TEXT))
                        .as("already active").isFalse();
                assertThat(second.observations().of(registration)).containsExactly(observation);

                device.notify(token(observation), true, 3, "85", address);
                assertThat(device.receive().getType()).isEqualTo(Type.ACK);
                await().atMost(TIMEOUT).until(() -> !reports.of(observation).isEmpty());
                assertThat(reports.of(observation).get(0).node()).isEqualTo(SingleResource.of(9, Value.of(85L)));

                CompletableFuture<?> cancelling =
                        second.send(registration, new CancelObservationRequest(observation), TIMEOUT);
                Request cancel = device.receiveRequest();
                assertThat(cancel.getCode()).isEqualTo(Code.GET);
                assertThat(cancel.getOptions().getObserve()).isEqualTo(1);
                assertThat(cancel.getToken()).isEqualTo(token(observation));
                assertThat(cancel.getOptions().getUriPathString()).isEqualTo("3/0/9");
                device.answer(cancel, ResponseCode.CONTENT, null, 0, "85");
                cancelling.get(10, TimeUnit.SECONDS);
                assertThat(second.observations().size()).isZero();
            } finally {
                second.close();
            }
        }
    }
}
