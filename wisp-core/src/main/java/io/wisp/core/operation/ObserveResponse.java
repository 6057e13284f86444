package io.wisp.core.operation;

import io.wisp.core.node.LwM2mNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to an {@link ObserveRequest} (Core TS §6.4): on 2.05 Content the current value, and the observation when
 * the client accepted it (a 2.05 with an Observe option); on an error code neither.
 *
 * @param status      code, error message, content format, raw payload
 * @param content     the decoded node on success, {@code null} otherwise
 * @param observation the observation now active, or {@code null} when the client did not start one
 */
public record ObserveResponse(ResponseStatus status, LwM2mNode content, Observation observation)
        implements LwM2mResponse {
    public ObserveResponse {
        Objects.requireNonNull(status, "status");
        if (status.code().isSuccess() && content == null) {
            throw new IllegalArgumentException("content is required for a successful Observe");
        }
        if (observation != null && observation.composite()) {
            throw new IllegalArgumentException("observation: an Observe starts a single observation");
        }
    }

    /** The current value, empty on an error response. */
    public Optional<LwM2mNode> node() {
        return Optional.ofNullable(content);
    }

    /** The observation, empty when the client did not start one. */
    public Optional<Observation> activeObservation() {
        return Optional.ofNullable(observation);
    }
}
