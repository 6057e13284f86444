package io.wisp.server.observation;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.operation.Observation;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.registration.Registration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One notification of an observation (Core TS §6.4: Notify), decoded in the format its Content-Format names.
 * Listeners get them in the order the client sent them: the transport drops any that arrives after a newer one.
 *
 * @param observation  the observation it belongs to
 * @param registration the client's registration when the notification arrived
 * @param format       the content format it was decoded from
 * @param content      the values by observed path: one entry for Observe, one per present path for Observe-Composite
 * @param timestamped  the values grouped by the time the client measured them, as SenML and LwM2M CBOR can say
 *                     (historical data, Core TS §7.4.5); one group without time for the other formats
 * @param receivedAt   when the server received it
 */
public record ObservationNotification(Observation observation, Registration registration, ContentFormat format,
        SortedMap<LwM2mPath, LwM2mNode> content, List<TimestampedNodes> timestamped, Instant receivedAt) {
    public ObservationNotification {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(format, "format");
        content = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(content, "content")));
        timestamped = List.copyOf(Objects.requireNonNull(timestamped, "timestamped"));
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The value of a single observation's path (absent only if the client sent nothing for it). */
    public LwM2mNode node() {
        return content.get(observation.path());
    }
}
