package io.wisp.core.operation;

import io.wisp.core.path.LwM2mPath;
import java.util.Objects;

/**
 * Bootstrap-Delete (Core TS §6.1): remove every object instance ({@code /}), every instance of an object
 * ({@code /o}) or one instance ({@code /o/i}) before writing a new configuration. A CoAP DELETE (Transport TS §6.1).
 * The client keeps its Bootstrap-Server account and the Device object whatever the path says.
 *
 * @param path {@code /}, {@code /o} or {@code /o/i}
 */
public record BootstrapDeleteRequest(LwM2mPath path) implements BootstrapDownlinkRequest<BootstrapDeleteResponse> {
    public BootstrapDeleteRequest {
        Objects.requireNonNull(path, "path");
        if (path.depth() > 2) {
            throw new InvalidRequestException("path: Bootstrap-Delete targets the root, an object or an object "
                    + "instance, not " + path + " (Core TS §6.1)");
        }
    }

    /** Bootstrap-Delete of everything but the Bootstrap-Server account. */
    public static BootstrapDeleteRequest all() {
        return new BootstrapDeleteRequest(LwM2mPath.ROOT);
    }

    public static BootstrapDeleteRequest of(String path) {
        return new BootstrapDeleteRequest(LwM2mPath.parse(path));
    }
}
