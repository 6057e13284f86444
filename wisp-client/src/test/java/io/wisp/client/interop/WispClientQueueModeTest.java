package io.wisp.client.interop;

import static io.wisp.client.interop.Nodes.number;
import static io.wisp.client.interop.Nodes.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.client.ClientEvents;
import io.wisp.client.WispClient;
import io.wisp.client.object.ModelEnabler;
import io.wisp.client.object.ObjectBuilder;
import io.wisp.client.object.Requester;
import io.wisp.client.object.std.SensorObject;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ObserveRequest;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.WriteRequest;
import io.wisp.core.operation.WriteResponse;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.WispServer;
import io.wisp.server.downlink.SendOptions;
import io.wisp.server.observation.ObservationNotification;
import io.wisp.server.queue.Presence;
import io.wisp.server.queue.QueueConfig;
import io.wisp.server.queue.QueuedRequest;
import io.wisp.server.registration.Registration;
import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.CoapTransport;
import io.wisp.transport.DownlinkException;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.Peer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Queue mode end to end (Core TS §6.5) between the Wisp client and the Wisp server over real UDP on 127.0.0.1: the
 * client registers with {@code Q} (1.1, 1.2) or {@code UQ} (1.0), sleeps once its awake time passed, drops what
 * reaches it while asleep, holds its notifications, and wakes with its next uplink — a timed Update or a Send —
 * when the server delivers the requests it queued, one at a time and in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WispClientQueueModeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** The server counts a client awake this long after it last heard from it; the client stays awake longer. */
    private static final Duration SERVER_AWAKE = Duration.ofSeconds(1);
    private static final Duration CLIENT_AWAKE = Duration.ofMillis(1500);

    private final List<ObservationNotification> notifications = new CopyOnWriteArrayList<>();
    private WispServer server;

    @BeforeAll
    void start() {
        server = WispServer.builder().bindAddress(LOOPBACK).port(0).models(ModelRegistry.bundled())
                .queue(QueueConfig.defaults().withAwakeTime(SERVER_AWAKE)).build();
        server.addObservationListener(notifications::add);
        server.start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** A queue-mode client with a temperature sensor and a text display whose writes the test records. */
    private static final class Device {
        final List<String> written = new CopyOnWriteArrayList<>();
        final AtomicInteger notified = new AtomicInteger();
        final SensorObject temperature = SensorObject.of(3303, Clock.systemUTC(), 11);
        final WispClient client;

        Device(String endpoint, Version version, InetSocketAddress server, Duration lifetime) {
            ModelEnabler display = ObjectBuilder.of(3341).instances(0).onWriteString(5527, written::add).build();
            client = WispClient.builder(endpoint).bindAddress(LOOPBACK).lwm2mVersion(version).queueMode(true)
                    .awakeTime(CLIENT_AWAKE).server(1, server, lifetime).object(temperature).object(display)
                    .events(new ClientEvents() {
                        @Override
                        public void notified(int shortServerId, String paths) {
                            notified.incrementAndGet();
                        }
                    }).build();
        }
    }

    private Registration awaitRegistered(String endpoint) {
        await().atMost(TIMEOUT).until(() -> server.registrations().byEndpoint(endpoint).isPresent());
        return server.registrations().byEndpoint(endpoint).orElseThrow();
    }

    private void awaitAsleep(Device device, String endpoint) {
        await().atMost(TIMEOUT).until(() -> !device.client.isAwake()
                && server.queue().presence(server.registrations().byEndpoint(endpoint).orElseThrow())
                == Presence.SLEEPING);
    }

    @Test
    void int_108_turn_on_queue_mode_with_q_in_1_1_and_uq_in_1_0() throws Exception {
        Device v11 = new Device("queue-108-11", Version.V1_1, server.localAddress(), Duration.ofMinutes(5));
        Device v10 = new Device("queue-108-10", Version.V1_0, server.localAddress(), Duration.ofMinutes(5));
        v11.client.start();
        v10.client.start();
        try {
            assertThat(awaitRegistered("queue-108-11").queueMode()).isTrue();
            Registration r10 = awaitRegistered("queue-108-10");
            assertThat(r10.queueMode()).isTrue();
            assertThat(r10.lwm2mVersion()).isEqualTo(Version.V1_0);
        } finally {
            v11.client.stop().get(10, TimeUnit.SECONDS);
            v10.client.stop().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * ETS int-109 from the client's side: three Writes queued while the client sleeps reach it in order right after
     * its timed Update; the notification it produced while asleep is held and sent on wake-up.
     */
    @Test
    void int_109_behaviour_in_queue_mode_requests_queued_while_asleep_arrive_in_order_after_the_timed_update()
            throws Exception {
        // lifetime 16 s: the timed Update comes 8 s after the Register, long after the client fell asleep
        Device device = new Device("queue-109", Version.V1_2, server.localAddress(), Duration.ofSeconds(16));
        device.client.objects().write(Requester.LOCAL, LwM2mPath.parse("/1/0/6"),
                SingleResource.of(6, Value.of(true)), false);
        device.client.start();
        try {
            Registration r = awaitRegistered("queue-109");
            var observed = server.sendAndWait(r, ObserveRequest.of("/3303/0/5700", ContentFormat.SENML_CBOR),
                    Duration.ofSeconds(30));
            assertThat(observed.code()).isEqualTo(ResponseCode.CONTENT);
            var observation = observed.activeObservation().orElseThrow();
            awaitAsleep(device, "queue-109");

            int sentBefore = device.notified.get();
            device.temperature.set(0, SensorObject.SENSOR_VALUE, Value.of(-12.5));
            assertThat(device.notified.get()).as("asleep: the notification is held, not sent").isEqualTo(sentBefore);
            List<QueuedRequest<WriteResponse>> queued = List.of("one", "two", "three").stream()
                    .map(text -> server.submit(r, WriteRequest.replaceValue("/3341/0/5527", Value.of(text),
                            ContentFormat.TEXT), SendOptions.timeout(TIMEOUT), Duration.ofSeconds(30)))
                    .toList();
            assertThat(queued).allSatisfy(q -> assertThat(q.status()).isEqualTo(QueuedRequest.Status.QUEUED));

            CompletableFuture.allOf(queued.stream().map(QueuedRequest::result).toArray(CompletableFuture[]::new))
                    .get(30, TimeUnit.SECONDS);

            assertThat(queued).allSatisfy(q -> {
                assertThat(q.result().join().code()).isEqualTo(ResponseCode.CHANGED);
                assertThat(q.wasQueued()).isTrue();
            });
            assertThat(device.written).containsExactly("one", "two", "three");
            await().atMost(TIMEOUT).until(() -> notifications.stream().anyMatch(n -> n.observation().id()
                    .equals(observation.id()) && number(value(n.node())) == -12.5));
        } finally {
            device.client.stop().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void int_109_behaviour_in_queue_mode_a_send_wakes_the_client_and_the_queue_is_delivered() throws Exception {
        Device device = new Device("queue-109-send", Version.V1_1, server.localAddress(), Duration.ofMinutes(5));
        device.client.start();
        try {
            Registration r = awaitRegistered("queue-109-send");
            awaitAsleep(device, "queue-109-send");
            QueuedRequest<WriteResponse> queued = server.submit(r, WriteRequest.replaceValue("/3341/0/5527",
                    Value.of("after the send"), ContentFormat.TEXT), SendOptions.timeout(TIMEOUT),
                    Duration.ofSeconds(30));
            assertThat(queued.status()).isEqualTo(QueuedRequest.Status.QUEUED);

            assertThat(device.client.send(1, ContentFormat.SENML_CBOR, List.of(LwM2mPath.parse("/3/0/9")))
                    .get(10, TimeUnit.SECONDS)).isEqualTo(ResponseCode.CHANGED);

            assertThat(queued.result().get(10, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.CHANGED);
            assertThat(device.written).containsExactly("after the send");
        } finally {
            device.client.stop().get(10, TimeUnit.SECONDS);
        }
    }

    /** While asleep the client's radio is off: a request reaching its socket gets no answer at all. */
    @Test
    void a_sleeping_client_answers_nothing_and_an_awake_one_answers() throws Exception {
        Device device = new Device("queue-deaf", Version.V1_1, server.localAddress(), Duration.ofMinutes(5));
        device.client.start();
        CoapTransport stranger = CoapTransport.builder().udp("coap", new InetSocketAddress(LOOPBACK, 0)).build();
        stranger.start();
        try {
            awaitRegistered("queue-deaf");
            Peer client = Peer.unsecured("coap", device.client.localAddress());
            DownlinkRequest read = DownlinkRequest.of(CoapMethod.GET, List.of("3", "0", "0"));
            // awake, the client answers (a peer that is none of its servers gets 4.01); asleep, it answers nothing
            device.client.triggerUpdate(1);
            DownlinkResponse awake = stranger.downlinks().send(client, read, TIMEOUT).get(10, TimeUnit.SECONDS);
            assertThat(awake.code()).isEqualTo(CoapCode.UNAUTHORIZED);
            awaitAsleep(device, "queue-deaf");

            CompletableFuture<DownlinkResponse> asleep = stranger.downlinks().send(client, read, Duration.ofSeconds(3));

            assertThat(asleep).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOfSatisfying(DownlinkException.class,
                            e -> assertThat(e.reason()).isEqualTo(DownlinkException.Reason.TIMEOUT));
            assertThat(device.client.isAwake()).isFalse();
        } finally {
            stranger.close();
            device.client.stop().get(10, TimeUnit.SECONDS);
        }
    }
}
