package io.wisp.client.security;

import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.transport.DtlsClientSecurity;
import io.wisp.transport.DtlsClientSecurity.CertificateUsage;
import io.wisp.transport.OwnCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The DTLS security of one server account, read from its Security instance (Core TS Appendix E.1): the Security
 * Mode (/0/x/2) picks PSK (0), RPK (1), X.509 (2) or NoSec (3); resources 3, 4 and 5 hold the credentials (see
 * {@link Credentials} for their encodings), 15 the Certificate Usage (3, domain-issued, when absent). The URI scheme
 * must agree: {@code coaps://} with modes 0–2, {@code coap://} with NoSec. In X.509 mode the URI's host, when it is a
 * name, is the server name the certificate must carry and the SNI sent. Problems throw
 * {@link IllegalStateException} naming the resource, never showing key bytes.
 */
public final class AccountSecurity {
    /** Security Mode /0/x/2 values (Core TS Appendix E.1). */
    public static final int PSK = 0;
    public static final int RPK = 1;
    public static final int CERTIFICATE = 2;
    public static final int NO_SEC = 3;

    private AccountSecurity() {
    }

    /**
     * The DTLS security of the account in {@code security} reached at {@code uri}, or empty for NoSec over
     * {@code coap://}.
     *
     * @param trustStore CA certificates the client trusts besides the account's own /0/x/4 (may be empty)
     */
    public static Optional<DtlsClientSecurity> read(ObjectInstance security, URI uri,
            List<X509Certificate> trustStore) {
        String prefix = "/0/" + security.id() + "/";
        long mode = mode(security, prefix);
        boolean secure = "coaps".equalsIgnoreCase(uri.getScheme());
        if (mode == NO_SEC) {
            if (secure) {
                throw new IllegalStateException(prefix + "2: Security Mode 3 (NoSec) with the coaps:// URI '" + uri
                        + "'; a coaps:// server needs mode 0, 1 or 2");
            }
            return Optional.empty();
        }
        if (mode < PSK || mode > NO_SEC) {
            throw new IllegalStateException(prefix + "2: Security Mode " + mode + " is not supported (0 PSK, 1 RPK, "
                    + "2 Certificate, 3 NoSec)");
        }
        if (!secure) {
            throw new IllegalStateException(prefix + "0: Security Mode " + mode + " needs a coaps:// URI, got '"
                    + uri + "'");
        }
        byte[] three = opaque(security, 3);
        byte[] four = opaque(security, 4);
        byte[] five = opaque(security, 5);
        if (mode == PSK) {
            if (three.length == 0 || five.length == 0) {
                throw new IllegalStateException(prefix + (three.length == 0 ? "3" : "5")
                        + ": empty, but PSK mode needs the identity (3) and the key (5)");
            }
            try {
                return Optional.of(DtlsClientSecurity.psk(new String(three, StandardCharsets.UTF_8), five));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(prefix + "3/5: " + e.getMessage(), e);
            }
        }
        PrivateKey privateKey = KeyCodec.privateKey(five, prefix + "5");
        if (mode == RPK) {
            PublicKey own = KeyCodec.publicKey(three, prefix + "3");
            PublicKey server = KeyCodec.publicKey(four, prefix + "4");
            return Optional.of(DtlsClientSecurity.rawPublicKey(
                    (OwnCredentials.RawPublicKey) OwnCredentials.rawPublicKey(privateKey, own), server));
        }
        X509Certificate own = KeyCodec.certificate(three, prefix + "3");
        X509Certificate server = four.length == 0 ? null : KeyCodec.certificate(four, prefix + "4");
        CertificateUsage usage = usage(security, prefix);
        try {
            return Optional.of(new DtlsClientSecurity.Certificate(
                    (OwnCredentials.Certificate) OwnCredentials.certificate(privateKey, List.of(own)), server, usage,
                    trustStore, hostName(uri)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(prefix + "4: " + e.getMessage(), e);
        }
    }

    /** The URI's host when it is a name (for SNI and the certificate check), {@code null} for an IP literal. */
    static String hostName(URI uri) {
        String host = uri.getHost();
        if (host == null || host.startsWith("[") || host.indexOf(':') >= 0
                || host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            return null;
        }
        return host;
    }

    private static long mode(ObjectInstance security, String prefix) {
        Value v = value(security, 2);
        if (v == null) {
            return NO_SEC;
        }
        if (v instanceof Value.IntegerValue i) {
            return i.value();
        }
        if (v instanceof Value.UnsignedIntegerValue u) {
            return u.bits();
        }
        throw new IllegalStateException(prefix + "2: Security Mode is not an integer");
    }

    private static CertificateUsage usage(ObjectInstance security, String prefix) {
        Value v = value(security, 15);
        long usage;
        if (v instanceof Value.UnsignedIntegerValue u) {
            usage = u.bits();
        } else if (v instanceof Value.IntegerValue i) {
            usage = i.value();
        } else {
            return CertificateUsage.DOMAIN_ISSUED_CERTIFICATE;
        }
        try {
            return CertificateUsage.ofValue(usage);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(prefix + "15: " + e.getMessage(), e);
        }
    }

    private static byte[] opaque(ObjectInstance instance, int resourceId) {
        Value v = value(instance, resourceId);
        if (v instanceof Value.OpaqueValue o) {
            return o.value();
        }
        if (v instanceof Value.StringValue s) {
            return s.value().getBytes(StandardCharsets.UTF_8);
        }
        return new byte[0];
    }

    private static Value value(ObjectInstance instance, int resourceId) {
        LwM2mResource r = instance.resource(resourceId);
        return r instanceof SingleResource s ? s.value() : null;
    }
}
