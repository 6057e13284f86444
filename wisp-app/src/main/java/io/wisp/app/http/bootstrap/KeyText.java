package io.wisp.app.http.bootstrap;

import io.wisp.app.http.ApiProblem;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Key material as a person pastes it: a pre-shared key in hex, DER keys and certificates in base64 (PEM armour
 * allowed) or hex. A value that is neither is a 400 naming the member.
 */
final class KeyText {

    private KeyText() {
    }

    /** A pre-shared key in hex ({@code 0x} allowed). */
    static byte[] hex(String field, String text) {
        String clean = text.strip();
        if (clean.startsWith("0x") || clean.startsWith("0X")) {
            clean = clean.substring(2);
        }
        try {
            return HexFormat.of().parseHex(clean);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(field, "must be hexadecimal: an even number of the digits 0-9 and a-f");
        }
    }

    /** DER bytes from PEM, base64 or hex. */
    static byte[] der(String field, String text) {
        String body = text.replaceAll("-----(BEGIN|END) [A-Z0-9 ]+-----", "").replaceAll("\\s", "");
        if (body.matches("(?i)[0-9a-f]+") && body.length() % 2 == 0) {
            return HexFormat.of().parseHex(body);
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(field, "must be DER in PEM, base64 or hex");
        }
    }
}
