package io.wisp.transport;

import java.util.Objects;

/**
 * Why a downlink got no response. Completes the future of {@link DownlinkSender#send}; an error response from the
 * peer (4.xx, 5.xx) is not an exception but a {@link DownlinkResponse}.
 */
public final class DownlinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The ways a downlink can fail without an answer. */
    public enum Reason {
        /** No response within the caller's timeout, or the CoAP retransmissions ran out (RFC 7252 §4.2). */
        TIMEOUT,
        /** The peer answered with a Reset (RFC 7252 §4.2): it does not know the exchange. */
        REJECTED,
        /** The message could not be sent (socket error, message too large...). */
        SEND_FAILED,
        /** The request was cancelled before an answer came. */
        CANCELLED,
        /** The peer names a connector this transport does not have, or the transport is stopped. */
        NO_CONNECTOR
    }

    private final Reason reason;

    public DownlinkException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public DownlinkException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
