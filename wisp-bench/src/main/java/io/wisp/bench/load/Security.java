package io.wisp.bench.load;

import java.util.Locale;

/**
 * Whether a server under test also listens for CoAP over DTLS, and with which credentials its devices authenticate
 * (Transport TS §5.2): none, PSK, or raw public keys.
 */
public enum Security {
    NONE, PSK, RPK;

    /** {@code none}, {@code psk} or {@code rpk}, ignoring case. */
    public static Security parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown security mode '" + text + "'; known: none, psk, rpk", e);
        }
    }
}
