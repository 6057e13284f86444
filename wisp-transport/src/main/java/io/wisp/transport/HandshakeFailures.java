package io.wisp.transport;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many DTLS handshakes a secure connector refused or lost, by reason: a snapshot of its counters (see
 * {@link CoapTransport#handshakeFailures}). Each failed handshake counts once and is logged once, with its reason
 * and peer address and never with key material.
 *
 * @param counts failures per reason; reasons without failures may be absent
 */
public record HandshakeFailures(Map<Reason, Long> counts) {

    /** Why a handshake failed. */
    public enum Reason {
        /** The client's PSK identity is not known (or longer than 128 bytes). */
        UNKNOWN_PSK_IDENTITY,
        /** The peer does not hold the key it claims: wrong PSK key (bad Finished MAC) or a bad signature. */
        BAD_KEY,
        /** The peer's raw public key is not trusted (an unknown client key, or not the server key a client expects). */
        UNTRUSTED_PUBLIC_KEY,
        /** The peer's certificate chain is not trusted, does not name the server, or may not be used in its role. */
        UNTRUSTED_CERTIFICATE,
        /** The peer's certificate (or one of its chain) is expired or not yet valid. */
        EXPIRED_CERTIFICATE,
        /** No cipher suite, curve or certificate type both sides support. */
        NO_COMMON_PARAMETERS,
        /** The peer ended the handshake with a fatal alert (it refused our credentials, for instance). */
        PEER_ALERT,
        /** The peer stopped answering before the handshake finished. */
        TIMEOUT,
        /** Anything else. */
        OTHER
    }

    public HandshakeFailures {
        Objects.requireNonNull(counts, "counts");
        EnumMap<Reason, Long> copy = new EnumMap<>(Reason.class);
        counts.forEach((reason, count) -> {
            if (count < 0) {
                throw new IllegalArgumentException("counts must not be negative, got " + count + " for " + reason);
            }
            if (count > 0) {
                copy.put(reason, count);
            }
        });
        counts = Collections.unmodifiableMap(copy);
    }

    /** No failure at all. */
    public static HandshakeFailures none() {
        return new HandshakeFailures(Map.of());
    }

    /** The failures of one reason. */
    public long count(Reason reason) {
        return counts.getOrDefault(Objects.requireNonNull(reason, "reason"), 0L);
    }

    /** All failures. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
