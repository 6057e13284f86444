package io.wisp.core.model.validate;

import java.util.OptionalInt;

/** Reading the schema's xs:unsignedShort IDs without ever throwing. */
final class Numbers {
    static final int MAX_UNSIGNED_SHORT = 65535;

    private Numbers() {
    }

    /** The value of a run of decimal digits (leading zeros allowed) when it is at most 65535; empty otherwise. */
    static OptionalInt unsignedShort(String text) {
        if (text == null || text.isEmpty()) {
            return OptionalInt.empty();
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalInt.empty();
            }
            value = value * 10 + (c - '0');
            if (value > MAX_UNSIGNED_SHORT) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(value);
    }
}
