package io.wisp.bench.load;

import java.util.Locale;

/**
 * Whether a server under test also listens for CoAP over DTLS, and with which credentials its devices authenticate
 * (Transport TS §5.2): none, PSK, or raw public keys; {@code PSK_NOCOOKIE} is PSK with both servers configured to
 * skip the cookie exchange (HelloVerifyRequest, RFC 6347 §4.2.1) for PSK handshakes.
 */
public enum Security {
    NONE, PSK, PSK_NOCOOKIE, RPK;

    /** {@code none}, {@code psk}, {@code psk-nocookie} or {@code rpk}, ignoring case. */
    public static Security parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown security mode '" + text + "'; known: none, psk, psk-nocookie, rpk", e);
        }
    }

    /** Whether a PSK handshake starts with the cookie exchange (every mode but {@link #PSK_NOCOOKIE}). */
    public boolean pskCookieExchange() {
        return this != PSK_NOCOOKIE;
    }
}
