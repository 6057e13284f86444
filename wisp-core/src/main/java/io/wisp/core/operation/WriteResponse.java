package io.wisp.core.operation;

import java.util.Objects;

/** The answer to a {@link WriteRequest} (Core TS §6.3.3): 2.04 Changed on success. */
public record WriteResponse(ResponseStatus status) implements LwM2mResponse {
    public WriteResponse {
        Objects.requireNonNull(status, "status");
    }
}
