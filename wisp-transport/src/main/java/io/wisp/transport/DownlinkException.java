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
        NO_CONNECTOR,
        /**
         * A client-role DTLS connector could not establish its session (Transport TS §5.2): the server refused our
         * credentials, presented ones we do not trust, or stopped answering mid-handshake; see
         * {@link DownlinkException#handshakeFailure()}.
         */
        HANDSHAKE_FAILED
    }

    private final Reason reason;
    private final HandshakeFailures.Reason handshakeFailure;

    public DownlinkException(Reason reason, String message, Throwable cause) {
        this(reason, null, message, cause);
    }

    /** A failed DTLS handshake, with why it failed. */
    public static DownlinkException handshakeFailed(HandshakeFailures.Reason why, String message, Throwable cause) {
        return new DownlinkException(Reason.HANDSHAKE_FAILED, Objects.requireNonNull(why, "why"), message, cause);
    }

    private DownlinkException(Reason reason, HandshakeFailures.Reason handshakeFailure, String message,
            Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.handshakeFailure = handshakeFailure;
    }

    public DownlinkException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }

    /** Why the DTLS handshake failed, with {@link Reason#HANDSHAKE_FAILED}; empty otherwise. */
    public java.util.Optional<HandshakeFailures.Reason> handshakeFailure() {
        return java.util.Optional.ofNullable(handshakeFailure);
    }
}
