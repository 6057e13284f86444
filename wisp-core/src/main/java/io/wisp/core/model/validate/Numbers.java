package io.wisp.core.model.validate;

import java.util.OptionalInt;

/** Reading the schema's xs:unsignedShort IDs without ever throwing. */
final class Numbers {
    static final int MAX_UNSIGNED_SHORT = 65535;

    private Numbers() {
    }

    /** The value of 1 to 5 decimal digits when it is at most 65535; empty otherwise. */
    static OptionalInt unsignedShort(String text) {
        if (text == null || text.isEmpty() || text.length() > 5) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalInt.empty();
            }
        }
        int v = Integer.parseInt(text);
        return v <= MAX_UNSIGNED_SHORT ? OptionalInt.of(v) : OptionalInt.empty();
    }
}
