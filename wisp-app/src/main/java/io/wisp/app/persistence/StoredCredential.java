package io.wisp.app.persistence;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * The DTLS credentials of one endpoint (Transport TS §5.2.8; the security modes of Security object resource 2,
 * Core TS §E.1), as stored: the mode, the identity the client proves in its handshake, and the key material. The key
 * is copied in and out, compared in constant time, and never appears in {@link #toString()}.
 */
public final class StoredCredential {

    /** The DTLS security modes that have credentials (NoSec has none). */
    public enum Mode {
        /** Pre-shared key: the identity is the PSK identity, the key material the key. */
        PSK,
        /** Raw public key: the identity names the key (e.g. its fingerprint), the key material is its encoding. */
        RPK,
        /** Certificate: the identity is the subject CN the certificate must carry; no key material. */
        X509
    }

    private final String endpoint;
    private final Mode mode;
    private final String identity;
    private final byte[] keyMaterial;

    private StoredCredential(String endpoint, Mode mode, String identity, byte[] keyMaterial) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.keyMaterial = Objects.requireNonNull(keyMaterial, "keyMaterial").clone();
        if (endpoint.isEmpty()) {
            throw new IllegalArgumentException("endpoint must not be empty");
        }
        if (identity.isEmpty()) {
            throw new IllegalArgumentException("identity must not be empty");
        }
        if (mode != Mode.X509 && this.keyMaterial.length == 0) {
            throw new IllegalArgumentException("keyMaterial must not be empty in " + mode + " mode");
        }
        if (mode == Mode.X509 && this.keyMaterial.length != 0) {
            throw new IllegalArgumentException("keyMaterial must be empty in X509 mode (trust comes from anchors)");
        }
    }

    /** PSK credentials: the PSK identity and the key. */
    public static StoredCredential psk(String endpoint, String identity, byte[] key) {
        return new StoredCredential(endpoint, Mode.PSK, identity, key);
    }

    /** RPK credentials: a name of the key, and the key's encoding (X.509 SubjectPublicKeyInfo). */
    public static StoredCredential rpk(String endpoint, String identity, byte[] encodedPublicKey) {
        return new StoredCredential(endpoint, Mode.RPK, identity, encodedPublicKey);
    }

    /** X.509 credentials: the subject CN the client's certificate must carry. */
    public static StoredCredential x509(String endpoint, String commonName) {
        return new StoredCredential(endpoint, Mode.X509, commonName, new byte[0]);
    }

    static StoredCredential of(String endpoint, Mode mode, String identity, byte[] keyMaterial) {
        return new StoredCredential(endpoint, mode, identity, keyMaterial);
    }

    public String endpoint() {
        return endpoint;
    }

    public Mode mode() {
        return mode;
    }

    public String identity() {
        return identity;
    }

    /** A copy of the key material; empty in X.509 mode. */
    public byte[] keyMaterial() {
        return keyMaterial.clone();
    }

    /** Endpoint, mode and identity, without the key: what a listing may show. */
    public CredentialSummary summary() {
        return new CredentialSummary(endpoint, mode, identity);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredCredential other && other.endpoint.equals(endpoint) && other.mode == mode
                && other.identity.equals(identity) && MessageDigest.isEqual(other.keyMaterial, keyMaterial);
    }

    @Override
    public int hashCode() {
        return Objects.hash(endpoint, mode, identity);
    }

    @Override
    public String toString() {
        return "StoredCredential[endpoint=" + endpoint + ", mode=" + mode + ", identity=" + identity + ", key=("
                + keyMaterial.length + " bytes)]";
    }
}
