package io.wisp.server.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.model.Version;
import io.wisp.server.registration.Binding;
import io.wisp.server.registration.CompactObjectLinks;
import io.wisp.server.registration.InMemoryRegistrationStore;
import io.wisp.server.registration.RegisterRequest;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.UpdateRequest;
import io.wisp.transport.Peer;
import io.wisp.transport.testing.MutableClock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Finding a registration by the peer it talks from, as Send needs (Core TS §6.4.5), through every kind of change. */
class PeerIndexedStoreTest {
    private static final Peer A = Peer.unsecured("coap", new InetSocketAddress("127.0.0.1", 40001));
    private static final Peer B = Peer.unsecured("coap", new InetSocketAddress("127.0.0.1", 40002));
    private static final Peer A_ON_OTHER_CONNECTOR = Peer.unsecured("coaps", new InetSocketAddress("127.0.0.1", 40001));
    private static final Peer V6 = Peer.unsecured("coap", new InetSocketAddress("::1", 40001));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryRegistrationStore inner = new InMemoryRegistrationStore(clock);
    private final PeerIndexedStore store = new PeerIndexedStore(inner);

    private Registration registration(String id, String endpoint, Peer peer, long lifetime) {
        RegisterRequest r = new RegisterRequest(endpoint, lifetime, Version.V1_1, Binding.UDP, false, null, null,
                Map.of(), CompactObjectLinks.parse("</3/0>"));
        return Registration.create(id, r, peer, clock.instant());
    }

    private static Registration movedTo(Registration r, Peer peer, Instant now) {
        return r.updated(new UpdateRequest(r.id(), null, null, null, null, null), peer, now);
    }

    @Test
    void a_registration_is_found_by_its_peer_only_on_the_same_connector_address_and_port() {
        store.add(registration("id1", "dev", A, 60));
        store.add(registration("id6", "dev6", V6, 60));

        assertThat(store.byPeer(A)).map(Registration::id).contains("id1");
        assertThat(store.byPeer(V6)).map(Registration::id).contains("id6");
        assertThat(store.byPeer(B)).isEmpty();
        assertThat(store.byPeer(A_ON_OTHER_CONNECTOR)).isEmpty();
    }

    @Test
    void an_update_from_a_new_address_moves_the_registration_there() {
        store.add(registration("id1", "dev", A, 60));

        store.update("id1", r -> movedTo(r, B, clock.instant()));

        assertThat(store.byPeer(A)).isEmpty();
        assertThat(store.byPeer(B)).map(Registration::id).contains("id1");
    }

    @Test
    void replacing_removing_and_expiring_forget_the_old_peer() {
        store.add(registration("id1", "dev", A, 60));
        store.add(registration("id2", "dev", B, 60));
        assertThat(store.byPeer(A)).as("replaced by a new Register from B").isEmpty();
        assertThat(store.byPeer(B)).map(Registration::id).contains("id2");

        store.remove("id2");
        assertThat(store.byPeer(B)).isEmpty();

        store.add(registration("id3", "short", A, 10));
        clock.advance(Duration.ofSeconds(11));
        assertThat(store.removeExpired(clock.instant())).extracting(Registration::id).containsExactly("id3");
        assertThat(store.byPeer(A)).isEmpty();
    }

    @Test
    void an_address_taken_over_by_another_client_names_that_client() {
        store.add(registration("id1", "first", A, 60));
        store.add(registration("id2", "second", B, 60));

        store.update("id2", r -> movedTo(r, A, clock.instant()));
        store.update("id1", r -> movedTo(r, B, clock.instant()));

        assertThat(store.byPeer(A)).map(Registration::id).contains("id2");
        assertThat(store.byPeer(B)).map(Registration::id).contains("id1");
    }

    @Test
    void a_change_made_around_the_index_is_never_trusted() {
        store.add(registration("id1", "dev", A, 60));

        inner.update("id1", r -> movedTo(r, B, clock.instant()));

        assertThat(store.byPeer(A)).as("the stale entry points at a registration now elsewhere").isEmpty();
    }

    @Test
    void registrations_already_in_the_store_are_indexed_when_wrapped() {
        inner.add(registration("id1", "dev", A, 60));

        assertThat(new PeerIndexedStore(inner).byPeer(A)).map(Registration::id).contains("id1");
    }
}
