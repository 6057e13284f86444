package io.wisp.client.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.client.engine.ServerAccount;
import io.wisp.core.operation.ResponseCode;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fleet's counters follow each client's registration state as the engine reports it. */
class FleetCountersTest {
    private static final ServerAccount SERVER = ServerAccount.udp(1,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 5683), Duration.ofMinutes(5));

    private long now = 0;
    private final FleetCounters counters = new FleetCounters(2, () -> now);

    @Test
    void a_client_sent_back_to_register_is_not_registered_until_it_registers_again() {
        counters.registered(SERVER, "/rd/a");
        counters.registered(SERVER, "/rd/b");
        counters.updated(SERVER);
        counters.failed(SERVER, "Update", "4.04 Not Found", true);

        FleetStats afterFailure = counters.snapshot();
        assertThat(afterFailure.registered()).isEqualTo(1);
        assertThat(afterFailure.errors()).isEqualTo(1);
        assertThat(afterFailure.lastError()).contains("Update", "4.04");

        counters.registered(SERVER, "/rd/c");
        counters.deregistered(SERVER);
        FleetStats later = counters.snapshot();
        assertThat(later.registered()).isEqualTo(1);
        assertThat(later.registrations()).isEqualTo(3);
        assertThat(later.updates()).isEqualTo(1);
        assertThat(later.deregistrations()).isEqualTo(1);
    }

    @Test
    void a_failed_register_changes_nothing_but_the_errors() {
        counters.registered(SERVER, "/rd/a");
        counters.failed(SERVER, "Register", "no answer", true);

        assertThat(counters.snapshot().registered()).isEqualTo(1);
        assertThat(counters.snapshot().errors()).isEqualTo(1);
    }

    @Test
    void the_time_to_register_all_is_taken_when_the_last_one_registers() {
        counters.fleetStarted();
        now += 1_000_000_000L;
        counters.registered(SERVER, "/rd/a");
        assertThat(counters.snapshot().allRegisteredAfter()).isEmpty();
        now += 500_000_000L;
        counters.registered(SERVER, "/rd/b");
        now += 9_000_000_000L;
        counters.failed(SERVER, "Update", "timeout", true);
        counters.registered(SERVER, "/rd/c");

        assertThat(counters.snapshot().allRegisteredAfter()).contains(Duration.ofMillis(1500));
    }

    @Test
    void served_requests_notifications_and_clients_that_cannot_start_are_counted() {
        counters.served(1, "GET /3/0", ResponseCode.CONTENT);
        counters.served(1, "GET /3/7", ResponseCode.NOT_FOUND);
        counters.notified(1, "[/3303/0/5700]");
        counters.clientFailedToStart("sim-7", new UncheckedIOException("cannot start the CoAP transport",
                new SocketException("Too many open files")));

        FleetStats s = counters.snapshot();
        assertThat(s.served()).isEqualTo(2);
        assertThat(s.notifications()).isEqualTo(1);
        assertThat(s.errors()).isEqualTo(1);
        assertThat(s.lastError()).contains("sim-7", "cannot start the CoAP transport", "Too many open files");
    }
}
