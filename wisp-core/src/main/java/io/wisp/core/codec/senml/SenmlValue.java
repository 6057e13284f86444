package io.wisp.core.codec.senml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * The value of a SenML record as the wire gives it, before the object model types it (RFC 8428 §4.2): a number
 * ({@code v}), a string ({@code vs}), a boolean ({@code vb}), data ({@code vd}), an Objlnk ({@code vlo}, LwM2M), or
 * the null of a SenML-ETCH Patch record (RFC 8790 §5).
 */
sealed interface SenmlValue {

    /** The field this value travels in. */
    SenmlLabel label();

    /**
     * A number: a {@link Long}, a {@link BigInteger} beyond the long range, a {@link Double}, or a
     * {@link BigDecimal} (CBOR decimal fraction). {@code floating} is true when the wire wrote it as a float or
     * with a fraction or exponent (JSON), which decides Integer versus Float when no model types it.
     */
    record Num(Number number, boolean floating) implements SenmlValue {
        public Num {
            Objects.requireNonNull(number, "number");
            if (!(number instanceof Long || number instanceof BigInteger || number instanceof Double
                    || number instanceof BigDecimal)) {
                throw new IllegalArgumentException("number: unexpected kind " + number.getClass().getName());
            }
        }

        @Override
        public SenmlLabel label() {
            return SenmlLabel.VALUE;
        }
    }

    record Text(String text) implements SenmlValue {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public SenmlLabel label() {
            return SenmlLabel.STRING_VALUE;
        }
    }

    record Bool(boolean value) implements SenmlValue {
        @Override
        public SenmlLabel label() {
            return SenmlLabel.BOOLEAN_VALUE;
        }
    }

    /** Bytes; the array is owned by the value and never changed. */
    record Data(byte[] bytes) implements SenmlValue {
        public Data {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public SenmlLabel label() {
            return SenmlLabel.DATA_VALUE;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Data d && Arrays.equals(bytes, d.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Data[" + bytes.length + " bytes]";
        }
    }

    /** An Objlnk as written, {@code "o:i"}. */
    record Link(String text) implements SenmlValue {
        public Link {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public SenmlLabel label() {
            return SenmlLabel.OBJLNK_VALUE;
        }
    }

    /** A null value: in SenML-ETCH it asks to remove the matched records; in plain SenML it is malformed. */
    record Null(SenmlLabel label) implements SenmlValue {
        public Null {
            Objects.requireNonNull(label, "label");
        }
    }
}
