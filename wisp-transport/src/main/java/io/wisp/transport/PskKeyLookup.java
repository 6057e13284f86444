package io.wisp.transport;

import java.util.Optional;

/**
 * Finds the pre-shared key of a PSK identity while a DTLS handshake runs (Transport TS §5.2: PSK mode, identity
 * up to 128 bytes, key up to 64 bytes). The role supplies it from its credential store; it is called on the
 * connector's handshake thread and must answer quickly, without blocking I/O.
 */
@FunctionalInterface
public interface PskKeyLookup {

    /**
     * The key of {@code identity}, or empty when the identity is unknown. Return a fresh array: the transport wipes
     * it once the handshake has derived its secret.
     */
    Optional<byte[]> key(String identity);
}
