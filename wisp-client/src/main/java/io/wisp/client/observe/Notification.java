package io.wisp.client.observe;

import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One Notify (Core TS 1.2 §6.4.2) for the transport to send on an observation's relation.
 *
 * @param observation the observation it belongs to
 * @param time        when its values were read
 * @param content     the values by path: for an Observe the one observed path; for an Observe-Composite each listed
 *                    path that exists now (Core TS 1.2 §6.4.4; ETS int-308, int-309)
 * @param confirmable whether to send it as a CON message (con attribute, or /1/x/26)
 * @param stored      whether it was kept while the server could not be reached and is sent late (Core TS 1.2
 *                    Table 7.3.2-1, hqmax; /1/x/6): the transport may carry {@link #time} as a SenML time
 */
public record Notification(Observation observation, Instant time, SortedMap<LwM2mPath, LwM2mNode> content,
                           boolean confirmable, boolean stored) {
    public Notification {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(time, "time");
        content = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(content, "content")));
    }

    /** The value of a single-path observation (null when a composite one lacks its first path). */
    public LwM2mNode node() {
        return content.get(observation.paths().get(0));
    }

    /** This notification marked as sent late. */
    Notification asStored() {
        return stored ? this : new Notification(observation, time, content, confirmable, true);
    }
}
