package io.wisp.transport;

import java.util.Objects;

/**
 * The answer to an observe request (RFC 7641 §3.1): the peer's first response, and whether it established the
 * observation — a success carrying an Observe option. When it did not (an error, or a plain response from a peer that
 * does not support observing this target), the transport has already forgotten the token.
 *
 * @param token the observation's token, used by later notifications and to cancel it
 * @param response the first response, with the current value when successful
 * @param established whether notifications will follow
 */
public record ObserveResult(ObservationToken token, DownlinkResponse response, boolean established) {
    public ObserveResult {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(response, "response");
    }
}
