package io.wisp.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.server.registration.Registration;
import io.wisp.server.registration.RegistrationStore;
import io.wisp.server.registration.UpdatedRegistration;
import io.wisp.transport.Peer;
import io.wisp.transport.testing.MutableClock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the server expects of any {@link RegistrationStore} (Core TS §6.2): found by ID and endpoint until removed, a
 * new Register of an endpoint replaces its registration, IDs are unique, lifetimes expire and Updates renew them.
 * Run against the in-memory store and the persistent one, so both behave the same.
 */
abstract class RegistrationStoreContract {
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    /** The store under test, built on {@link #clock}. */
    protected abstract RegistrationStore store();

    private Registration registration(String id, String endpoint, long lifetime) {
        return Registrations.of(id, endpoint, lifetime, clock.instant());
    }

    @Test
    void a_registration_is_found_by_id_and_by_endpoint_until_it_is_removed() {
        Registration r = registration("r1", "meter", 60);
        assertThat(store().add(r)).isEmpty();
        assertThat(store().byId("r1")).containsSame(r);
        assertThat(store().byEndpoint("meter")).containsSame(r);
        assertThat(store().size()).isEqualTo(1);

        assertThat(store().remove("r1")).containsSame(r);
        assertThat(store().byId("r1")).isEmpty();
        assertThat(store().byEndpoint("meter")).isEmpty();
        assertThat(store().size()).isZero();
        assertThat(store().remove("r1")).as("a second De-register finds nothing").isEmpty();
    }

    @Test
    void a_new_register_of_the_same_endpoint_replaces_the_old_registration() {
        Registration first = registration("r1", "meter", 60);
        Registration second = registration("r2", "meter", 60);
        store().add(first);

        assertThat(store().add(second)).containsSame(first);
        assertThat(store().byEndpoint("meter")).containsSame(second);
        assertThat(store().byId("r1")).isEmpty();
        assertThat(store().update("r1", r -> r)).as("an Update at the old location is refused").isEmpty();
        assertThat(store().size()).isEqualTo(1);
    }

    @Test
    void an_id_already_in_use_is_refused_and_nothing_changes() {
        Registration a = registration("r1", "a", 60);
        Registration b = registration("r2", "b", 60);
        store().add(a);
        store().add(b);

        assertThatThrownBy(() -> store().add(registration("r1", "b", 60)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store().byId("r1")).containsSame(a);
        assertThat(store().byEndpoint("b")).containsSame(b);
    }

    @Test
    void an_update_gives_both_versions_keeps_registered_at_and_follows_a_new_address() {
        Registration r = registration("r1", "meter", 60);
        store().add(r);
        clock.advance(Duration.ofSeconds(7));
        Peer moved = Peer.unsecured("coap", new InetSocketAddress("127.0.0.1", 40001));

        UpdatedRegistration u = store().update("r1", old -> Registrations.renewed(old, moved, clock.instant()))
                .orElseThrow();
        assertThat(u.previous()).isSameAs(r);
        assertThat(u.current().lastUpdateAt()).isEqualTo(clock.instant());
        assertThat(u.current().registeredAt()).isEqualTo(r.registeredAt());
        assertThat(store().byId("r1").orElseThrow().peer()).isEqualTo(moved);
    }

    @Test
    void a_refused_update_changes_nothing() {
        Registration r = registration("r1", "meter", 60);
        store().add(r);

        assertThatThrownBy(() -> store().update("r1", old -> registration("r1", "other", 60)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().update("r1", old -> {
            throw new IllegalStateException("refused by the handler");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store().byId("r1")).containsSame(r);
        assertThat(store().byEndpoint("other")).isEmpty();
    }

    @Test
    void registrations_expire_after_their_lifetime_unless_an_update_renews_them() {
        store().add(registration("r1", "renewing", 60));
        store().add(registration("r2", "silent", 60));
        clock.advance(Duration.ofSeconds(45));
        store().update("r1", r -> Registrations.renewed(r, r.peer(), clock.instant()));

        clock.advance(Duration.ofSeconds(14));
        assertThat(store().removeExpired(clock.instant())).as("59 s: none yet").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(store().removeExpired(clock.instant())).extracting(Registration::id).containsExactly("r2");
        assertThat(store().byEndpoint("silent")).isEmpty();

        clock.advance(Duration.ofSeconds(45));
        assertThat(store().removeExpired(clock.instant())).extracting(Registration::id).containsExactly("r1");
        assertThat(store().size()).isZero();
    }

    @Test
    void a_shorter_lifetime_brings_expiry_forward_and_lifetime_zero_never_expires() {
        store().add(registration("r1", "shortened", 86_400));
        store().add(registration("r2", "forever", 0));
        store().update("r1", r -> Registrations.withLifetime(r, 30, clock.instant()));

        clock.advance(Duration.ofDays(500));
        assertThat(store().removeExpired(clock.instant())).extracting(Registration::id).containsExactly("r1");
        assertThat(store().byId("r2")).isPresent();
    }

    @Test
    void for_each_visits_every_current_registration_once() {
        for (int k = 0; k < 50; k++) {
            store().add(registration("r" + k, "ep" + k, 60));
        }
        store().remove("r7");
        store().add(registration("again", "ep8", 60));

        List<String> seen = new ArrayList<>();
        store().forEach(r -> seen.add(r.endpoint()));
        assertThat(seen).hasSize(49).doesNotHaveDuplicates().doesNotContain("ep7").contains("ep8");
        assertThat(store().size()).isEqualTo(49);
    }
}
