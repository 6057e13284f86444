package io.wisp.core.operation;

import io.wisp.core.path.LwM2mPath;
import java.util.Objects;

/**
 * Bootstrap-Discover (Core TS §6.1): which objects and instances a client holds, with the Short Server ID
 * ({@code ssid}) and server URI ({@code uri}) of its Security and Server instances and, on the root link, its LwM2M
 * version ({@code lwm2m}). A GET with Accept application/link-format (Transport TS §6.1) on the root or an object.
 *
 * @param path {@code /} or {@code /o}
 */
public record BootstrapDiscoverRequest(LwM2mPath path) implements BootstrapDownlinkRequest<BootstrapDiscoverResponse> {
    public BootstrapDiscoverRequest {
        Objects.requireNonNull(path, "path");
        if (!path.isRoot() && !path.isObject()) {
            throw new InvalidRequestException("path: Bootstrap-Discover targets the root or an object, not " + path
                    + " (Core TS §6.1)");
        }
    }

    /** Bootstrap-Discover of everything the client holds. */
    public static BootstrapDiscoverRequest root() {
        return new BootstrapDiscoverRequest(LwM2mPath.ROOT);
    }

    public static BootstrapDiscoverRequest of(String path) {
        return new BootstrapDiscoverRequest(LwM2mPath.parse(path));
    }
}
