package io.wisp.core.codec.tlv;

/**
 * What a TLV holds, from bits 7-6 of its type byte (Core TS §7.4.3, Table: TLV format).
 */
enum TlvType {
    /** 00: an object instance; its value is resource and multiple-resource TLVs. */
    OBJECT_INSTANCE("object instance"),
    /** 01: one instance of a multiple resource; its value is the instance's value. */
    RESOURCE_INSTANCE("resource instance"),
    /** 10: a multiple resource; its value is resource-instance TLVs. */
    MULTIPLE_RESOURCE("multiple resource"),
    /** 11: a single-instance resource; its value is the resource's value. */
    RESOURCE_VALUE("resource");

    private static final TlvType[] BY_BITS = values();

    private final String label;

    TlvType(String label) {
        this.label = label;
    }

    /** The two type bits of this kind, in place (bits 7-6). */
    int bits() {
        return ordinal() << 6;
    }

    static TlvType ofTypeByte(int typeByte) {
        return BY_BITS[(typeByte >> 6) & 3];
    }

    /** The label with its indefinite article, for messages. */
    String withArticle() {
        return (this == OBJECT_INSTANCE ? "an " : "a ") + label;
    }
}
