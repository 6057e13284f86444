package io.wisp.core.operation;

import java.util.Objects;

/** The answer to a {@link DeleteRequest} (Core TS §6.3.7): 2.02 Deleted on success. */
public record DeleteResponse(ResponseStatus status) implements LwM2mResponse {
    public DeleteResponse {
        Objects.requireNonNull(status, "status");
    }
}
