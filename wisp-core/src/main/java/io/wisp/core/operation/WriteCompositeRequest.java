package io.wisp.core.operation;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Write-Composite (Core TS §6.3.9): values at several paths, possibly in several objects, written in one exchange —
 * an iPATCH whose payload is SenML JSON/CBOR (or LwM2M CBOR for 1.2, Transport TS §6.4). Like Read-Composite, sent
 * only to clients that announced a composite format.
 *
 * @param nodes  the values by path (object instances, resources or resource instances), at least one
 * @param format the payload format, or {@code null} for the server's choice
 */
public record WriteCompositeRequest(SortedMap<LwM2mPath, LwM2mNode> nodes, ContentFormat format)
        implements LwM2mRequest<WriteCompositeResponse> {
    public WriteCompositeRequest {
        Objects.requireNonNull(nodes, "nodes");
        if (nodes.isEmpty()) {
            throw new InvalidRequestException("nodes: a Write-Composite needs at least one value");
        }
        for (Map.Entry<LwM2mPath, LwM2mNode> e : nodes.entrySet()) {
            LwM2mPath path = Objects.requireNonNull(e.getKey(), "path");
            if (path.isRoot() || path.isObject()) {
                throw new InvalidRequestException("nodes: Write-Composite writes instances, resources or resource "
                        + "instances, not " + path);
            }
            NodePaths.requireFits("nodes[" + path + "]", path, Objects.requireNonNull(e.getValue(), "node"));
        }
        nodes = Collections.unmodifiableSortedMap(new TreeMap<>(nodes));
        NodePaths.requireFormat("format", format, NodePaths.COMPOSITE_FORMATS, "Write-Composite");
    }

    /** Write-Composite of these values in the server's choice of format. */
    public static WriteCompositeRequest of(Map<LwM2mPath, LwM2mNode> nodes) {
        return new WriteCompositeRequest(new TreeMap<>(nodes), null);
    }

    /** Write-Composite of these values in {@code format}. */
    public static WriteCompositeRequest of(Map<LwM2mPath, LwM2mNode> nodes, ContentFormat format) {
        return new WriteCompositeRequest(new TreeMap<>(nodes), Objects.requireNonNull(format, "format"));
    }
}
