package io.wisp.server.observation;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.operation.OperationException;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.ResponseStatus;
import io.wisp.server.downlink.SendOptions;
import io.wisp.server.registration.Registration;
import io.wisp.transport.DownlinkException;
import io.wisp.transport.DownlinkResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * The same readings of a client's answer as the typed downlink pipeline makes (code, error message, format, raw
 * payload on request), and the same translation of transport failures into {@link OperationException}s.
 */
final class Outcomes {
    private Outcomes() {
    }

    static ResponseStatus status(DownlinkResponse response, SendOptions options) {
        ResponseCode code = ResponseCode.ofValue(response.code().value());
        ContentFormat format = response.contentFormat().isPresent()
                ? ContentFormat.of(response.contentFormat().getAsInt()) : null;
        String message = code.isError() && response.payload().length > 0 ? response.payloadAsString() : null;
        return ResponseStatus.of(code, message, format, options.keepRawPayload() ? response.payload() : null);
    }

    static OperationException failure(Throwable failure, Registration registration) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof OperationException o) {
            return o;
        }
        if (cause instanceof DownlinkException d) {
            return new OperationException(reasonOf(d.reason()), registration.endpoint() + ": " + d.getMessage(), d);
        }
        if (cause instanceof CancellationException) {
            return new OperationException(OperationException.Reason.CANCELLED,
                    registration.endpoint() + ": cancelled", cause);
        }
        return new OperationException(OperationException.Reason.SEND_FAILED,
                registration.endpoint() + ": " + cause.getMessage(), cause);
    }

    static OperationException invalidAnswer(String operation, ResponseCode code, RuntimeException problem) {
        if (problem instanceof OperationException o) {
            return o;
        }
        return new OperationException(OperationException.Reason.INVALID_RESPONSE, "the client's " + code
                + " answer to " + operation + " cannot be understood: " + problem.getMessage(), problem);
    }

    private static OperationException.Reason reasonOf(DownlinkException.Reason reason) {
        switch (reason) {
            case TIMEOUT:
                return OperationException.Reason.TIMEOUT;
            case REJECTED:
                return OperationException.Reason.REJECTED;
            case CANCELLED:
                return OperationException.Reason.CANCELLED;
            default:
                return OperationException.Reason.SEND_FAILED;
        }
    }
}
