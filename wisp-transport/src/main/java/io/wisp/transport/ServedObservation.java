package io.wisp.transport;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An observation a peer holds on us: RFC 7641 from the observed side, which a LwM2M client serves for Observe and
 * Observe-Composite (Transport TS §6.4: GET or FETCH with {@code Observe: 0}; the Information Reporting interface,
 * Core TS §6.4). The transport hands it over once a handler answered the registration with
 * {@link UplinkResponse#observe}; the role keeps it and calls {@link #notify} whenever its notification rules say so.
 *
 * <p>Per RFC 7641 the transport numbers the notifications of one observation with increasing 24-bit Observe values
 * (wrapping around, §4.4), sends them in the order {@code notify} was called, and lets a newer notification take the
 * place of one still waiting or being retransmitted (§4.5.2). A NON notification is sent as a CON one from time to
 * time (after 100 notifications or 24 hours) so that a vanished observer is noticed (§4.5). A notification larger
 * than the transport's maximum message size travels block-wise (RFC 7959 §2.6, Transport TS §6.4).
 *
 * <p>The observation ends, once, for one {@link EndReason}; listeners given to {@link #onEnd} then run.
 */
public interface ServedObservation {

    /** Why an observation ended. */
    enum EndReason {
        /** The observer deregistered: a GET or FETCH with {@code Observe: 1} and the same token (RFC 7641 §3.6). */
        DEREGISTERED,
        /** The observer answered a notification with a Reset (RFC 7641 §3.6, §4.5). */
        REJECTED,
        /**
         * A CON notification was never acknowledged, or could not be sent (RFC 7641 §4.5): the observer is taken as
         * gone, and every observation it holds on this connector ends.
         */
        UNREACHABLE,
        /** The observer registered again with the same token, or was answered without Observe (RFC 7641 §4.1). */
        REPLACED,
        /** We sent a final notification: one with an error code (RFC 7641 §3.2, §4.2). */
        FINAL_NOTIFICATION,
        /** {@link #cancel()} was called. */
        CANCELLED,
        /** The transport stopped. */
        STOPPED
    }

    /** What became of one notification. */
    enum Delivery {
        /** The observer acknowledged the CON notification. */
        ACKNOWLEDGED,
        /** The NON notification left the socket (nothing tells whether it arrived). */
        SENT,
        /** A newer notification took its place before it was delivered (RFC 7641 §4.5.2). */
        REPLACED
    }

    /** The observer: where the registration came from and the notifications go. */
    Peer peer();

    /**
     * Sends a notification with the current state of the observed target. A success code (2.05 Content) carries the
     * next Observe value; an error code (4.04 after a Delete, for example) carries none, is the last notification
     * (RFC 7641 §3.2) and ends the observation with {@link EndReason#FINAL_NOTIFICATION}.
     *
     * <p>The future completes with how the notification was delivered, or fails with a {@link DownlinkException}
     * when the observer is gone: {@code REJECTED} (a Reset), {@code TIMEOUT} (a CON notification's retransmissions ran
     * out), {@code SEND_FAILED}, or {@code CANCELLED} when the observation ended before it could be sent (at once when
     * it has already ended).
     *
     * @param code the response code
     * @param contentFormat the payload's content format, or {@link UplinkRequest#NO_FORMAT} for an empty payload
     * @param payload the encoded state (copied)
     * @param confirmable CON rather than NON (the LwM2M {@code con} attribute, Core TS §5.1.2)
     */
    CompletableFuture<Delivery> notify(CoapCode code, int contentFormat, byte[] payload, boolean confirmable);

    /**
     * Ends the observation here without telling the observer (its next message for this token, if any, is answered
     * as for an unknown one); pending notifications fail with {@code CANCELLED}. To tell it, send a final notification
     * with an error code instead. Does nothing once ended.
     */
    void cancel();

    /** Whether notifications can still be sent. */
    boolean isActive();

    /**
     * Runs {@code listener} with the reason once the observation ends, at once if it already has. Listeners run on
     * the thread that ended it (often a protocol thread), so they must return quickly and must not throw.
     */
    void onEnd(Consumer<EndReason> listener);
}
