package io.wisp.client.observe;

import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.util.Optional;

/**
 * Reads the current value of a node on behalf of a server, so that a notification or a Send carries what that server
 * may read (Core TS 1.2 §8.2.4: no notification without Read access). The client's object tree implements it,
 * typically as {@code enabler.read(Requester.server(ssid), path)} with an {@code ObjectException} turned into empty.
 */
@FunctionalInterface
public interface NodeReader {

    /**
     * The node at {@code path} as the server with this Short Server ID may read it; empty when the node does not
     * exist or the server may not read it. Must not call back into the observation registry synchronously with a
     * result it waits for.
     */
    Optional<LwM2mNode> read(int shortServerId, LwM2mPath path);
}
