package io.wisp.core.operation;

import java.util.Objects;

/**
 * Why an operation got no usable answer. It completes the future of a send exceptionally; an error response from the
 * client (4.xx, 5.xx) is not one of these but a {@link LwM2mResponse} with that code.
 */
public final class OperationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The ways an operation can fail without a usable answer. */
    public enum Reason {
        /** No response within the caller's timeout, or the CoAP retransmissions ran out (RFC 7252 §4.2). */
        TIMEOUT,
        /** The client answered with a Reset: it does not know the exchange (RFC 7252 §4.2). */
        REJECTED,
        /** The request could not be sent (socket error, stopped server...). */
        SEND_FAILED,
        /** The request was cancelled before an answer came. */
        CANCELLED,
        /** No registration with that endpoint name or ID. */
        NOT_REGISTERED,
        /**
         * Not sent because the client cannot handle it: it did not announce a format the request needs (composite
         * operations without SenML or LwM2M CBOR, Core TS §6.3.8), or a feature of a newer LwM2M version.
         */
        UNSUPPORTED_BY_CLIENT,
        /** The client's answer could not be understood: a payload that does not decode, a code the operation cannot have. */
        INVALID_RESPONSE
    }

    private final Reason reason;

    public OperationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public OperationException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
