package io.wisp.transport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Who a peer proved to be in its DTLS handshake (Transport TS §5.2): the kind of credential and the name the
 * credential gives. The kind is part of the identity, so that a certificate whose CN happens to equal some PSK
 * identity is never mistaken for that PSK client.
 *
 * <ul>
 * <li>{@link Kind#PSK}: the PSK identity, as the client sent it (UTF-8).
 * <li>{@link Kind#RPK}: the raw public key's fingerprint as an RFC 6920 name,
 * {@code ni:///sha-256;<base64url of SHA-256 over the SubjectPublicKeyInfo>}, stable for the key whatever encoding
 * produced it. {@link #rpk(PublicKey)} computes it.
 * <li>{@link Kind#X509}: the Common Name of the certificate's subject (Transport TS §5.2: the server matches it
 * with the endpoint name).
 * </ul>
 *
 * @param kind the kind of credential
 * @param name the identity within its kind
 */
public record PeerIdentity(Kind kind, String name) {
    /** The largest PSK identity in bytes (Transport TS §5.2 asks for at least 128 bytes of identity). */
    public static final int MAX_PSK_IDENTITY_BYTES = 128;

    /** The DTLS credential kinds of LwM2M security modes 0–2 (Core TS §E.1, Security object resource 2). */
    public enum Kind {
        PSK, RPK, X509
    }

    private static final String NI_SHA256 = "ni:///sha-256;";

    public PeerIdentity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty");
        }
    }

    /** A PSK identity; at most {@value #MAX_PSK_IDENTITY_BYTES} bytes in UTF-8. */
    public static PeerIdentity psk(String identity) {
        Objects.requireNonNull(identity, "identity");
        int length = identity.getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_PSK_IDENTITY_BYTES) {
            throw new IllegalArgumentException(
                    "identity must be at most " + MAX_PSK_IDENTITY_BYTES + " bytes in UTF-8, got " + length);
        }
        return new PeerIdentity(Kind.PSK, identity);
    }

    /** The identity of a raw public key: its RFC 6920 SHA-256 name. */
    public static PeerIdentity rpk(PublicKey key) {
        Objects.requireNonNull(key, "key");
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new IllegalArgumentException("key has no encoded form: " + key.getAlgorithm());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(encoded);
            return new PeerIdentity(Kind.RPK, NI_SHA256 + Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** An X.509 identity by Common Name. */
    public static PeerIdentity x509(String commonName) {
        return new PeerIdentity(Kind.X509, commonName);
    }

    /** The identity of a certificate: the last CN of its subject; fails when the subject has none. */
    public static PeerIdentity x509(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        String cn = commonName(certificate);
        if (cn == null) {
            throw new IllegalArgumentException("certificate subject has no CN: " + certificate.getSubjectX500Principal());
        }
        return x509(cn);
    }

    /** The last CN of a certificate's subject, or {@code null} when it has none. */
    public static String commonName(X509Certificate certificate) {
        try {
            LdapName dn = new LdapName(certificate.getSubjectX500Principal().getName());
            String cn = null;
            for (Rdn rdn : dn.getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = rdn.getValue().toString();
                }
            }
            return cn == null || cn.isEmpty() ? null : cn;
        } catch (InvalidNameException e) {
            return null;
        }
    }

    /** {@code psk:client-1}, {@code rpk:ni:///sha-256;...}, {@code x509:client-1}. */
    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
    }
}
