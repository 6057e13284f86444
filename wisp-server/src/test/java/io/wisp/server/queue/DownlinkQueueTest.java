package io.wisp.server.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.server.registration.Registration;
import io.wisp.server.testing.Uplinks;
import io.wisp.transport.DownlinkException;
import io.wisp.transport.Peer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Queue mode on the server (Core TS §6.5) with a clock that moves only when told and a fake wire the test answers
 * by hand: presence, order, one request at a time, bounds, expiry, cancel, and the end of a registration.
 */
class DownlinkQueueTest {
    private static final Duration AWAKE = QueueConfig.MAX_TRANSMIT_WAIT;

    private final QueueFixture f = new QueueFixture();

    private static QueueException.Reason failure(QueuedRequest<?> r) {
        assertThat(r.result()).isCompletedExceptionally();
        Throwable t = ThrowableAssert.catchThrowable(() -> r.result().join());
        assertThat(t).isInstanceOf(CompletionException.class).cause().isInstanceOf(QueueException.class);
        return ((QueueException) t.getCause()).reason();
    }

    private Registration asleep(String endpoint) {
        Registration r = f.register(endpoint, true);
        f.advance(AWAKE);
        assertThat(f.queue.presence(r)).isEqualTo(Presence.SLEEPING);
        return r;
    }

    @Test
    void a_client_not_in_queue_mode_gets_every_request_at_once_and_leaves_no_state() {
        Registration r = f.register("plain", false);

        QueuedRequest<String> first = f.submit(r, "Read /3/0/0");
        QueuedRequest<String> second = f.submit(r, "Read /3/0/1");

        assertThat(f.sent()).containsExactly("Read /3/0/0", "Read /3/0/1");
        assertThat(first.status()).isEqualTo(QueuedRequest.Status.IN_FLIGHT);
        assertThat(first.wasQueued()).isFalse();
        f.answer(1);
        assertThat(second.result()).isCompletedWithValue("answer to Read /3/0/1");
        assertThat(f.queue.presence(r)).isEqualTo(Presence.AWAKE);
        assertThat(f.queue.clientsWithState()).isZero();
        assertThat(f.presence).isEmpty();
    }

    @Test
    void a_queue_mode_client_is_awake_from_its_register_until_the_awake_time_has_passed() {
        Registration r = f.register("sleepy", true);
        assertThat(f.presence).containsExactly("awake sleepy");
        assertThat(f.queue.presence(r)).isEqualTo(Presence.AWAKE);

        f.advance(AWAKE.minusSeconds(1));
        assertThat(f.queue.presence(r)).isEqualTo(Presence.AWAKE);

        f.advance(Duration.ofSeconds(1));
        assertThat(f.queue.presence(r)).isEqualTo(Presence.SLEEPING);
        assertThat(f.presence).containsExactly("awake sleepy", "sleeping sleepy");
    }

    @Test
    void any_traffic_from_the_client_starts_its_awake_window_again() {
        Registration r = f.register("chatty", true);
        f.advance(Duration.ofSeconds(60));
        f.queue.heardFrom(r);
        f.advance(Duration.ofSeconds(60));
        assertThat(f.queue.presence(r)).isEqualTo(Presence.AWAKE);
        f.advance(AWAKE.minusSeconds(60));
        assertThat(f.queue.presence(r)).isEqualTo(Presence.SLEEPING);
        assertThat(f.presence).containsExactly("awake chatty", "sleeping chatty");
    }

    @Test
    void three_requests_queued_while_asleep_go_out_in_order_one_at_a_time_after_the_update() {
        Registration r = asleep("q");
        QueuedRequest<String> a = f.submit(r, "Read /3/0/0");
        QueuedRequest<String> b = f.submit(r, "Write /1/0/1");
        QueuedRequest<String> c = f.submit(r, "Execute /3/0/4");
        assertThat(List.of(a, b, c)).allSatisfy(q -> {
            assertThat(q.status()).isEqualTo(QueuedRequest.Status.QUEUED);
            assertThat(q.wasQueued()).isTrue();
        });
        assertThat(f.queue.queued("q")).containsExactly(a, b, c);
        f.advance(Duration.ofMinutes(10));
        assertThat(f.sent()).isEmpty();

        f.update(r);
        assertThat(f.presence).endsWith("awake q");
        assertThat(f.sent()).containsExactly("Read /3/0/0");
        assertThat(a.status()).isEqualTo(QueuedRequest.Status.IN_FLIGHT);
        f.answer(0);
        assertThat(a.result()).isCompletedWithValue("answer to Read /3/0/0");
        assertThat(f.sent()).containsExactly("Read /3/0/0", "Write /1/0/1");
        f.answer(1);
        f.answer(2);
        assertThat(f.sent()).containsExactly("Read /3/0/0", "Write /1/0/1", "Execute /3/0/4");
        assertThat(b.result()).isCompletedWithValue("answer to Write /1/0/1");
        assertThat(c.result()).isCompletedWithValue("answer to Execute /3/0/4");
        assertThat(f.queue.queued("q")).isEmpty();
    }

