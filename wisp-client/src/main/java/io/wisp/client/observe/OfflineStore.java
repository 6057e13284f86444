package io.wisp.client.observe;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Notifications produced while their server cannot be reached (queue mode asleep, or the account disabled), kept
 * in production order for sending on wake-up (Core TS 1.2 Table 7.3.2-1, hqmax: "If the queue size reaches hqmax
 * and a new reading is received, the oldest reading MUST be dropped"; "The LwM2M Client SHOULD empty the queue as
 * soon it becomes aware that connectivity has been restored"). Bounded twice: per observation by its hqmax, and
 * per client by a total, dropping the oldest. Used from the registry's serial tasks only.
 */
final class OfflineStore {
    private final ArrayDeque<Notification> entries = new ArrayDeque<>(1);
    private final int limit;

    OfflineStore(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("offline limit must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    /** Keeps {@code n}, at most {@code perObservation} of its observation (negative: only the client limit). */
    void add(Notification n, long perObservation) {
        Observation o = n.observation();
        if (perObservation == 0) {
            return;
        }
        if (perObservation > 0 && o.stored >= perObservation) {
            removeOldest(o);
        }
        if (entries.size() >= limit) {
            entries.removeFirst().observation().stored--;
        }
        entries.addLast(n);
        o.stored++;
    }

    /** Takes out the notifications for this server, oldest first. */
    List<Notification> drain(int shortServerId) {
        List<Notification> out = new ArrayList<>();
        for (Iterator<Notification> it = entries.iterator(); it.hasNext(); ) {
            Notification n = it.next();
            if (n.observation().shortServerId() == shortServerId) {
                it.remove();
                n.observation().stored--;
                out.add(n);
            }
        }
        return out;
    }

    /** Forgets every notification of this observation. */
    void remove(Observation o) {
        if (o.stored > 0) {
            entries.removeIf(n -> n.observation() == o);
            o.stored = 0;
        }
    }

    int size() {
        return entries.size();
    }

    private void removeOldest(Observation o) {
        for (Iterator<Notification> it = entries.iterator(); it.hasNext(); ) {
            if (it.next().observation() == o) {
                it.remove();
                o.stored--;
                return;
            }
        }
    }
}
