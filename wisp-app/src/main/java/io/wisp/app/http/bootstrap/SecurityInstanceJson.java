package io.wisp.app.http.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wisp.app.http.ApiProblem;
import io.wisp.app.http.Json;
import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.CertificateUsage;
import io.wisp.bootstrap.config.Credentials;
import io.wisp.bootstrap.config.InvalidConfigException;
import io.wisp.bootstrap.config.SecurityInstance;
import io.wisp.bootstrap.config.SecurityMode;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Security instance ({@code /0/x}, Core TS Appendix E.1) in JSON: {@code serverUri}, {@code bootstrapServer},
 * {@code shortServerId}, {@code mode} ({@code NO_SEC}, {@code PSK}, {@code RPK}, {@code X509}) and its key
 * material — {@code identity} and {@code key} (hex) for PSK; {@code publicKey}, {@code privateKey} and
 * {@code serverPublicKey} for RPK; {@code certificate}, {@code privateKey} and {@code serverCertificate} for X.509 (DER
 * in PEM, base64 or hex), with an optional {@code certificateUsage} 0..3 ({@code /0/x/15}, Core TS 1.1 Appendix E.1).
 * Keys are write-only: written out, an entry shows only the PSK identity (which DTLS sends in clear), the X.509
 * certificate usage when set, and {@code "keys": "stored"}.
 */
final class SecurityInstanceJson {
    private static final HexFormat HEX = HexFormat.of();

    private SecurityInstanceJson() {
    }

    /** The entry; with {@code keys}, its key material too (else only {@code "keys": "stored"}). */
    static ObjectNode write(SecurityInstance s, boolean keys) {
        ObjectNode o = Json.object();
        BootstrapConfigJson.putNullable(o, "instanceId", s.instanceId());
        o.put("serverUri", s.serverUri());
        o.put("bootstrapServer", s.bootstrapServer());
        BootstrapConfigJson.putNullable(o, "shortServerId", s.shortServerId());
        o.put("mode", s.credentials().mode().name());
        if (s.credentials() instanceof Credentials.Psk psk) {
            o.put("identity", psk.identity());
        }
        if (s.credentials() instanceof Credentials.X509 x509) {
            x509.certificateUsage().ifPresent(u -> o.put("certificateUsage", u.code()));
        }
        o.put("keys", s.credentials().mode() == SecurityMode.NO_SEC ? "none" : "stored");
        if (keys) {
            Credentials c = s.credentials();
            switch (c.mode()) {
                case PSK:
                    o.put("key", HEX.formatHex(c.secretKey()));
                    break;
                case RPK:
                    o.put("publicKey", HEX.formatHex(c.publicKeyOrIdentity()));
                    o.put("privateKey", HEX.formatHex(c.secretKey()));
                    o.put("serverPublicKey", HEX.formatHex(c.serverPublicKey()));
                    break;
                case X509:
                    o.put("certificate", HEX.formatHex(c.publicKeyOrIdentity()));
                    o.put("privateKey", HEX.formatHex(c.secretKey()));
                    o.put("serverCertificate", HEX.formatHex(c.serverPublicKey()));
                    break;
                case NO_SEC:
                default:
                    break;
            }
        }
        BootstrapConfigJson.putNullable(o, "clientHoldOffTime", s.clientHoldOffTime());
        BootstrapConfigJson.putNullable(o, "bootstrapServerAccountTimeout", s.bootstrapServerAccountTimeout());
        return o;
    }