    @Test
    void a_request_to_an_awake_idle_client_goes_straight_out_and_the_next_waits_for_its_answer() {
        Registration r = f.register("awake", true);

        QueuedRequest<String> first = f.submit(r, "Read /3/0/0");
        QueuedRequest<String> second = f.submit(r, "Read /3/0/1");

        assertThat(first.status()).isEqualTo(QueuedRequest.Status.IN_FLIGHT);
        assertThat(first.wasQueued()).isFalse();
        assertThat(second.status()).isEqualTo(QueuedRequest.Status.QUEUED);
        assertThat(f.sent()).containsExactly("Read /3/0/0");
        f.answer(0);
        assertThat(f.sent()).containsExactly("Read /3/0/0", "Read /3/0/1");
        assertThat(second.status()).isEqualTo(QueuedRequest.Status.IN_FLIGHT);
    }

    @Test
    void an_answer_counts_as_traffic_and_keeps_the_client_awake() {
        Registration r = f.register("busy", true);
        f.submit(r, "Read /3/0/0");
        f.advance(AWAKE.minusSeconds(5));
        f.answer(0);
        f.advance(Duration.ofSeconds(10));
        assertThat(f.queue.presence(r)).isEqualTo(Presence.AWAKE);
    }

    @Test
    void a_full_queue_refuses_the_next_request_with_a_typed_error_and_keeps_the_others() {
        QueueFixture small = new QueueFixture(QueueConfig.defaults().withCapacity(2));
        Registration r = small.register("small", true);
        small.advance(AWAKE);
        QueuedRequest<String> a = small.submit(r, "A");
        QueuedRequest<String> b = small.submit(r, "B");

        QueuedRequest<String> c = small.submit(r, "C");

        assertThat(failure(c)).isEqualTo(QueueException.Reason.FULL);
        assertThat(c.status()).isEqualTo(QueuedRequest.Status.DONE);
        assertThat(small.queue.queued("small")).containsExactly(a, b);
        small.update(r);
        small.answer(0);
        small.answer(1);
        assertThat(small.sent()).containsExactly("A", "B");
    }

    @Test
    void the_bound_counts_the_request_on_its_way_so_a_timeout_never_overfills_the_queue() {
        QueueFixture small = new QueueFixture(QueueConfig.defaults().withCapacity(2));
        Registration r = small.register("tight", true);
        QueuedRequest<String> a = small.submit(r, "A");
        QueuedRequest<String> b = small.submit(r, "B");

        assertThat(failure(small.submit(r, "C"))).isEqualTo(QueueException.Reason.FULL);
        small.timeOut(0);
        assertThat(small.queue.queued("tight")).containsExactly(a, b);
        assertThat(failure(small.submit(r, "D"))).isEqualTo(QueueException.Reason.FULL);
    }

    @Test
    void a_request_still_waiting_at_its_deadline_expires_in_the_queue_and_is_never_sent() {
        Registration r = asleep("late");
        QueuedRequest<String> shortLived = f.queue.submit(r, "A", Duration.ofSeconds(30), f.op("A"));
        QueuedRequest<String> longLived = f.submit(r, "B");
        assertThat(shortLived.expiresAt()).isEqualTo(shortLived.submittedAt().plusSeconds(30));

        f.advance(Duration.ofSeconds(29));
        assertThat(shortLived.result()).isNotDone();
        f.advance(Duration.ofSeconds(1));

        assertThat(failure(shortLived)).isEqualTo(QueueException.Reason.EXPIRED);
        assertThat(f.queue.queued("late")).containsExactly(longLived);
        f.update(r);
        assertThat(f.sent()).containsExactly("B");
    }

