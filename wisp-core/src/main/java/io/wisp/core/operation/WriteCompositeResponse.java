package io.wisp.core.operation;

import java.util.Objects;

/** The answer to a {@link WriteCompositeRequest} (Core TS §6.3.9): 2.04 Changed on success. */
public record WriteCompositeResponse(ResponseStatus status) implements LwM2mResponse {
    public WriteCompositeResponse {
        Objects.requireNonNull(status, "status");
    }
}
