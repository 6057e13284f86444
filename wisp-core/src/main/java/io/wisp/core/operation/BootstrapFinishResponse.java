package io.wisp.core.operation;

import java.util.Objects;

/**
 * The answer to a {@link BootstrapFinishRequest} (Core TS §6.1): 2.04 Changed when the client accepted its new
 * configuration; 4.06 Not Acceptable when it found it inconsistent (a Server instance without Security instance, no
 * usable account...), usually with the client's reason as diagnostic payload.
 */
public record BootstrapFinishResponse(ResponseStatus status) implements LwM2mResponse {
    public BootstrapFinishResponse {
        Objects.requireNonNull(status, "status");
    }

    /** Whether the client refused its configuration as inconsistent (4.06). */
    public boolean isInconsistentConfiguration() {
        return status.code().equals(ResponseCode.NOT_ACCEPTABLE);
    }
}
