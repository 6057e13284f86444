package io.wisp.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ReadResponse;
import io.wisp.server.WispServer;
import io.wisp.server.downlink.SendOptions;
import io.wisp.server.queue.Presence;
import io.wisp.server.queue.PresenceListener;
import io.wisp.server.queue.QueueConfig;
import io.wisp.server.queue.QueueException;
import io.wisp.server.queue.QueuedRequest;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.RegistrationListener;
import io.wisp.server.registration.UpdatedRegistration;
import io.wisp.server.testing.LeshanDevice;
import io.wisp.server.testing.LeshanExtras;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import org.awaitility.core.ConditionFactory;
import org.eclipse.leshan.client.object.Device;
import org.eclipse.leshan.client.resource.BaseInstanceEnablerFactory;
import org.eclipse.leshan.client.resource.LwM2mInstanceEnabler;
import org.eclipse.leshan.client.servers.LwM2mServer;
import org.eclipse.leshan.core.LwM2mId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Queue mode (Core TS §6.5) end to end against the Leshan client over real UDP on 127.0.0.1. Leshan 2.0.0-M15 only
 * announces {@code Q} and keeps listening, so "asleep" is the server's view: after its awake time (one second here)
 * without traffic. The Device object of each client records the server's Reads in the order they arrive, next to the
 * server's own record of the client's Updates, in one timeline per endpoint.
 */
class LeshanQueueModeTest {
    private static final Duration AWAKE = Duration.ofSeconds(1);
    private static final int CAPACITY = 3;
    private static final SendOptions FIVE_SECONDS = SendOptions.timeout(Duration.ofSeconds(5));
    private static final List<String> TIMELINE = new CopyOnWriteArrayList<>();
    private static WispServer server;

    private final List<LeshanDevice> devices = new ArrayList<>();

    /** Leshan's Device, writing each Read a server sends it into the timeline. */
    private static final class RecordingDevice extends Device {
        private final String endpoint;
        /** Extra words for a Read of a resource, worked out as it arrives. */
        volatile IntFunction<String> note = resource -> "";

        RecordingDevice(String endpoint) {
            super("Wisp tests", "interop", "0001");
            this.endpoint = endpoint;
        }

        @Override
        public org.eclipse.leshan.core.response.ReadResponse read(LwM2mServer from, int resource) {
            if (!from.isSystem()) {
                TIMELINE.add(endpoint + ": Read /3/0/" + resource + note.apply(resource));
            }
            return super.read(from, resource);
        }
    }

