package io.wisp.client.object.firmware;

import java.util.Locale;
import java.util.Optional;

/**
 * The download protocols of Firmware Update Protocol Support {@code /5/0/8} (Core TS Appendix E.6), each with the
 * URI scheme that selects it in a Package URI: a server must not send a URI whose protocol the client does not
 * list.
 */
public enum UpdateProtocol {
    /** 0: CoAP (RFC 7252) with block-wise transfer. */
    COAP(0, "coap"),
    /** 1: CoAP over DTLS. */
    COAPS(1, "coaps"),
    /** 2: HTTP 1.1. */
    HTTP(2, "http"),
    /** 3: HTTP 1.1 over TLS. */
    HTTPS(3, "https"),
    /** 4: CoAP over TCP (RFC 8323). */
    COAP_TCP(4, "coap+tcp"),
    /** 5: CoAP over TLS (RFC 8323). */
    COAP_TLS(5, "coaps+tcp");

    private final int code;
    private final String scheme;

    UpdateProtocol(int code, String scheme) {
        this.code = code;
        this.scheme = scheme;
    }

    /** The value listed in /5/0/8. */
    public int code() {
        return code;
    }

    /** The URI scheme, lower case. */
    public String scheme() {
        return scheme;
    }

    /** The protocol a URI scheme names (case-insensitive, RFC 3986 §3.1); empty for any other scheme. */
    public static Optional<UpdateProtocol> ofScheme(String scheme) {
        if (scheme == null) {
            return Optional.empty();
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        for (UpdateProtocol p : values()) {
            if (p.scheme.equals(lower)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
