package io.wisp.app.persistence;

import java.util.List;
import java.util.Optional;

/**
 * The DTLS credentials of the endpoints the servers know (Transport TS §5.2.8), one set per endpoint, each bound to
 * one identity: one identity names one client. Kept across restarts; every write is durable when the method
 * returns. Nothing here logs or lists key material.
 */
public interface CredentialStore {

    /**
     * Saves the credentials of {@code credential.endpoint()}, replacing any it had, and returns the replaced ones.
     * Throws {@link IllegalArgumentException} when the identity is already bound to another endpoint.
     */
    Optional<StoredCredential> put(StoredCredential credential);

    /** Removes the credentials of {@code endpoint}; returns whether it had any. */
    boolean remove(String endpoint);

    Optional<StoredCredential> byEndpoint(String endpoint);

    /** The credentials bound to an identity of a mode (what a DTLS handshake looks up). */
    Optional<StoredCredential> byIdentity(StoredCredential.Mode mode, String identity);

    /** Every endpoint with credentials, without keys, in endpoint order. */
    List<CredentialSummary> list();
}
