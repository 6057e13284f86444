package io.wisp.bootstrap.session;

import io.wisp.core.operation.BootstrapDownlinkRequest;
import io.wisp.core.operation.ResponseCode;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a session did not end with the client accepting its configuration, in words an operator can act on.
 *
 * @param reason  the kind of failure
 * @param message what happened, naming the request and the client's answer
 * @param request the request that failed, or {@code null} when the session failed between requests
 * @param code    the client's answer to it, or {@code null} when there was none
 */
public record BootstrapFailure(Reason reason, String message, BootstrapDownlinkRequest<?> request,
        ResponseCode code) {

    /** The ways a session fails. */
    public enum Reason {
        /** The client did not answer a request in time. */
        TIMEOUT,
        /** The client answered a request with a Reset: it does not know the exchange (RFC 7252 §4.2). */
        REJECTED,
        /** A request could not be sent (socket error, stopped server). */
        SEND_FAILED,
        /** The client answered a Bootstrap-Discover, -Read, -Write or -Delete with an error code. */
        ERROR_RESPONSE,
        /** The client refused its new configuration at Bootstrap-Finish with 4.06 (Core TS §6.1). */
        INCONSISTENT_CONFIGURATION,
        /** The client's answer could not be understood (wrong success code, payload that does not decode). */
        INVALID_RESPONSE,
        /** A new Bootstrap-Request from the same endpoint replaced this session. */
        SUPERSEDED,
        /** The session was stopped: the Bootstrap-Server stopped, or the operator cancelled it. */
        CANCELLED
    }

    public BootstrapFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** The request that failed, if the failure belongs to one. */
    public Optional<BootstrapDownlinkRequest<?>> failedRequest() {
        return Optional.ofNullable(request);
    }

    /** The client's error code, if it answered. */
    public Optional<ResponseCode> responseCode() {
        return Optional.ofNullable(code);
    }

    @Override
    public String toString() {
        return reason + ": " + message;
    }
}