    @Test
    void the_default_expiry_comes_from_the_configuration() {
        QueueFixture hourly = new QueueFixture(QueueConfig.defaults().withRequestExpiry(Duration.ofMinutes(5)));
        Registration r = hourly.register("cfg", true);
        hourly.advance(AWAKE);
        QueuedRequest<String> q = hourly.submit(r, "A");
        hourly.advance(Duration.ofMinutes(5));
        assertThat(failure(q)).isEqualTo(QueueException.Reason.EXPIRED);
    }

    @Test
    void cancel_withdraws_a_waiting_request_and_the_others_keep_their_order() {
        Registration r = asleep("undo");
        QueuedRequest<String> a = f.submit(r, "A");
        QueuedRequest<String> b = f.submit(r, "B");
        QueuedRequest<String> c = f.submit(r, "C");

        assertThat(f.queue.cancel("undo", b.id())).isTrue();
        assertThat(f.queue.cancel("undo", b.id())).isFalse();
        assertThat(c.result().cancel(false)).isTrue();

        assertThat(failure(b)).isEqualTo(QueueException.Reason.CANCELLED);
        assertThat(f.queue.queued("undo")).containsExactly(a);
        f.update(r);
        assertThat(a.cancel()).as("a request already sent cannot be withdrawn").isFalse();
        f.answer(0);
        assertThat(f.sent()).containsExactly("A");
        assertThat(a.result()).isCompletedWithValue("answer to A");
    }

    @Test
    void de_registration_fails_every_waiting_request_and_drops_the_clients_state() {
        Registration r = asleep("gone");
        QueuedRequest<String> a = f.submit(r, "A");
        QueuedRequest<String> b = f.submit(r, "B");

        f.deregister(r);

        assertThat(failure(a)).isEqualTo(QueueException.Reason.REGISTRATION_ENDED);
        assertThat(failure(b)).isEqualTo(QueueException.Reason.REGISTRATION_ENDED);
        assertThat(f.queue.clientsWithState()).isZero();
        assertThat(f.sent()).isEmpty();
    }

    @Test
    void lifetime_expiry_fails_every_waiting_request() {
        Registration r = asleep("expired");
        QueuedRequest<String> a = f.submit(r, "A");

        f.store.remove(r.id());
        f.queue.expired(r);

        assertThat(failure(a)).isEqualTo(QueueException.Reason.REGISTRATION_ENDED);
    }

    @Test
    void registering_again_fails_the_requests_queued_for_the_old_registration() {
        Registration old = asleep("again");
        QueuedRequest<String> a = f.submit(old, "A");

        Registration fresh = f.register("again", true);

        assertThat(failure(a)).isEqualTo(QueueException.Reason.REGISTRATION_ENDED);
        assertThat(f.sent()).isEmpty();
        assertThat(f.queue.presence(fresh)).isEqualTo(Presence.AWAKE);
    }

    @Test
    void stopping_fails_every_waiting_request() {
        Registration r = asleep("halt");
        QueuedRequest<String> a = f.submit(r, "A");

        f.queue.stop();

        assertThat(failure(a)).isEqualTo(QueueException.Reason.STOPPED);
        assertThat(f.queue.clientsWithState()).isZero();
    }

    @Test
    void a_request_for_a_registration_that_has_ended_fails_at_once() {
        Registration r = asleep("stale");
        f.deregister(r);

        QueuedRequest<String> a = f.submit(r, "A");

        assertThat(failure(a)).isEqualTo(QueueException.Reason.REGISTRATION_ENDED);
        assertThat(f.queue.clientsWithState()).isZero();
    }

    @Test
    void a_delivery_that_times_out_puts_the_client_to_sleep_and_the_request_back_at_the_head() {
        Registration r = f.register("deaf", true);
        QueuedRequest<String> a = f.submit(r, "A");
        QueuedRequest<String> b = f.submit(r, "B");

        f.timeOut(0);

        assertThat(f.presence).containsExactly("awake deaf", "sleeping deaf");
        assertThat(a.status()).isEqualTo(QueuedRequest.Status.QUEUED);
        assertThat(a.wasQueued()).isTrue();
        assertThat(f.queue.queued("deaf")).containsExactly(a, b);
        assertThat(f.sent()).containsExactly("A");

        f.update(r);
        f.answer(1);
        f.answer(2);
        assertThat(f.sent()).containsExactly("A", "A", "B");
        assertThat(a.result()).isCompletedWithValue("answer to A");
        assertThat(b.result()).isCompletedWithValue("answer to B");
    }

