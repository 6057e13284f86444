package io.wisp.transport;

import java.security.PublicKey;

/**
 * Decides whether a raw public key a peer presents in a DTLS handshake is trusted (Transport TS §5.2: RPK mode,
 * RFC 7250). A server trusts the keys of the clients in its credential store; a client trusts its server's key. Called
 * on the connector's handshake thread; answer quickly.
 */
@FunctionalInterface
public interface PublicKeyTrust {

    boolean trusts(PublicKey key);
}
