package io.wisp.app.persistence;

import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.time.Instant;
import java.util.Objects;

/**
 * One value a client reported for a resource or resource instance, with its time: the time the client gave (SenML and
 * LwM2M CBOR can carry one, Core TS §7.4.5) or else the time it arrived. The value keeps its LwM2M data type
 * (Core TS Appendix C) through the store.
 *
 * @param path the resource or resource instance
 * @param time when the value was measured or received
 * @param value the typed value
 * @param source how it reached the server
 */
public record HistorySample(LwM2mPath path, Instant time, Value value, Source source) {

    /** How a value reached the server. */
    public enum Source {
        /** A notification of an observation (Core TS §6.4.2). */
        NOTIFICATION,
        /** A Send from the client (Core TS §6.4.5). */
        SEND
    }

    public HistorySample {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        if (!path.isResource() && !path.isResourceInstance()) {
            throw new IllegalArgumentException("path must name a resource or resource instance, got " + path);
        }
    }
}
