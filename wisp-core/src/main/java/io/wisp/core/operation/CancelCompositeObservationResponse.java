package io.wisp.core.operation;

import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The answer to a {@link CancelCompositeObservationRequest} (Core TS §6.4): 2.05 Content with the current values by
 * path; the observation has ended on both sides.
 *
 * @param status  code, error message, content format, raw payload
 * @param content the nodes by path; empty on an error or without payload
 */
public record CancelCompositeObservationResponse(ResponseStatus status, SortedMap<LwM2mPath, LwM2mNode> content)
        implements LwM2mResponse {
    public CancelCompositeObservationResponse {
        Objects.requireNonNull(status, "status");
        content = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(content, "content")));
    }
}
