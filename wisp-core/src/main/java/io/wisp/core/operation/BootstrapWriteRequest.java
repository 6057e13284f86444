package io.wisp.core.operation;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.util.Objects;
import java.util.Optional;

/**
 * Bootstrap-Write (Core TS §6.1): write an object, an object instance or a resource during a bootstrap session — the
 * Security (/0), Server (/1) and Access Control (/2) instances of a client's accounts, and any other object the
 * operator provisions. A CoAP PUT with a Content-Format (Transport TS §6.1). Unlike a Write (§6.3.3), it may target a
 * whole object and create instances that do not exist yet.
 *
 * @param path   {@code /o}, {@code /o/i} or {@code /o/i/r}
 * @param node   the value, addressed by {@code path}
 * @param format the format to write in, or {@code null} to let the sender choose
 */
public record BootstrapWriteRequest(LwM2mPath path, LwM2mNode node, ContentFormat format)
        implements BootstrapDownlinkRequest<BootstrapWriteResponse> {
    public BootstrapWriteRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(node, "node");
        if (path.isRoot() || path.isResourceInstance()) {
            throw new InvalidRequestException("path: Bootstrap-Write targets an object, an object instance or a "
                    + "resource, not " + path + " (Core TS §6.1)");
        }
        NodePaths.requireFits("node", path, node);
        NodePaths.requireFormat("format", format, NodePaths.NODE_FORMATS, "Bootstrap-Write");
    }

    /** Writes {@code node} at {@code path} in a format the sender chooses. */
    public static BootstrapWriteRequest of(String path, LwM2mNode node) {
        return new BootstrapWriteRequest(LwM2mPath.parse(path), node, null);
    }

    /** Writes {@code node} at {@code path} in {@code format}. */
    public static BootstrapWriteRequest of(String path, LwM2mNode node, ContentFormat format) {
        return new BootstrapWriteRequest(LwM2mPath.parse(path), node, Objects.requireNonNull(format, "format"));
    }

    /** This write in another format. */
    public BootstrapWriteRequest withFormat(ContentFormat value) {
        return new BootstrapWriteRequest(path, node, Objects.requireNonNull(value, "format"));
    }

    /** The requested format, if one was chosen. */
    public Optional<ContentFormat> requestedFormat() {
        return Optional.ofNullable(format);
    }

    /** Names the path and the node's kind only: a Security instance carries keys, which never go to a log. */
    @Override
    public String toString() {
        return "BootstrapWriteRequest[" + path + ", " + node.getClass().getSimpleName()
                + (format == null ? "" : ", " + format) + "]";
    }
}
