package io.wisp.core.operation;

import java.util.Objects;

/** The answer to a {@link BootstrapWriteRequest} (Core TS §6.1): 2.04 Changed on success. */
public record BootstrapWriteResponse(ResponseStatus status) implements LwM2mResponse {
    public BootstrapWriteResponse {
        Objects.requireNonNull(status, "status");
    }
}
