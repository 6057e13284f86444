package io.wisp.server.downlink;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.operation.OperationException;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.ResponseStatus;
import io.wisp.transport.DownlinkResponse;

/** Small checks shared by the mappings when reading a client's answer. */
final class Answers {
    private Answers() {
    }

    /** Fails with INVALID_RESPONSE when a success code is not the one the operation answers with. */
    static void requireCode(ResponseStatus status, ResponseCode expected, String operation) {
        if (!status.code().equals(expected)) {
            throw new OperationException(OperationException.Reason.INVALID_RESPONSE,
                    operation + " must succeed with " + expected + ", the client answered " + status.code());
        }
    }

    /** The response's Content-Format, or {@code fallback} when the client left it out. */
    static ContentFormat formatOf(DownlinkResponse response, ContentFormat fallback) {
        return response.contentFormat().isPresent() ? ContentFormat.of(response.contentFormat().getAsInt())
                : fallback;
    }
}
