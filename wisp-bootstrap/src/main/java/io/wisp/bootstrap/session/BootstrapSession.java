package io.wisp.bootstrap.session;

import io.wisp.transport.Peer;
import java.time.Instant;
import java.util.Objects;

/**
 * One bootstrap of one client, as listeners and the operator see it: which client, from where, how it started.
 * Immutable; what happens during the session arrives as {@link BootstrapStep}s and ends in a {@link BootstrapResult}.
 *
 * @param id        unique within a Bootstrap-Server run
 * @param endpoint  the client's Endpoint Client Name
 * @param peer      where the client is, and where the session's requests go
 * @param kind      how the session started
 * @param startedAt when the session started
 */
public record BootstrapSession(String id, String endpoint, Peer peer, Kind kind, Instant startedAt) {

    /** How a session started (Core TS §6.1). */
    public enum Kind {
        /** The client sent a Bootstrap-Request ({@code POST /bs}). */
        CLIENT_INITIATED,
        /** The operator bootstrapped a client at a known address, without a Bootstrap-Request. */
        SERVER_INITIATED,
        /** The client fetched its configuration in one Bootstrap-Pack-Request ({@code GET /bspack}, 1.2). */
        PACK
    }

    public BootstrapSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    @Override
    public String toString() {
        return "bootstrap session " + id + " of " + endpoint + " at " + peer + " (" + kind + ")";
    }
}
