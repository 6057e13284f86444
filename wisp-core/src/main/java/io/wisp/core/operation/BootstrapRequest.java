package io.wisp.core.operation;

import io.wisp.core.codec.ContentFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Bootstrap-Request (Core TS §6.1, client-initiated bootstrap): a client asks its Bootstrap-Server for a
 * configuration. A CoAP POST to {@code /bs?ep={name}[&pct={format}]} (Transport TS §6.1); the Bootstrap-Server
 * answers 2.04 and then provisions the client with Bootstrap-Writes, ending with a Bootstrap-Finish.
 *
 * @param endpoint        the Endpoint Client Name ({@code ep}), never empty
 * @param preferredFormat the format the client prefers for the writes ({@code pct}, LwM2M 1.1+), or {@code null}
 */
public record BootstrapRequest(String endpoint, ContentFormat preferredFormat) {
    public BootstrapRequest {
        requireEndpoint(endpoint);
        NodePaths.requireFormat("preferredFormat", preferredFormat, NodePaths.NODE_FORMATS, "Bootstrap-Request");
    }

    public static BootstrapRequest of(String endpoint) {
        return new BootstrapRequest(endpoint, null);
    }

    /** The {@code pct} the client sent, if any. */
    public Optional<ContentFormat> preferred() {
        return Optional.ofNullable(preferredFormat);
    }

    static void requireEndpoint(String endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.isEmpty()) {
            throw new InvalidRequestException("endpoint: the Endpoint Client Name must not be empty");
        }
    }
}
