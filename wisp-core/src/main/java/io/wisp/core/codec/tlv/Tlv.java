package io.wisp.core.codec.tlv;

/**
 * One TLV as found in the content: its kind and identifier, where its header starts and where its value lies.
 * Nested TLVs are not read until asked for, so a decoder walks the content without building a second tree.
 */
record Tlv(TlvType type, int id, int offset, int valueOffset, int length) {

    int valueEnd() {
        return valueOffset + length;
    }

    boolean isResource() {
        return type == TlvType.RESOURCE_VALUE || type == TlvType.MULTIPLE_RESOURCE;
    }
}
