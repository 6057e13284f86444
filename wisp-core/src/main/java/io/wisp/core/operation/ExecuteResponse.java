package io.wisp.core.operation;

import java.util.Objects;

/** The answer to an {@link ExecuteRequest} (Core TS §6.3.5): 2.04 Changed on success. */
public record ExecuteResponse(ResponseStatus status) implements LwM2mResponse {
    public ExecuteResponse {
        Objects.requireNonNull(status, "status");
    }
}
