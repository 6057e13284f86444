package io.wisp.core.codec;

import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A format that carries nodes at several paths, with timestamps (SenML JSON/CBOR, LwM2M CBOR): Read-Composite and
 * Write-Composite content, composite notifications, Send (Core TS §6.3.8, §6.4.5, §7.4.5).
 */
public interface MultiNodeCodec extends NodeCodec {

    byte[] encodeNodes(Map<LwM2mPath, LwM2mNode> nodes, ObjectModels models);

    SortedMap<LwM2mPath, LwM2mNode> decodeNodes(byte[] content, ObjectModels models);

    byte[] encodeTimestamped(List<TimestampedNodes> data, ObjectModels models);

    /** Groups by timestamp, in the order the content gives them. */
    List<TimestampedNodes> decodeTimestamped(byte[] content, ObjectModels models);
}
