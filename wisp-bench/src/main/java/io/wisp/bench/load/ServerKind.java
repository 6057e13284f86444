package io.wisp.bench.load;

import java.util.Locale;

/** The servers the harness compares: Wisp and its peer, the Eclipse Leshan server. */
public enum ServerKind {
    WISP("Wisp"),
    LESHAN("Leshan 2.0.0-M15");

    private final String label;

    ServerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** {@code wisp} or {@code leshan}, ignoring case. */
    public static ServerKind parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown server '" + text + "'; known: wisp, leshan", e);
        }
    }
}
