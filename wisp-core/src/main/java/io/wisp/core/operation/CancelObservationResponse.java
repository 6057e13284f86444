package io.wisp.core.operation;

import io.wisp.core.node.LwM2mNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link CancelObservationRequest} (Core TS §6.4): 2.05 Content with the current value; the
 * observation has ended on both sides.
 *
 * @param status  code, error message, content format, raw payload
 * @param content the decoded node on success, {@code null} otherwise (or when the client sent no payload)
 */
public record CancelObservationResponse(ResponseStatus status, LwM2mNode content) implements LwM2mResponse {
    public CancelObservationResponse {
        Objects.requireNonNull(status, "status");
    }

    /** The current value, when the client sent one. */
    public Optional<LwM2mNode> node() {
        return Optional.ofNullable(content);
    }
}
