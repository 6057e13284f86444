package io.wisp.core.operation;

import io.wisp.core.codec.ContentFormat;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The part every {@link LwM2mResponse} shares: the response code, the error message a client may put in the payload
 * of an error (RFC 7252 §5.5.2), the content format of the payload, and the raw payload when the caller asked to
 * keep it (for debugging a client, or a format Wisp does not decode).
 */
public final class ResponseStatus {
    private final ResponseCode code;
    private final String errorMessage;
    private final ContentFormat contentFormat;
    private final byte[] rawPayload;

    private ResponseStatus(ResponseCode code, String errorMessage, ContentFormat contentFormat, byte[] rawPayload) {
        this.code = Objects.requireNonNull(code, "code");
        this.errorMessage = errorMessage == null || errorMessage.isEmpty() ? null : errorMessage;
        this.contentFormat = contentFormat;
        this.rawPayload = rawPayload;
    }

    /** A status with only a code. */
    public static ResponseStatus of(ResponseCode code) {
        return new ResponseStatus(code, null, null, null);
    }

    /**
     * A status; {@code errorMessage}, {@code contentFormat} and {@code rawPayload} may be {@code null} (absent). The
     * payload array is copied.
     */
    public static ResponseStatus of(ResponseCode code, String errorMessage, ContentFormat contentFormat,
            byte[] rawPayload) {
        return new ResponseStatus(code, errorMessage, contentFormat, rawPayload == null ? null : rawPayload.clone());
    }

    public ResponseCode code() {
        return code;
    }

    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    public Optional<ContentFormat> contentFormat() {
        return Optional.ofNullable(contentFormat);
    }

    /** A copy of the raw payload, present only when the caller asked to keep it. */
    public Optional<byte[]> rawPayload() {
        return rawPayload == null ? Optional.empty() : Optional.of(rawPayload.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseStatus s && code.equals(s.code) && Objects.equals(errorMessage, s.errorMessage)
                && Objects.equals(contentFormat, s.contentFormat) && Arrays.equals(rawPayload, s.rawPayload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, errorMessage, contentFormat, Arrays.hashCode(rawPayload));
    }

    @Override
    public String toString() {
        return code + (errorMessage == null ? "" : " \"" + errorMessage + "\"")
                + (contentFormat == null ? "" : " " + contentFormat)
                + (rawPayload == null ? "" : " [" + rawPayload.length + " bytes]");
    }
}
