package io.wisp.transport;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One notification of an observation (RFC 7641 §4.2, Transport TS §6): the peer it came from, its code, content
 * and Observe sequence number. A notification without an Observe option or with an error code is the peer's last
 * one for this observation ({@link #isFinal()}); the transport has then already forgotten the token.
 */
public final class Notification {
    private static final byte[] EMPTY = new byte[0];
    private static final int NO_SEQUENCE = -1;

    private final ObservationToken token;
    private final Peer peer;
    private final CoapCode code;
    private final int contentFormat;
    private final byte[] payload;
    private final int sequence;
    private final boolean confirmable;

    private Notification(ObservationToken token, Peer peer, CoapCode code, int contentFormat, byte[] payload,
            int sequence, boolean confirmable) {
        this.token = Objects.requireNonNull(token, "token");
        this.peer = Objects.requireNonNull(peer, "peer");
        this.code = Objects.requireNonNull(code, "code");
        if (contentFormat < UplinkRequest.NO_FORMAT || contentFormat > 65535) {
            throw new IllegalArgumentException("contentFormat must be in 0..65535 or NO_FORMAT, got " + contentFormat);
        }
        if (sequence < NO_SEQUENCE || sequence > 0xFFFFFF) {
            throw new IllegalArgumentException("sequence must be a 24-bit value or -1, got " + sequence);
        }
        this.contentFormat = contentFormat;
        this.payload = payload == null || payload.length == 0 ? EMPTY : payload;
        this.sequence = sequence;
        this.confirmable = confirmable;
    }

    /**
     * A notification view; the payload array is taken as is and must not be changed afterwards. {@code sequence} is
     * the Observe option's value, or -1 when the notification has none.
     */
    public static Notification of(ObservationToken token, Peer peer, CoapCode code, int contentFormat,
            byte[] payload, int sequence, boolean confirmable) {
        return new Notification(token, peer, code, contentFormat, payload, sequence, confirmable);
    }

    public ObservationToken token() {
        return token;
    }

    /** Where the notification came from. */
    public Peer peer() {
        return peer;
    }

    public CoapCode code() {
        return code;
    }

    public OptionalInt contentFormat() {
        return contentFormat == UplinkRequest.NO_FORMAT ? OptionalInt.empty() : OptionalInt.of(contentFormat);
    }

    /** A copy of the payload; empty when there is none. */
    public byte[] payload() {
        return payload.length == 0 ? EMPTY : payload.clone();
    }

    /** The Observe sequence number (24 bits); empty on a final notification without one. */
    public OptionalInt sequence() {
        return sequence == NO_SEQUENCE ? OptionalInt.empty() : OptionalInt.of(sequence);
    }

    /** Whether the peer sent it confirmable (CON) rather than non-confirmable (NON); both are valid. */
    public boolean confirmable() {
        return confirmable;
    }

    /** Whether the peer ended the observation with it: an error code or no Observe option (RFC 7641 §3.2). */
    public boolean isFinal() {
        return !code.isSuccess() || sequence == NO_SEQUENCE;
    }

    @Override
    public String toString() {
        return (confirmable ? "CON " : "NON ") + code + " #" + (sequence == NO_SEQUENCE ? "-" : sequence) + " for "
                + token + " from " + peer + (payload.length == 0 ? "" : " (ct=" + contentFormat + ", "
                + payload.length + " bytes)");
    }
}
