package io.wisp.client.send;

import io.wisp.client.observe.NodeReader;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.operation.SendRequest;
import io.wisp.core.path.LwM2mPath;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Send of current values (Core TS 1.2 §6.4.6, {@code POST /dp}; ETS int-306, int-311): the values of some paths as
 * the server may read them now, without a timestamp ("now" for the server).
 */
public final class ImmediateSend {

    private ImmediateSend() {
    }

    /**
     * A Send of the current values of {@code paths}, read for server {@code shortServerId}; paths that do not exist or
     * may not be read are left out, and a path inside another listed one adds nothing. Empty when no value remains.
     *
     * @param format SenML JSON, SenML CBOR or LwM2M CBOR ({@link SendRequest#FORMATS})
     */
    public static Optional<SendRequest> of(NodeReader reader, int shortServerId, Collection<LwM2mPath> paths,
                                           ContentFormat format) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(format, "format");
        TreeMap<LwM2mPath, LwM2mNode> values = new TreeMap<>();
        LwM2mPath kept = null;
        for (LwM2mPath p : new TreeSet<>(Objects.requireNonNull(paths, "paths"))) {
            if (p.isRoot()) {
                throw new IllegalArgumentException("paths: a Send names objects, instances or resources, not /");
            }
            if (kept != null && p.startsWith(kept)) {
                continue;
            }
            Optional<LwM2mNode> node = reader.read(shortServerId, p);
            if (node.isPresent()) {
                values.put(p, node.get());
                kept = p;
            }
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SendRequest(format, List.of(new TimestampedNodes(null, values))));
    }
}
