package io.wisp.core.codec;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A CoAP content format (Content-Format / Accept option number) and the name Wisp uses for it. The known LwM2M
 * formats are constants (Core TS §7.1 and Transport TS); any other number is still representable, so a client's
 * announced {@code ct=} can be kept as given.
 */
public record ContentFormat(int code, String name, String mediaType) {
    public static final ContentFormat TEXT = new ContentFormat(0, "TEXT", "text/plain;charset=utf-8");
    public static final ContentFormat LINK = new ContentFormat(40, "LINK", "application/link-format");
    public static final ContentFormat OPAQUE = new ContentFormat(42, "OPAQUE", "application/octet-stream");
    public static final ContentFormat CBOR = new ContentFormat(60, "CBOR", "application/cbor");
    public static final ContentFormat SENML_JSON = new ContentFormat(110, "SENML_JSON", "application/senml+json");
    public static final ContentFormat SENML_CBOR = new ContentFormat(112, "SENML_CBOR", "application/senml+cbor");
    public static final ContentFormat SENML_ETCH_JSON =
            new ContentFormat(320, "SENML_ETCH_JSON", "application/senml-etch+json");
    public static final ContentFormat SENML_ETCH_CBOR =
            new ContentFormat(322, "SENML_ETCH_CBOR", "application/senml-etch+cbor");
    public static final ContentFormat TLV = new ContentFormat(11542, "TLV", "application/vnd.oma.lwm2m+tlv");
    public static final ContentFormat JSON = new ContentFormat(11543, "JSON", "application/vnd.oma.lwm2m+json");
    public static final ContentFormat LWM2M_CBOR =
            new ContentFormat(11544, "LWM2M_CBOR", "application/vnd.oma.lwm2m+cbor");
    /** The pre-registration number some 1.0 clients still use for TLV. */
    public static final ContentFormat TLV_LEGACY = new ContentFormat(1542, "TLV_LEGACY", TLV.mediaType);
    /** The pre-registration number some 1.0 clients still use for OMA JSON. */
    public static final ContentFormat JSON_LEGACY = new ContentFormat(1543, "JSON_LEGACY", JSON.mediaType);

    public static final List<ContentFormat> KNOWN = List.of(TEXT, LINK, OPAQUE, CBOR, SENML_JSON, SENML_CBOR,
            SENML_ETCH_JSON, SENML_ETCH_CBOR, TLV, JSON, LWM2M_CBOR, TLV_LEGACY, JSON_LEGACY);

    private static final Map<Integer, ContentFormat> BY_CODE =
            KNOWN.stream().collect(Collectors.toUnmodifiableMap(ContentFormat::code, Function.identity()));
    private static final Map<String, ContentFormat> BY_NAME =
            KNOWN.stream().collect(Collectors.toUnmodifiableMap(ContentFormat::name, Function.identity()));

    public ContentFormat {
        if (code < 0 || code > 65535) {
            throw new IllegalArgumentException("content format must be in 0..65535, got " + code);
        }
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(mediaType, "mediaType");
    }

    /** The known format with this number, or an unnamed one ("CT_9999") for any other number. */
    public static ContentFormat of(int code) {
        ContentFormat known = BY_CODE.get(code);
        return known != null ? known : new ContentFormat(code, "CT_" + code, "");
    }

    /** A known format by its Wisp name (TLV, SENML_CBOR...), case-insensitive; throws naming the valid ones. */
    public static ContentFormat byName(String name) {
        ContentFormat f = name == null ? null : BY_NAME.get(name.strip().toUpperCase(java.util.Locale.ROOT));
        if (f == null) {
            throw new IllegalArgumentException("unknown content format '" + name + "'; known: " + BY_NAME.keySet());
        }
        return f;
    }

    public boolean isKnown() {
        return BY_CODE.containsKey(code);
    }

    @Override
    public String toString() {
        return name + "(" + code + ")";
    }
}
