package io.wisp.core.operation;

import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The answer to an {@link ObserveCompositeRequest} (Core TS §6.4): on 2.05 the current values by path (paths the
 * client does not have are absent) and the observation when the client accepted it.
 *
 * @param status      code, error message, content format, raw payload
 * @param content     the nodes by path; empty on an error
 * @param observation the composite observation now active, or {@code null} when the client did not start one
 */
public record ObserveCompositeResponse(ResponseStatus status, SortedMap<LwM2mPath, LwM2mNode> content,
        Observation observation) implements LwM2mResponse {
    public ObserveCompositeResponse {
        Objects.requireNonNull(status, "status");
        content = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(content, "content")));
        if (observation != null && !observation.composite()) {
            throw new IllegalArgumentException("observation: an Observe-Composite starts a composite observation");
        }
    }

    /** The observation, empty when the client did not start one. */
    public Optional<Observation> activeObservation() {
        return Optional.ofNullable(observation);
    }
}
