package io.wisp.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueuedRequestStoreTest extends DatabaseTest {

    private StoredRequest request(String registrationId, String endpoint, String what, Duration expiry) {
        Instant now = clock.instant();
        return StoredRequest.unsaved(registrationId, endpoint, what, "{\"operation\":\"" + what + "\"}", now,
                now.plus(expiry));
    }

    @Test
    void queued_requests_keep_their_order_and_content_through_a_restart() {
        db.registrations().add(Registrations.of("reg1", "sleepy", 600, clock.instant()));
        StoredRequest first = db.queuedRequests().add(request("reg1", "sleepy", "Read /3/0", Duration.ofHours(1)));
        StoredRequest second = db.queuedRequests().add(request("reg1", "sleepy", "Write /1/0/1",
                Duration.ofHours(1)));
        StoredRequest third = db.queuedRequests().add(request("reg1", "sleepy", "Execute /3/0/4",
                Duration.ofHours(1)));
        assertThat(first.id()).isPositive().isLessThan(second.id());
        assertThat(second.id()).isLessThan(third.id());

        reopen();

        assertThat(db.queuedRequests().byEndpoint("sleepy")).containsExactly(first, second, third);
        assertThat(db.queuedRequests().all()).containsExactly(first, second, third);
    }

    @Test
    void delivered_cancelled_expired_and_ended_requests_leave_the_store() {
        StoredRequest delivered = db.queuedRequests().add(request("reg1", "a", "Read /3/0", Duration.ofHours(1)));
        StoredRequest soon = db.queuedRequests().add(request("reg1", "a", "Read /4/0", Duration.ofMinutes(1)));
        StoredRequest kept = db.queuedRequests().add(request("reg1", "a", "Read /5/0", Duration.ofHours(1)));
        db.queuedRequests().add(request("reg2", "b", "Read /3/0", Duration.ofHours(1)));

        assertThat(db.queuedRequests().remove(delivered.id())).isTrue();
        assertThat(db.queuedRequests().remove(delivered.id())).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(db.queuedRequests().removeExpired(clock.instant())).isEqualTo(1);
        assertThat(db.queuedRequests().removeByRegistration("reg2")).isEqualTo(1);

        assertThat(db.queuedRequests().all()).containsExactly(kept);
        assertThat(db.queuedRequests().byEndpoint("a")).doesNotContain(soon);
    }

    @Test
    void a_request_is_saved_once_and_must_expire_after_it_was_submitted() {
        StoredRequest saved = db.queuedRequests().add(request("reg1", "a", "Read /3/0", Duration.ofHours(1)));
        assertThatThrownBy(() -> db.queuedRequests().add(saved)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already saved");
        assertThatThrownBy(() -> request("reg1", "a", "Read", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expiresAt");
    }
}