    @BeforeAll
    static void startServer() throws Exception {
        server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0)
                .models(ModelRegistry.bundled())
                .queue(QueueConfig.defaults().withAwakeTime(AWAKE).withCapacity(CAPACITY)).build();
        server.addRegistrationListener(new RegistrationListener() {
            @Override
            public void updated(UpdatedRegistration update) {
                TIMELINE.add(update.current().endpoint() + ": Update");
            }
        });
        server.addPresenceListener(new PresenceListener() {
            @Override
            public void awake(Registration r) {
                TIMELINE.add(r.endpoint() + ": awake");
            }

            @Override
            public void sleeping(Registration r) {
                TIMELINE.add(r.endpoint() + ": sleeping");
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void stopDevices() {
        devices.forEach(LeshanDevice::close);
    }

    private static ConditionFactory waiting() {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20));
    }

    private static List<String> timeline(String endpoint) {
        return TIMELINE.stream().filter(e -> e.startsWith(endpoint + ": "))
                .map(e -> e.substring(endpoint.length() + 2)).toList();
    }

    private LeshanDevice start(String endpoint, RecordingDevice device) {
        LeshanDevice d = LeshanDevice.start(endpoint, server.localAddress(), 300, true,
                new LeshanExtras(List.of(), objects -> {
                    objects.setFactoryForObject(LwM2mId.DEVICE, new BaseInstanceEnablerFactory() {
                        @Override
                        public LwM2mInstanceEnabler create() {
                            return new RecordingDevice(endpoint);
                        }
                    });
                    objects.setInstancesForObject(LwM2mId.DEVICE, device);
                }, configuration -> { }));
        devices.add(d);
        return d;
    }

    /** A Leshan client in queue mode, registered, whose awake time has passed. */
    private Registration asleep(String endpoint, LeshanDevice[] device, RecordingDevice recorder) {
        device[0] = start(endpoint, recorder);
        waiting().until(() -> timeline(endpoint).contains("sleeping"));
        Registration r = server.registrations().byEndpoint(endpoint).orElseThrow();
        assertThat(server.queue().presence(r)).isEqualTo(Presence.SLEEPING);
        return r;
    }

    private static QueuedRequest<ReadResponse> read(Registration r, int resource) {
        return server.submit(r, ReadRequest.of("/3/0/" + resource, ContentFormat.TEXT), FIVE_SECONDS);
    }

    private static Value value(QueuedRequest<ReadResponse> q) {
        return ((SingleResource) q.result().join().content()).value();
    }

    private static QueueException.Reason failure(QueuedRequest<?> q) {
        try {
            q.result().join();
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(QueueException.class);
            return ((QueueException) e.getCause()).reason();
        }
        throw new AssertionError(q + " did not fail");
    }

    @Test
    void int_108_turn_on_queue_mode_the_server_tracks_awake_and_sleeping() {
        LeshanDevice device = start("q-108", new RecordingDevice("q-108"));
        waiting().until(() -> timeline("q-108").contains("sleeping"));
        Registration r = server.registrations().byEndpoint("q-108").orElseThrow();
        assertThat(r.queueMode()).isTrue();
        assertThat(server.queue().presence(r)).isEqualTo(Presence.SLEEPING);

        device.triggerUpdate();

        waiting().until(() -> timeline("q-108").size() >= 4);
        assertThat(timeline("q-108")).startsWith("awake", "sleeping", "Update", "awake");
    }

    @Test
    void int_109_behaviour_in_queue_mode_a_read_is_held_until_the_next_update() {
        RecordingDevice recorder = new RecordingDevice("q-109");
        LeshanDevice[] device = new LeshanDevice[1];
        Registration r = asleep("q-109", device, recorder);

        QueuedRequest<ReadResponse> q = read(r, 0);

        assertThat(q.status()).isEqualTo(QueuedRequest.Status.QUEUED);
        assertThat(server.queue().queued("q-109")).containsExactly(q);
        device[0].triggerUpdate();
        waiting().until(() -> q.result().isDone());
        assertThat(q.result().join().code().isSuccess()).isTrue();
        assertThat(value(q)).isEqualTo(Value.of("Wisp tests"));
        assertThat(timeline("q-109")).containsSubsequence("sleeping", "Update", "Read /3/0/0");
        assertThat(timeline("q-109")).filteredOn(e -> e.startsWith("Read")).hasSize(1);
    }

    @Test
    void queue_mode_three_requests_queued_while_asleep_are_delivered_in_order_on_wake_up() {
        RecordingDevice recorder = new RecordingDevice("q-three");
        LeshanDevice[] device = new LeshanDevice[1];
        Registration r = asleep("q-three", device, recorder);
        List<QueuedRequest<ReadResponse>> reads = new CopyOnWriteArrayList<>();
        recorder.note = resource -> reads.subList(0, resource).stream().allMatch(q -> q.result().isDone()) ? ""
                : " while an earlier Read was unanswered";

        reads.addAll(List.of(read(r, 0), read(r, 1), read(r, 2)));

        assertThat(reads).allSatisfy(q -> assertThat(q.status()).isEqualTo(QueuedRequest.Status.QUEUED));
        assertThat(server.queue().queued("q-three")).containsExactlyElementsOf(reads);
        device[0].triggerUpdate();
        waiting().until(() -> reads.stream().allMatch(q -> q.result().isDone()));
        assertThat(timeline("q-three")).containsSubsequence("sleeping", "Update", "Read /3/0/0", "Read /3/0/1",
                "Read /3/0/2");
        assertThat(timeline("q-three")).filteredOn(e -> e.startsWith("Read"))
                .containsExactly("Read /3/0/0", "Read /3/0/1", "Read /3/0/2");
        assertThat(reads).extracting(LeshanQueueModeTest::value)
                .containsExactly(Value.of("Wisp tests"), Value.of("interop"), Value.of("0001"));
        assertThat(server.queue().queued("q-three")).isEmpty();
    }

    @Test
    void queue_mode_a_full_queue_refuses_the_next_request_and_delivers_the_others() {
        RecordingDevice recorder = new RecordingDevice("q-full");
        LeshanDevice[] device = new LeshanDevice[1];
        Registration r = asleep("q-full", device, recorder);
        List<QueuedRequest<ReadResponse>> accepted = List.of(read(r, 0), read(r, 1), read(r, 2));

        QueuedRequest<ReadResponse> refused = read(r, 3);

        assertThat(failure(refused)).isEqualTo(QueueException.Reason.FULL);
        assertThat(server.queue().queued("q-full")).containsExactlyElementsOf(accepted);
        device[0].triggerUpdate();
        waiting().until(() -> accepted.stream().allMatch(q -> q.result().isDone()));
        assertThat(timeline("q-full")).filteredOn(e -> e.startsWith("Read"))
                .containsExactly("Read /3/0/0", "Read /3/0/1", "Read /3/0/2");
    }

    @Test
    void queue_mode_a_request_waiting_past_its_expiry_fails_and_never_reaches_the_client() {
        RecordingDevice recorder = new RecordingDevice("q-expiry");
        LeshanDevice[] device = new LeshanDevice[1];
        Registration r = asleep("q-expiry", device, recorder);
        QueuedRequest<ReadResponse> shortLived = server.submit(r, ReadRequest.of("/3/0/0", ContentFormat.TEXT),
                FIVE_SECONDS, Duration.ofMillis(500));

        waiting().until(() -> shortLived.result().isDone());
        assertThat(failure(shortLived)).isEqualTo(QueueException.Reason.EXPIRED);
        QueuedRequest<ReadResponse> later = read(r, 1);
        device[0].triggerUpdate();
        waiting().until(() -> later.result().isDone());

        assertThat(value(later)).isEqualTo(Value.of("interop"));
        assertThat(timeline("q-expiry")).filteredOn(e -> e.startsWith("Read")).containsExactly("Read /3/0/1");
    }

    @Test
    void queue_mode_the_synchronous_helper_waits_no_longer_than_its_timeout_for_a_sleeping_client() {
        RecordingDevice recorder = new RecordingDevice("q-sync");
        LeshanDevice[] device = new LeshanDevice[1];
        asleep("q-sync", device, recorder);

        Throwable refused = catchThrowable(() -> server.sendAndWait("q-sync",
                ReadRequest.of("/3/0/0", ContentFormat.TEXT), Duration.ofMillis(500)));

        assertThat(refused).isInstanceOf(QueueException.class);
        assertThat(((QueueException) refused).reason()).isEqualTo(QueueException.Reason.EXPIRED);
        assertThat(server.queue().queued("q-sync")).isEmpty();
        assertThat(timeline("q-sync")).noneMatch(e -> e.startsWith("Read"));
    }

    @Test
    void queue_mode_cancel_withdraws_a_queued_request_before_the_client_wakes() {
        RecordingDevice recorder = new RecordingDevice("q-cancel");
        LeshanDevice[] device = new LeshanDevice[1];
        Registration r = asleep("q-cancel", device, recorder);
        QueuedRequest<ReadResponse> first = read(r, 0);
        QueuedRequest<ReadResponse> second = read(r, 1);

        assertThat(server.queue().cancel("q-cancel", first.id())).isTrue();

        assertThat(failure(first)).isEqualTo(QueueException.Reason.CANCELLED);
        assertThat(server.queue().queued("q-cancel")).containsExactly(second);
        device[0].triggerUpdate();
        waiting().until(() -> second.result().isDone());
        assertThat(timeline("q-cancel")).filteredOn(e -> e.startsWith("Read")).containsExactly("Read /3/0/1");
    }

    @Test
    void queue_mode_de_registration_fails_the_queued_requests() {
        RecordingDevice recorder = new RecordingDevice("q-dereg");
        LeshanDevice[] device = new LeshanDevice[1];
        Registration r = asleep("q-dereg", device, recorder);
        QueuedRequest<ReadResponse> a = read(r, 0);
        QueuedRequest<ReadResponse> b = read(r, 1);

        device[0].deregisterAndStop();

        waiting().until(() -> a.result().isDone() && b.result().isDone());
        assertThat(failure(a)).isEqualTo(QueueException.Reason.REGISTRATION_ENDED);
        assertThat(failure(b)).isEqualTo(QueueException.Reason.REGISTRATION_ENDED);
        assertThat(timeline("q-dereg")).noneMatch(e -> e.startsWith("Read"));
    }

    @Test
    void queue_mode_an_unanswered_request_puts_the_client_to_sleep_and_a_new_register_fails_it() throws Exception {
        try (WispServer patient = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0)
                .models(ModelRegistry.bundled()).queue(QueueConfig.defaults().withAwakeTime(Duration.ofSeconds(60)))
                .build()) {
            List<String> presence = new CopyOnWriteArrayList<>();
            patient.addPresenceListener(new PresenceListener() {
                @Override
                public void sleeping(Registration r) {
                    presence.add("sleeping");
                }
            });
            patient.start();
            LeshanDevice device = LeshanDevice.start("q-silent", patient.localAddress(), 300, true,
                    LeshanExtras.NONE);
            devices.add(device);
            waiting().until(() -> !device.locations.isEmpty());
            Registration r = patient.registrations().byEndpoint("q-silent").orElseThrow();
            device.goSilent();

            QueuedRequest<ReadResponse> q = patient.submit(r, ReadRequest.of("/3/0/0", ContentFormat.TEXT),
                    SendOptions.timeout(Duration.ofSeconds(1)));

            assertThat(q.status()).as("the client registered moments ago, so it is awake")
                    .isEqualTo(QueuedRequest.Status.IN_FLIGHT);
            waiting().until(() -> q.status() == QueuedRequest.Status.QUEUED);
            assertThat(presence).containsExactly("sleeping");
            assertThat(patient.queue().presence(r)).isEqualTo(Presence.SLEEPING);
            assertThat(q.wasQueued()).isTrue();
            device.restart();
            waiting().until(() -> q.result().isDone());
            assertThat(failure(q)).isEqualTo(QueueException.Reason.REGISTRATION_ENDED);
        }
    }
}
