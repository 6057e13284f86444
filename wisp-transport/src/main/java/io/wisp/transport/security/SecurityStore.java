package io.wisp.transport.security;

import io.wisp.transport.PeerIdentity;
import java.util.List;
import java.util.Optional;

/**
 * The DTLS credentials of the endpoints a server knows, one set per endpoint, each bound to one identity (Transport
 * TS §5.2). The DTLS connector looks keys and trusted public keys up here at every handshake, so changes apply to
 * the next handshake; the registration and bootstrap interfaces check here that a client acts only as the endpoint
 * its identity is bound to. Shared by the LwM2M Server and the Bootstrap-Server roles. Behind an interface so that
 * a persistent store can replace the in-memory default. Implementations never log or list keys.
 */
public interface SecurityStore {

    /**
     * Adds the credentials of {@code info.endpoint()}, replacing any it had, and returns the replaced ones. Throws
     * {@link IllegalArgumentException} when the identity is already bound to another endpoint: one identity names
     * one client.
     */
    Optional<SecurityInfo> add(SecurityInfo info);

    /** Removes the credentials of {@code endpoint}; returns whether it had any. */
    boolean remove(String endpoint);

    /** Every endpoint with credentials, with its mode and identity, without keys; in endpoint order. */
    List<CredentialSummary> list();

    /** The credentials of {@code endpoint}. */
    Optional<SecurityInfo> byEndpoint(String endpoint);

    /** The credentials bound to {@code identity}. */
    Optional<SecurityInfo> byIdentity(PeerIdentity identity);
}
