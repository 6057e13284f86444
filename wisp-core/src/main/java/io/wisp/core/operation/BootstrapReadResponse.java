package io.wisp.core.operation;

import io.wisp.core.node.LwM2mNode;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link BootstrapReadRequest} (Core TS §6.1): on 2.05 Content the object or instance read.
 *
 * @param status  code, error message, content format, raw payload
 * @param content the decoded node on success, {@code null} otherwise
 */
public record BootstrapReadResponse(ResponseStatus status, LwM2mNode content) implements LwM2mResponse {
    public BootstrapReadResponse {
        Objects.requireNonNull(status, "status");
        if (status.code().isSuccess() && content == null) {
            throw new IllegalArgumentException("content is required for a successful Bootstrap-Read");
        }
    }

    /** The node read, empty on an error response. */
    public Optional<LwM2mNode> node() {
        return Optional.ofNullable(content);
    }
}
