package io.wisp.core.codec.senml;

import java.util.HashMap;
import java.util.Map;

/**
 * The SenML fields Wisp knows, with their JSON names and CBOR labels (RFC 8428 §5 and §6), plus
 * {@code vlo}, the Objlnk value LwM2M adds (Core TS §7.4, SenML JSON), which has no integer label and travels as the
 * text label "vlo" in CBOR too.
 */
enum SenmlLabel {
    BASE_VERSION("bver", -1),
    BASE_NAME("bn", -2),
    BASE_TIME("bt", -3),
    BASE_UNIT("bu", -4),
    BASE_VALUE("bv", -5),
    BASE_SUM("bs", -6),
    NAME("n", 0),
    UNIT("u", 1),
    VALUE("v", 2),
    STRING_VALUE("vs", 3),
    BOOLEAN_VALUE("vb", 4),
    SUM("s", 5),
    TIME("t", 6),
    UPDATE_TIME("ut", 7),
    DATA_VALUE("vd", 8),
    OBJLNK_VALUE("vlo", Integer.MIN_VALUE);

    private static final Map<String, SenmlLabel> BY_JSON_NAME = new HashMap<>();
    private static final Map<String, SenmlLabel> BY_CBOR_KEY = new HashMap<>();

    static {
        for (SenmlLabel l : values()) {
            BY_JSON_NAME.put(l.jsonName, l);
            BY_CBOR_KEY.put(l.cborKey(), l);
        }
    }

    private final String jsonName;
    private final int cborLabel;

    SenmlLabel(String jsonName, int cborLabel) {
        this.jsonName = jsonName;
        this.cborLabel = cborLabel;
    }

    String jsonName() {
        return jsonName;
    }

    /** Whether CBOR writes this field with an integer label; {@code vlo} has none. */
    boolean hasCborLabel() {
        return cborLabel != Integer.MIN_VALUE;
    }

    int cborLabel() {
        return cborLabel;
    }

    /** The map key as Jackson's CBOR parser reports it: integer labels as their decimal text. */
    private String cborKey() {
        return hasCborLabel() ? Integer.toString(cborLabel) : jsonName;
    }

    /** Whether the field holds the record's value (exactly one of these per record). */
    boolean isValue() {
        return this == VALUE || this == STRING_VALUE || this == BOOLEAN_VALUE || this == DATA_VALUE
                || this == OBJLNK_VALUE;
    }

    /** The JSON field with this name, or null. */
    static SenmlLabel ofJsonName(String name) {
        return BY_JSON_NAME.get(name);
    }

    /** The CBOR field with this key (Jackson's text form of the label), or null. */
    static SenmlLabel ofCborKey(String key) {
        return BY_CBOR_KEY.get(key);
    }
}
