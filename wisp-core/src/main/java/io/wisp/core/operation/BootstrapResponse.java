package io.wisp.core.operation;

import java.util.Objects;

/**
 * The answer to a {@link BootstrapRequest} (Core TS §6.1): 2.04 Changed when the Bootstrap-Server has a configuration
 * for the client and is about to send it; 4.00 Bad Request otherwise (a missing {@code ep}, an unknown endpoint).
 */
public record BootstrapResponse(ResponseStatus status) implements LwM2mResponse {
    public BootstrapResponse {
        Objects.requireNonNull(status, "status");
    }
}