    /** The entry at {@code field}; keys left out are taken from {@code stored}'s entry for the same URI and mode. */
    static SecurityInstance read(JsonNode s, String field, Optional<BootstrapConfig> stored) {
        Fields.requireObject(s, field);
        String uri = Fields.text(s, "serverUri", field + ".serverUri", false);
        SecurityMode mode = mode(Fields.text(s, "mode", field + ".mode", false), field + ".mode");
        JsonNode usage = s.get("certificateUsage");
        if (mode != SecurityMode.X509 && usage != null && !usage.isNull()) {
            throw ApiProblem.badRequest(field + ".certificateUsage", "only an X509 account has a certificate usage, "
                    + "this one is " + mode);
        }
        Optional<Credentials> before = stored.flatMap(c -> c.securities().stream()
                .filter(x -> x.serverUri().equals(uri) && x.credentials().mode() == mode)
                .map(SecurityInstance::credentials).findFirst());
        Credentials credentials = credentials(s, field, mode, before);
        return new SecurityInstance(Fields.integer(s, "instanceId", field, false), uri,
                Fields.bool(s, "bootstrapServer", field + ".bootstrapServer", false),
                Fields.integer(s, "shortServerId", field, false), credentials,
                Fields.longValue(s, "clientHoldOffTime", field),
                Fields.longValue(s, "bootstrapServerAccountTimeout", field));
    }

    private static Credentials credentials(JsonNode s, String field, SecurityMode mode, Optional<Credentials> before) {
        switch (mode) {
            case PSK: {
                String identity = Fields.text(s, "identity", field + ".identity", false);
                String key = Fields.text(s, "key", field + ".key", false);
                if (key == null || key.isBlank()) {
                    Optional<Credentials.Psk> same = before.map(Credentials.Psk.class::cast)
                            .filter(p -> identity == null || identity.isBlank() || p.identity().equals(identity));
                    if (same.isEmpty()) {
                        throw ApiProblem.badRequest(field + ".key", "PSK mode needs the pre-shared key in hex (keys "
                                + "are never shown, so a new identity or account needs its key again)");
                    }
                    return same.get();
                }
                return Credentials.psk(identity, KeyText.hex(field + ".key", key));
            }
            case RPK:
                return Credentials.rpk(der(s, field, "publicKey", before, Credentials::publicKeyOrIdentity),
                        der(s, field, "privateKey", before, Credentials::secretKey),
                        der(s, field, "serverPublicKey", before, Credentials::serverPublicKey));
            case X509:
                return Credentials.x509(der(s, field, "certificate", before, Credentials::publicKeyOrIdentity),
                        der(s, field, "privateKey", before, Credentials::secretKey),
                        der(s, field, "serverCertificate", before, Credentials::serverPublicKey),
                        certificateUsage(s, field));
            case NO_SEC:
            default:
                return Credentials.noSec();
        }
    }

    /** The {@code certificateUsage} member of an X.509 account: an integer 0..3, or null when absent. */
    private static CertificateUsage certificateUsage(JsonNode s, String field) {
        JsonNode node = s.get("certificateUsage");
        if (node == null || node.isNull()) {
            return null;
        }
        String name = field + ".certificateUsage";
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ApiProblem.badRequest(name, "must be an integer 0..3 (0 CA constraint, 1 service certificate "
                    + "constraint, 2 trust anchor assertion, 3 domain-issued certificate), got " + node);
        }
        try {
            return CertificateUsage.ofCode(name, node.longValue());
        } catch (InvalidConfigException e) {
            throw ApiProblem.badRequest(name, e.reason());
        }
    }

    /** A DER member, else the stored one, else empty (which the credentials refuse, naming the member). */
    private static byte[] der(JsonNode s, String field, String name, Optional<Credentials> before,
            Function<Credentials, byte[]> stored) {
        String text = Fields.text(s, name, field + "." + name, false);
        if (text == null || text.isBlank()) {
            return before.map(stored).orElse(new byte[0]);
        }
        return KeyText.der(field + "." + name, text);
    }

    private static SecurityMode mode(String text, String field) {
        if (text == null || text.isBlank()) {
            return SecurityMode.NO_SEC;
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace(".", "").replace("-", "_");
        if (name.equals("NOSEC")) {
            return SecurityMode.NO_SEC;
        }
        for (SecurityMode m : SecurityMode.values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw ApiProblem.badRequest(field, "unknown security mode '" + text + "'; expected NO_SEC, PSK, RPK or X509");
    }
}
