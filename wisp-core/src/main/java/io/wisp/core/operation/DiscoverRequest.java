package io.wisp.core.operation;

import io.wisp.core.path.LwM2mPath;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Discover (Core TS §6.3.2): which objects, instances and resources exist below a path, with their attached
 * attributes. A GET with Accept application/link-format (Transport TS §6.4). LwM2M 1.2 adds {@code depth}: how many
 * levels below the target to list (0 the target only, up to 3); the server refuses to send it to an older client.
 *
 * @param path  an object, object instance or resource; never the root (that is Bootstrap-Discover)
 * @param depth levels below the target, 0..3, or {@code null} for the client's default
 */
public record DiscoverRequest(LwM2mPath path, Integer depth) implements LwM2mRequest<DiscoverResponse> {
    public DiscoverRequest {
        Objects.requireNonNull(path, "path");
        if (path.isRoot()) {
            throw new InvalidRequestException("path: Discover of the root is the Bootstrap Server's (Core TS §6.3.2)");
        }
        if (depth != null && (depth < 0 || depth > 3)) {
            throw new InvalidRequestException("depth must be in 0..3, got " + depth);
        }
    }

    public static DiscoverRequest of(String path) {
        return new DiscoverRequest(LwM2mPath.parse(path), null);
    }

    /** A LwM2M 1.2 Discover with depth. */
    public static DiscoverRequest of(String path, int depth) {
        return new DiscoverRequest(LwM2mPath.parse(path), depth);
    }

    public OptionalInt requestedDepth() {
        return depth == null ? OptionalInt.empty() : OptionalInt.of(depth);
    }
}