    @Test
    void a_delivery_that_times_out_after_the_requests_deadline_fails_with_the_timeout() {
        Registration r = f.register("slow", true);
        QueuedRequest<String> a = f.queue.submit(r, "A", Duration.ofSeconds(5), f.op("A"));
        f.clock.advance(Duration.ofSeconds(10));

        f.timeOut(0);

        Throwable t = ThrowableAssert.catchThrowable(() -> a.result().join());
        assertThat(t.getCause()).isInstanceOf(DownlinkException.class);
        assertThat(f.queue.presence(r)).isEqualTo(Presence.SLEEPING);
    }

    @Test
    void a_failure_other_than_a_timeout_ends_that_request_and_the_next_one_goes_out() {
        Registration r = f.register("rst", true);
        QueuedRequest<String> a = f.submit(r, "A");
        f.submit(r, "B");

        f.wire.get(0).answer().completeExceptionally(new DownlinkException(DownlinkException.Reason.REJECTED, "RST"));

        assertThat(ThrowableAssert.catchThrowable(() -> a.result().join()).getCause())
                .isInstanceOf(DownlinkException.class);
        assertThat(f.sent()).containsExactly("A", "B");
        assertThat(f.queue.presence(r)).isEqualTo(Presence.AWAKE);
    }

    @Test
    void the_queue_delivers_to_the_address_the_client_woke_up_from() {
        Registration r = asleep("moved");
        f.submit(r, "A");
        Peer moved = Peer.unsecured("coap", new InetSocketAddress("127.0.0.1", 40404));

        f.update(r, moved);

        assertThat(f.wire.get(0).to().peer()).isEqualTo(moved);
        assertThat(Uplinks.PEER).isNotEqualTo(moved);
    }

    @Test
    void sleeping_clients_with_empty_queues_hold_no_state() {
        for (int k = 0; k < 1000; k++) {
            f.register("ep" + k, true);
        }
        assertThat(f.queue.clientsWithState()).isEqualTo(1000);

        f.advance(AWAKE);

        assertThat(f.queue.clientsWithState()).isZero();
        Registration one = f.store.byEndpoint("ep7").orElseThrow();
        f.submit(one, "A");
        assertThat(f.queue.clientsWithState()).isEqualTo(1);
        f.update(one);
        f.answer(0);
        f.advance(AWAKE);
        assertThat(f.queue.clientsWithState()).isZero();
    }

    @Test
    void a_client_leaving_queue_mode_gets_its_waiting_requests_at_once() {
        Registration r = asleep("leaving");
        f.submit(r, "A");
        f.submit(r, "B");
        Registration plain = f.store.update(r.id(), x -> x.updated(
                new io.wisp.server.registration.UpdateRequest(r.id(), null, null, false, null, null), Uplinks.PEER,
                f.clock.instant())).orElseThrow().current();

        f.queue.heardFrom(plain);
        f.answer(0);
        f.answer(1);

        assertThat(f.sent()).containsExactly("A", "B");
        assertThat(f.queue.clientsWithState()).isZero();
        QueuedRequest<String> c = f.submit(plain, "C");
        assertThat(c.status()).isEqualTo(QueuedRequest.Status.IN_FLIGHT);
    }

    @Test
    void a_dispatcher_that_throws_fails_only_its_own_request() {
        Registration r = f.register("broken", true);
        QueuedRequest<String> bad = f.queue.submit(r, "bad", to -> {
            throw new IllegalStateException("cannot encode");
        });
        QueuedRequest<String> good = f.submit(r, "good");

        assertThat(ThrowableAssert.catchThrowable(() -> bad.result().join()).getCause())
                .isInstanceOf(IllegalStateException.class);
        assertThat(f.sent()).containsExactly("good");
        f.answer(0);
        assertThat(good.result()).isCompletedWithValue("answer to good");
        assertThat(CompletableFuture.allOf(bad.result(), good.result())).isCompletedExceptionally();
    }
}
