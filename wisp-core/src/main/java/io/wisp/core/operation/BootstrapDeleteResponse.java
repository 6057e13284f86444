package io.wisp.core.operation;

import java.util.Objects;

/** The answer to a {@link BootstrapDeleteRequest} (Core TS §6.1): 2.02 Deleted on success. */
public record BootstrapDeleteResponse(ResponseStatus status) implements LwM2mResponse {
    public BootstrapDeleteResponse {
        Objects.requireNonNull(status, "status");
    }
}
