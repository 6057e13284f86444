package io.wisp.core.operation;

import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The answer to a {@link BootstrapPackRequest} (Core TS 1.2 §6.1): on 2.05 Content every node of the configuration
 * by path — Security, Server and Access Control instances and any other object written — for the client to apply as
 * a Bootstrap-Server session would (delete everything but the Bootstrap-Server account, then write).
 *
 * @param status code, error message, content format, raw payload
 * @param nodes  the configuration by path; empty on an error
 */
public record BootstrapPackResponse(ResponseStatus status, SortedMap<LwM2mPath, LwM2mNode> nodes)
        implements LwM2mResponse {
    public BootstrapPackResponse {
        Objects.requireNonNull(status, "status");
        nodes = Collections.unmodifiableSortedMap(new TreeMap<>(nodes));
        if (status.code().isSuccess() && nodes.isEmpty()) {
            throw new IllegalArgumentException("nodes: a successful Bootstrap-Pack carries a configuration");
        }
    }

    /** Names the paths only: the Security instances carry keys, which never go to a log. */
    @Override
    public String toString() {
        return "BootstrapPackResponse[" + status + ", " + nodes.keySet() + "]";
    }
}
