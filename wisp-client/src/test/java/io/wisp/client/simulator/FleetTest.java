package io.wisp.client.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.client.engine.RegistrationState;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.operation.ObserveRequest;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ResponseCode;
import io.wisp.server.WispServer;
import io.wisp.server.registration.Registration;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fleet of a few hundred real clients against the Wisp server over UDP on 127.0.0.1: every client registers from
 * its own source port, the counters agree with what the server saw, the fleet's threads do not grow with its size,
 * and stopping de-registers every client and releases every thread.
 */
class FleetTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int CLIENTS = 300;
    /** What a fleet with 2 protocol and 2 scheduler threads may add, as the transport's shared resources promise. */
    private static final String FLEET_THREADS = "at most 2 protocol, 2 timer, 1 selector and 2 scheduler threads";

    private WispServer server;
    private final AtomicInteger notifications = new AtomicInteger();

    @BeforeEach
    void startServer() {
        server = WispServer.builder().bindAddress(LOOPBACK).port(0).models(ModelRegistry.bundled()).build();
        server.addObservationListener(n -> notifications.incrementAndGet());
        server.start();
        warmUpServer();
    }

    /**
     * The server's thread pools start their threads on demand: a first small fleet brings them to full size, so that
     * the thread counts taken afterwards see the fleet's threads only.
     */
    private void warmUpServer() {
        Fleet warmUp = fleet(30).prefix("warm-up-").build();
        warmUp.start();
        waitAtMost(Duration.ofSeconds(60), () -> warmUp.stats().registered() == 30);
        assertThat(warmUp.stop(Duration.ofSeconds(30))).isTrue();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Waits polling on the test's thread: Awaitility's own poller would be counted among the threads. */
    private static void waitAtMost(Duration bound, Callable<Boolean> condition) {
        Awaitility.await().pollInSameThread().atMost(bound).until(condition);
    }

    private Fleet.Builder fleet(int count) {
        return Fleet.builder(server.localAddress()).count(count).rate(1000).prefix("fleet-")
                .bindAddresses(List.of(LOOPBACK)).protocolThreads(2).schedulerThreads(2)
                .objects(SimulatedObjects.of(List.of(3303), ModelRegistry.bundled()));
    }

    @Test
    void every_client_registers_is_counted_is_served_and_deregisters_on_stop() {
        int threadsBefore = JvmGauges.threads();
        Fleet fleet = fleet(CLIENTS).sensorPeriod(Duration.ofMillis(200)).build();
        fleet.start();

        waitAtMost(Duration.ofSeconds(60), () -> fleet.stats().registered() == CLIENTS);
        assertThat(server.registrations().size()).isEqualTo(CLIENTS);
        Set<InetSocketAddress> sources = new HashSet<>();
        for (int k = 0; k < CLIENTS; k++) {
            Registration r = server.registrations().byEndpoint(fleet.endpointName(k)).orElseThrow();
            assertThat(r.objectLinks().toString()).contains("</3303/0>");
            sources.add(r.peer().address());
        }
        assertThat(sources).as("one UDP source port per client").hasSize(CLIENTS);
        FleetStats registered = fleet.stats();
        assertThat(registered.started()).isEqualTo(CLIENTS);
        assertThat(registered.registrations()).isEqualTo(CLIENTS);
        assertThat(registered.errors()).as(registered.lastError()).isZero();
        assertThat(registered.allRegisteredAfter()).isPresent();
        int fleetThreads = JvmGauges.threads() - threadsBefore;
        assertThat(fleetThreads).as("not one thread per client: " + FLEET_THREADS).isBetween(1, 7);

        for (int k = 0; k < 5; k++) {
            assertThat(server.sendAndWait(fleet.endpointName(k), ReadRequest.of("/3303/0/5700"), TIMEOUT).code())
                    .isEqualTo(ResponseCode.CONTENT);
        }
        assertThat(server.sendAndWait(fleet.endpointName(7), ObserveRequest.of("/3303/0/5700"), TIMEOUT).code())
                .isEqualTo(ResponseCode.CONTENT);
        waitAtMost(TIMEOUT, () -> fleet.stats().notifications() >= 2 && notifications.get() >= 2);
        assertThat(fleet.stats().served()).isEqualTo(6);

        assertThat(fleet.stop(Duration.ofSeconds(60))).isTrue();
        FleetStats stopped = fleet.stats();
        assertThat(stopped.deregistrations()).isEqualTo(CLIENTS);
        assertThat(stopped.registered()).isZero();
        assertThat(stopped.errors()).as(stopped.lastError()).isZero();
        assertThat(server.registrations().size()).isZero();
        assertThat(fleet.client(0).orElseThrow().state(1)).isEqualTo(RegistrationState.IDLE);
        waitAtMost(TIMEOUT, () -> JvmGauges.threads() <= threadsBefore);
    }

    @Test
    void the_thread_count_does_not_depend_on_the_fleet_size() {
        List<Integer> added = new java.util.ArrayList<>();
        int[] sizes = {20, 200};
        for (int k = 0; k < sizes.length; k++) {
            int before = JvmGauges.threads();
            Fleet fleet = fleet(sizes[k]).build();
            fleet.start();
            int size = sizes[k];
            waitAtMost(Duration.ofSeconds(60), () -> fleet.stats().registered() == size);
            added.add(JvmGauges.threads() - before);
            assertThat(fleet.stop(Duration.ofSeconds(60))).isTrue();
            waitAtMost(TIMEOUT, () -> JvmGauges.threads() <= before);
        }
        assertThat(added).as(FLEET_THREADS + ", whatever the size").allSatisfy(n -> assertThat(n).isBetween(1, 7));
    }

    @Test
    void a_stopped_fleet_starts_no_more_clients() {
        Fleet fleet = fleet(CLIENTS).rate(20).build();
        fleet.start();
        waitAtMost(TIMEOUT, () -> fleet.stats().registered() >= 3);

        assertThat(fleet.stop(Duration.ofSeconds(30))).isTrue();
        FleetStats stopped = fleet.stats();
        assertThat(stopped.started()).isLessThan(CLIENTS);
        assertThat(stopped.registered()).isZero();
        assertThat(server.registrations().size()).isZero();
    }

    @Test
    void endpoint_names_share_one_width() {
        Fleet fleet = Fleet.builder(server.localAddress()).count(1000).prefix("dev-").build();
        try {
            assertThat(fleet.endpointName(0)).isEqualTo("dev-000");
            assertThat(fleet.endpointName(42)).isEqualTo("dev-042");
            assertThat(fleet.endpointName(999)).isEqualTo("dev-999");
        } finally {
            fleet.stop(TIMEOUT);
        }
    }
}
