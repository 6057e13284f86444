package io.wisp.core.operation;

import io.wisp.core.codec.ContentFormat;
import java.util.Optional;

/**
 * Bootstrap-Pack-Request (Core TS 1.2 §6.1): a client fetches its whole configuration in one response instead of a
 * session of writes. A CoAP GET of {@code /bspack?ep={name}} (Transport TS §6.1), with Accept naming a format that
 * carries nodes at several paths: SenML CBOR, SenML JSON or LwM2M CBOR.
 *
 * @param endpoint the Endpoint Client Name ({@code ep}), never empty
 * @param format   the format asked for with Accept, or {@code null} for the Bootstrap-Server's choice
 */
public record BootstrapPackRequest(String endpoint, ContentFormat format) {
    public BootstrapPackRequest {
        BootstrapRequest.requireEndpoint(endpoint);
        NodePaths.requireFormat("format", format, NodePaths.COMPOSITE_FORMATS, "Bootstrap-Pack-Request");
    }

    public static BootstrapPackRequest of(String endpoint) {
        return new BootstrapPackRequest(endpoint, null);
    }

    /** The format asked for, if any. */
    public Optional<ContentFormat> requestedFormat() {
        return Optional.ofNullable(format);
    }
}
