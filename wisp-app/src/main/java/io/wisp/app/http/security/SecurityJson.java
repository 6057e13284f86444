package io.wisp.app.http.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wisp.app.http.ApiProblem;
import io.wisp.app.http.Json;
import io.wisp.transport.PeerIdentity;
import io.wisp.transport.security.CredentialSummary;
import io.wisp.transport.security.SecurityInfo;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The JSON of DTLS credentials (Transport TS §5.2). What the API answers is a {@link CredentialSummary}: endpoint,
 * mode and public identity, never a key. What it takes is {@code {"mode": "PSK", "identity", "key"}} (key in hex),
 * {@code {"mode": "RPK", "publicKey"}} (DER SubjectPublicKeyInfo in base64 or hex, or PEM) or
 * {@code {"mode": "X509", "commonName"}} (the endpoint name when left out). A bad member is a 400 naming it.
 */
final class SecurityJson {

    private SecurityJson() {
    }

    /** A listing line: no key material, only what a handshake shows anyway. */
    static ObjectNode summary(CredentialSummary s) {
        ObjectNode json = Json.object();
        json.put("endpoint", s.endpoint());
        json.put("mode", s.mode().name());
        json.put("identity", s.identity().name());
        return json;
    }

    /** The credentials of {@code endpoint} described by {@code body}. */
    static SecurityInfo read(String endpoint, JsonNode body) {
        if (!body.isObject()) {
            throw ApiProblem.badRequest("body", "expected a JSON object with a mode: PSK, RPK or X509");
        }
        String mode = text(body, "mode", true).toUpperCase(Locale.ROOT).replace(".", "");
        try {
            switch (mode) {
                case "PSK":
                    return SecurityInfo.psk(endpoint, text(body, "identity", true), hexKey(text(body, "key", true)));
                case "RPK":
                    return SecurityInfo.rpk(endpoint, publicKey(text(body, "publicKey", true)));
                case "X509":
                    String cn = text(body, "commonName", false);
                    return cn == null ? SecurityInfo.x509(endpoint) : SecurityInfo.x509(endpoint, cn);
                default:
                    throw ApiProblem.badRequest("mode", "unknown security mode '" + body.get("mode").asText()
                            + "'; expected PSK, RPK or X509");
            }
        } catch (ApiProblem p) {
            throw p;
        } catch (IllegalArgumentException e) {
            throw blame(e.getMessage());
        }
    }

    /** SecurityInfo's messages start with the member they blame ({@code key must have...}). */
    private static ApiProblem blame(String message) {
        String text = message == null ? "invalid credentials" : message;
        int space = text.indexOf(' ');
        String first = space > 0 ? text.substring(0, space) : "";
        String field;
        switch (first) {
            case "identity":
            case "key":
            case "publicKey":
            case "commonName":
            case "endpoint":
                field = first;
                break;
            default:
                field = "body";
        }
        return ApiProblem.badRequest(field, text);
    }

    private static String text(JsonNode body, String member, boolean required) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiProblem.badRequest(member, member + " is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw ApiProblem.badRequest(member, member + " must be a string");
        }
        return node.asText();
    }

    private static byte[] hexKey(String hex) {
        String clean = hex.strip();
        if (clean.startsWith("0x") || clean.startsWith("0X")) {
            clean = clean.substring(2);
        }
        try {
            return HexFormat.of().parseHex(clean);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("key", "the pre-shared key must be hexadecimal (an even number of 0-9, a-f), "
                    + "got " + clean.length() + " characters that are not");
        }
    }

    /** A public key as DER SubjectPublicKeyInfo: PEM, base64 or hex. */
    static PublicKey publicKey(String text) {
        String body = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        if (body.matches("(?i)[0-9a-f]+") && body.length() % 2 == 0) {
            der = HexFormat.of().parseHex(body);
        } else {
            try {
                der = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("publicKey", "expected a DER public key in PEM, base64 or hex");
            }
        }
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw ApiProblem.badRequest("publicKey", "not an EC public key (secp256r1) in DER SubjectPublicKeyInfo "
                    + "form");
        }
    }

    /** The identity the body names, for a conflict message. */
    static String describe(PeerIdentity identity) {
        return identity.kind().name() + " identity '" + identity.name() + "'";
    }
}
