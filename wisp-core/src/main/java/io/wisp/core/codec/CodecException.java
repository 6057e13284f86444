package io.wisp.core.codec;

import io.wisp.core.path.LwM2mPath;

/**
 * The one error every encoder and decoder throws. It says whether the content was {@link Kind#MALFORMED} (a server
 * answers 4.00 Bad Request) or asks for something the format or Wisp does not carry ({@link Kind#UNSUPPORTED}: 4.15
 * Unsupported Content-Format), in which format, at which byte offset (-1 when not about a byte) and at which path
 * (null when unknown).
 */
public final class CodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind { MALFORMED, UNSUPPORTED }

    private final Kind kind;
    private final transient ContentFormat format;
    private final int offset;
    private final transient LwM2mPath path;
    private final String reason;

    private CodecException(Kind kind, ContentFormat format, int offset, LwM2mPath path, String reason,
                           Throwable cause) {
        super(describe(kind, format, offset, path, reason), cause);
        this.kind = kind;
        this.format = format;
        this.offset = offset;
        this.path = path;
        this.reason = reason;
    }

    private static String describe(Kind kind, ContentFormat format, int offset, LwM2mPath path, String reason) {
        StringBuilder sb = new StringBuilder();
        sb.append(kind == Kind.MALFORMED ? "Malformed " : "Unsupported ").append(format == null ? "?" : format.name());
        if (offset >= 0) {
            sb.append(" at byte ").append(offset);
        }
        if (path != null) {
            sb.append(" (path ").append(path).append(')');
        }
        return sb.append(": ").append(reason).toString();
    }

    public static CodecException malformed(ContentFormat format, int offset, LwM2mPath path, String reason) {
        return new CodecException(Kind.MALFORMED, format, offset, path, reason, null);
    }

    public static CodecException malformed(ContentFormat format, int offset, LwM2mPath path, String reason,
                                           Throwable cause) {
        return new CodecException(Kind.MALFORMED, format, offset, path, reason, cause);
    }

    public static CodecException unsupported(ContentFormat format, LwM2mPath path, String reason) {
        return new CodecException(Kind.UNSUPPORTED, format, -1, path, reason, null);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isMalformed() {
        return kind == Kind.MALFORMED;
    }

    public ContentFormat format() {
        return format;
    }

    /** Byte offset into the content of the problem, or -1. */
    public int offset() {
        return offset;
    }

    /** The path being decoded or encoded when it happened, or null. */
    public LwM2mPath path() {
        return path;
    }

    /** The problem alone, without format, offset and path. */
    public String reason() {
        return reason;
    }
}
