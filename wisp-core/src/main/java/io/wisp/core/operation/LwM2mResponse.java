package io.wisp.core.operation;

import io.wisp.core.codec.ContentFormat;
import java.util.Optional;

/**
 * A client's answer to a {@link LwM2mRequest}: its response code, a diagnostic message when the client sent one with
 * an error, and — when asked for — the raw payload. Error codes (4.xx, 5.xx) are ordinary responses, not exceptions:
 * a 4.04 tells the caller something true about the client. Failures without an answer are
 * {@link OperationException}s.
 */
public interface LwM2mResponse {

    /** What every response carries; the typed content lives in the implementing record. */
    ResponseStatus status();

    default ResponseCode code() {
        return status().code();
    }

    default boolean isSuccess() {
        return status().code().isSuccess();
    }

    /** The diagnostic payload of an error response (RFC 7252 §5.5.2), if the client sent one. */
    default Optional<String> errorMessage() {
        return status().errorMessage();
    }

    /** The content format of the response payload, when it had one. */
    default Optional<ContentFormat> contentFormat() {
        return status().contentFormat();
    }

    /** The payload bytes as received, when the caller asked to keep them. */
    default Optional<byte[]> rawPayload() {
        return status().rawPayload();
    }
}
