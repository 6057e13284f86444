package io.wisp.server.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.model.Version;
import io.wisp.server.testing.Uplinks;
import io.wisp.transport.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryRegistrationStoreTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryRegistrationStore store = new InMemoryRegistrationStore(clock);

    private Registration registration(String id, String endpoint, long lifetime) {
        RegisterRequest r = new RegisterRequest(endpoint, lifetime, Version.V1_1, Binding.UDP, false, null, null,
                Map.of(), CompactObjectLinks.parse("</1/0>,</3/0>"));
        return Registration.create(id, r, Uplinks.PEER, clock.instant());
    }

    private Registration renewed(Registration r, Long lifetime) {
        UpdateRequest u = new UpdateRequest(r.id(), lifetime, null, null, null, null);
        return r.updated(u, Uplinks.PEER, clock.instant());
    }

    @Test
    void a_registration_is_found_by_id_and_endpoint_until_removed() {
        Registration r = registration("id1", "dev", 60);

        assertThat(store.add(r)).isEmpty();
        assertThat(store.byId("id1")).containsSame(r);
        assertThat(store.byEndpoint("dev")).containsSame(r);
        assertThat(store.size()).isEqualTo(1);

        assertThat(store.remove("id1")).containsSame(r);
        assertThat(store.byId("id1")).isEmpty();
        assertThat(store.byEndpoint("dev")).isEmpty();
        assertThat(store.remove("id1")).isEmpty();
    }

    @Test
    void registering_the_same_endpoint_again_replaces_the_old_registration() {
        Registration old = registration("id1", "dev", 60);
        Registration again = registration("id2", "dev", 60);
        store.add(old);

        assertThat(store.add(again)).containsSame(old);
        assertThat(store.byId("id1")).isEmpty();
        assertThat(store.byEndpoint("dev")).containsSame(again);
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.update("id1", r -> r)).as("the old ID is gone").isEmpty();
    }

    @Test
    void an_id_in_use_is_refused_without_touching_the_endpoints_registration() {
        Registration first = registration("id1", "a", 60);
        store.add(first);
        Registration other = registration("id0", "b", 60);
        store.add(other);

        assertThatThrownBy(() -> store.add(registration("id1", "b", 60))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.byEndpoint("b")).containsSame(other);
        assertThat(store.byId("id1")).containsSame(first);
    }

    @Test
    void a_registration_expires_after_its_lifetime_and_an_update_renews_it() {
        store.add(registration("id1", "dev", 60));
        store.add(registration("id2", "other", 60));
        clock.advance(Duration.ofSeconds(50));
        store.update("id1", r -> renewed(r, null));

        clock.advance(Duration.ofSeconds(11));
        assertThat(store.removeExpired(clock.instant())).extracting(Registration::id).containsExactly("id2");
        assertThat(store.byEndpoint("other")).isEmpty();

        clock.advance(Duration.ofSeconds(50));
        assertThat(store.removeExpired(clock.instant())).extracting(Registration::id).containsExactly("id1");
        assertThat(store.size()).isZero();
    }

    @Test
    void shortening_the_lifetime_brings_expiry_forward_and_zero_never_expires() {
        store.add(registration("short", "a", 86_400));
        store.add(registration("never", "b", 0));
        store.update("short", r -> renewed(r, 20L));

        clock.advance(Duration.ofDays(400));
        assertThat(store.removeExpired(clock.instant())).extracting(Registration::id).containsExactly("short");
        assertThat(store.byId("never")).isPresent();
    }

    @Test
    void an_update_returns_both_versions_and_a_refused_update_changes_nothing() {
        Registration r = registration("id1", "dev", 60);
        store.add(r);
        clock.advance(Duration.ofSeconds(5));

        UpdatedRegistration u = store.update("id1", old -> renewed(old, 120L)).orElseThrow();
        assertThat(u.previous()).isSameAs(r);
        assertThat(u.current().lifetime()).isEqualTo(120);
        assertThat(u.current().lastUpdateAt()).isEqualTo(clock.instant());
        assertThat(u.current().registeredAt()).isEqualTo(r.registeredAt());

        assertThatThrownBy(() -> store.update("id1", old -> registration("id1", "someone-else", 60)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.byId("id1")).containsSame(u.current());
    }
}
