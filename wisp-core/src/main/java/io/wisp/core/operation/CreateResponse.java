package io.wisp.core.operation;

import io.wisp.core.path.LwM2mPath;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link CreateRequest} (Core TS §6.3.6): 2.01 Created, with the path of the new instance — the one
 * the server chose, or the client's choice from the Location-Path of its answer.
 *
 * @param status   code, error message, raw payload
 * @param location the new instance {@code /o/i} on success when known, otherwise {@code null}
 */
public record CreateResponse(ResponseStatus status, LwM2mPath location) implements LwM2mResponse {
    public CreateResponse {
        Objects.requireNonNull(status, "status");
        if (location != null && !location.isObjectInstance()) {
            throw new IllegalArgumentException("location must be an object instance path, got " + location);
        }
    }

    /** The new instance's path, when the Create succeeded and the path is known. */
    public Optional<LwM2mPath> instancePath() {
        return Optional.ofNullable(location);
    }
}
