package io.wisp.transport;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The observations we hold at peers (RFC 7641 from the observer's side; Transport TS §6 maps Observe and
 * Observe-Composite to GET and FETCH with {@code Observe: 0}). Notifications, CON or NON, reach the handler given to
 * {@link #observe} in order; a notification older than one already delivered is dropped (RFC 7641 §3.4).
 *
 * <p>The state kept per observation is small: the token, the peer, the request (to cancel it with the same
 * options) and the last sequence number and time, nothing of the CoAP library's.
 */
public interface Observations {

    /**
     * Sends {@code request} with {@code Observe: 0} to {@code peer} and, once the peer answers, delivers every later
     * notification to {@code handler}. The future fails like {@link DownlinkSender#send}; on failure the observation
     * is forgotten.
     */
    CompletableFuture<ObserveResult> observe(Peer peer, DownlinkRequest request, Duration timeout,
            NotificationHandler handler);

    /**
     * Proactive cancel (RFC 7641 §3.6): forgets the observation and sends the same request with {@code Observe: 1}
     * and the same token, so that the peer stops notifying and answers with the current value. The future completes
     * like {@link DownlinkSender#send}, or fails with {@code CANCELLED} at once when the token is unknown.
     */
    CompletableFuture<DownlinkResponse> cancel(ObservationToken token, Duration timeout);

    /**
     * Passive cancel (RFC 7641 §3.6): forgets the observation without telling the peer; its next notification is
     * answered with a Reset, which ends the observation there. Returns whether the token was known.
     */
    boolean forget(ObservationToken token);

    /**
     * Accepts the notifications of this observation from {@code peer} from now on, and those from its old address no
     * longer: the client moved (a NAT rebinding announced by a registration Update, Core TS §6.2.2). Returns whether
     * the token was known.
     */
    boolean rebind(ObservationToken token, Peer peer);

    /**
     * Takes up again an observation made before this process started (the server restarted, its state came from a
     * database): notifications echoing {@code token} (RFC 7641 §3.2) from {@code peer} reach {@code handler} from
     * now on, and {@link #cancel}, {@link #forget} and {@link #rebind} work on it. {@code request} is the observe
     * request as it was sent, for the cancel. The first notification after this is taken whatever its sequence
     * number. Returns false when the token is already held.
     */
    boolean restore(ObservationToken token, Peer peer, DownlinkRequest request, NotificationHandler handler);

    /** How many observations are held. */
    int size();
}
