package io.wisp.core.operation;

import java.util.Objects;

/** The answer to a {@link WriteAttributesRequest} (Core TS §6.3.4): 2.04 Changed on success. */
public record WriteAttributesResponse(ResponseStatus status) implements LwM2mResponse {
    public WriteAttributesResponse {
        Objects.requireNonNull(status, "status");
    }
}
