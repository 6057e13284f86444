package io.wisp.client.observe;

import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** The evaluation state of an {@link Observation}, read and updated by its registry's tasks only. */
final class ObservationState {

    private ObservationState() {
    }

    /** Whether change conditions or epmax need the previous and last notified values. */
    static boolean needsReferences(Observation o) {
        if (o.attributes().epmax() > 0) {
            return true;
        }
        for (int k = 0; k < o.paths().size(); k++) {
            if (o.part(k).hasChangeConditions()) {
                return true;
            }
        }
        return false;
    }

    /** Sets the previous and last notified values to {@code content}. */
    static void references(Observation o, SortedMap<LwM2mPath, LwM2mNode> content) {
        int n = o.paths().size();
        if (o.previous == null) {
            o.previous = new LwM2mNode[n];
            o.notified = new LwM2mNode[n];
        }
        for (int k = 0; k < n; k++) {
            o.previous[k] = content.get(o.paths().get(k));
            o.notified[k] = o.previous[k];
        }
    }

    /**
     * Whether the values read satisfy the observation: for each path, its change conditions when they decide,
     * otherwise a reported change or a difference from the last notified value; updates the previous values.
     */
    static boolean conditionMet(Observation o, SortedMap<LwM2mPath, LwM2mNode> content) {
        boolean met = false;
        for (int k = 0; k < o.paths().size(); k++) {
            LwM2mNode current = content.get(o.paths().get(k));
            boolean part;
            if (o.previous != null && ChangeConditions.decides(o.part(k), current != null ? current : o.previous[k])) {
                part = ChangeConditions.met(o.part(k), o.previous[k], o.notified[k], current);
            } else {
                part = (o.changed & Observation.bit(k)) != 0
                        || o.notified != null && !Objects.equals(o.notified[k], current);
            }
            if (o.previous != null) {
                o.previous[k] = current;
            }
            met |= part;
        }
        return met;
    }

    /**
     * What of a notification is kept while offline: when hqmax is attached to any part, only the parts with
     * hqmax &gt; 0 ("only the data of ... with hqmax&gt;0 will be included"); null when nothing is left.
     */
    static Notification historical(Notification n) {
        Observation o = n.observation();
        if (!o.isComposite() || o.attributes().hqmax() < 0) {
            return n;
        }
        TreeMap<LwM2mPath, LwM2mNode> kept = new TreeMap<>();
        for (int k = 0; k < o.paths().size(); k++) {
            LwM2mNode v = n.content().get(o.paths().get(k));
            if (v != null && o.part(k).hqmax() > 0) {
                kept.put(o.paths().get(k), v);
            }
        }
        return kept.isEmpty() ? null : new Notification(o, n.time(), kept, n.confirmable(), false);
    }

    /** When the next timer is due: a pmin hold, pmax, or a deferred (epmin) or forced (epmax) evaluation. */
    static long nextDue(Observation o) {
        EffectiveAttributes a = o.attributes();
        long due = NotificationRule.pmaxDeadline(a, o.lastNotifiedAt);
        if (o.is(Observation.PENDING)) {
            due = Math.min(due, o.lastNotifiedAt + a.pmin() * 1000);
        }
        if (o.is(Observation.EVALUATION_DUE)) {
            due = Math.min(due, o.lastEvaluatedAt + a.epmin() * 1000);
        }
        if (a.epmax() > 0) {
            due = Math.min(due, o.lastEvaluatedAt + a.epmax() * 1000);
        }
        return due;
    }
}
