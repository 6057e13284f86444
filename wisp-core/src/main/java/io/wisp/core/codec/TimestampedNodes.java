package io.wisp.core.codec;

import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Nodes that share one timestamp, as SenML and LwM2M CBOR carry historical data in Send and notifications
 * (Core TS §7.4.5). The timestamp is null for "now" (no time in the content).
 */
public record TimestampedNodes(Instant timestamp, SortedMap<LwM2mPath, LwM2mNode> nodes) {
    public TimestampedNodes {
        Objects.requireNonNull(nodes, "nodes");
        nodes = Collections.unmodifiableSortedMap(new TreeMap<>(nodes));
    }

    public static TimestampedNodes of(Instant timestamp, Map<LwM2mPath, LwM2mNode> nodes) {
        return new TimestampedNodes(timestamp, new TreeMap<>(nodes));
    }
}
