package io.wisp.core.operation;

import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The answer to a {@link ReadCompositeRequest} (Core TS §6.3.8): on 2.05 the nodes read, by path, decoded with the
 * server's models. Paths the client does not have are simply absent (ETS int-236).
 *
 * @param status  code, error message, content format, raw payload
 * @param content the node at each requested path the client had (an object per object for the root); empty on an
 *                error
 */
public record ReadCompositeResponse(ResponseStatus status, SortedMap<LwM2mPath, LwM2mNode> content)
        implements LwM2mResponse {
    public ReadCompositeResponse {
        Objects.requireNonNull(status, "status");
        content = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(content, "content")));
    }
}
