package io.wisp.core.operation;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Send (Core TS §6.4.5): data a client pushes to the server unasked, as a {@code POST /dp} in SenML JSON, SenML CBOR
 * or LwM2M CBOR (Transport TS §6.4). Unlike the other operations it goes from client to server, so it is not a
 * {@link LwM2mRequest}; the server answers 2.04 Changed. The content may hold several groups of values, each with the
 * time it was measured (historical data, Core TS §7.4.5), and the timestamps are kept as the client sent them.
 *
 * @param format the content format the data came in
 * @param data   the values, grouped by timestamp in the order the client gave them; at least one group
 */
public record SendRequest(ContentFormat format, List<TimestampedNodes> data) {
    /** The content formats a Send may use: those that carry nodes at several paths with timestamps. */
    public static final Set<ContentFormat> FORMATS =
            Set.of(ContentFormat.SENML_JSON, ContentFormat.SENML_CBOR, ContentFormat.LWM2M_CBOR);

    public SendRequest {
        Objects.requireNonNull(format, "format");
        if (!FORMATS.contains(format)) {
            throw new InvalidRequestException("format: Send uses SenML JSON, SenML CBOR or LwM2M CBOR, not "
                    + format);
        }
        data = List.copyOf(Objects.requireNonNull(data, "data"));
        if (data.isEmpty() || data.stream().allMatch(g -> g.nodes().isEmpty())) {
            throw new InvalidRequestException("data: a Send carries at least one value");
        }
    }

    /** Every path the data holds a value for, in order. */
    public Set<LwM2mPath> paths() {
        TreeMap<LwM2mPath, LwM2mNode> all = new TreeMap<>();
        data.forEach(g -> all.putAll(g.nodes()));
        return Collections.unmodifiableSet(all.navigableKeySet());
    }

    /** One value per path: where several groups hold the same path, the group that comes later in the content wins. */
    public SortedMap<LwM2mPath, LwM2mNode> latest() {
        TreeMap<LwM2mPath, LwM2mNode> out = new TreeMap<>();
        data.forEach(g -> out.putAll(g.nodes()));
        return Collections.unmodifiableSortedMap(out);
    }
}
