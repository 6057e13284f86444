package io.wisp.core.codec.omajson;

import java.math.BigDecimal;

/**
 * One entry of the {@code e} array as read, before names are joined to the base name and values typed: its name
 * ({@code n}, or null), time ({@code t}, or null), which value field it had, that field's text (a number's text for
 * {@code v}, the string of {@code sv} and {@code ov}, "true"/"false" for {@code bv}), whether a {@code v} number was
 * written as an integer, and the byte offset where the entry starts.
 */
record RawRecord(String name, BigDecimal time, Field field, String text, boolean integral, int offset) {

    /** The value fields of OMA JSON (Core TS 1.0 §6.4.4 Table 20; 1.1 §7.4.4). */
    enum Field {
        V("v"), SV("sv"), BV("bv"), OV("ov");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        String key() {
            return key;
        }

        static Field of(String key) {
            for (Field f : values()) {
                if (f.key.equals(key)) {
                    return f;
                }
            }
            return null;
        }
    }
}
