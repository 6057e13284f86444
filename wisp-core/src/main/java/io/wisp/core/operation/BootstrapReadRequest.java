package io.wisp.core.operation;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.path.LwM2mPath;
import java.util.Objects;
import java.util.Optional;

/**
 * Bootstrap-Read (Core TS §6.1, LwM2M 1.1+): read the Server or Access Control object, or one of their instances, so
 * a Bootstrap-Server can add accounts without breaking those already in place. A GET with Accept (Transport TS
 * §6.1). Any other object, the Security object in particular, is refused here.
 *
 * @param path   {@code /1}, {@code /1/i}, {@code /2} or {@code /2/i}
 * @param format the format to ask for, or {@code null} to let the sender choose
 */
public record BootstrapReadRequest(LwM2mPath path, ContentFormat format)
        implements BootstrapDownlinkRequest<BootstrapReadResponse> {
    public BootstrapReadRequest {
        Objects.requireNonNull(path, "path");
        if (!(path.isObject() || path.isObjectInstance()) || (path.objectId() != 1 && path.objectId() != 2)) {
            throw new InvalidRequestException("path: Bootstrap-Read targets the Server (/1) or Access Control (/2) "
                    + "object or one of their instances, not " + path + " (Core TS §6.1)");
        }
        NodePaths.requireFormat("format", format, NodePaths.NODE_FORMATS, "Bootstrap-Read");
    }

    public static BootstrapReadRequest of(String path) {
        return new BootstrapReadRequest(LwM2mPath.parse(path), null);
    }

    public static BootstrapReadRequest of(String path, ContentFormat format) {
        return new BootstrapReadRequest(LwM2mPath.parse(path), Objects.requireNonNull(format, "format"));
    }

    /** The requested format, if one was chosen. */
    public Optional<ContentFormat> requestedFormat() {
        return Optional.ofNullable(format);
    }
}
