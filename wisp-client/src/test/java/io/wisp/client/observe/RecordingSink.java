package io.wisp.client.observe;

import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import java.util.ArrayList;
import java.util.List;

/** Keeps what the registry sends, for assertions. */
final class RecordingSink implements NotificationSink {
    final List<Notification> sent = new ArrayList<>();
    final List<Observation> ended = new ArrayList<>();

    @Override
    public void send(Notification notification) {
        sent.add(notification);
    }

    @Override
    public void ended(Observation observation) {
        ended.add(observation);
    }

    /** The single values notified, in order (for observations of one single resource). */
    List<Long> longs() {
        List<Long> out = new ArrayList<>();
        for (Notification n : sent) {
            LwM2mNode node = n.node();
            out.add(((Value.IntegerValue) ((SingleResource) node).value()).value());
        }
        return out;
    }

    /** Each notification as {@code path=value} of its single observed resource, in order. */
    List<String> values() {
        List<String> out = new ArrayList<>();
        for (Notification n : sent) {
            out.add(n.observation().paths().get(0) + "=" + ((SingleResource) n.node()).value());
        }
        return out;
    }

    /** The times of the notifications, in seconds after {@code startMillis}. */
    List<Long> secondsAfter(long startMillis) {
        List<Long> out = new ArrayList<>();
        for (Notification n : sent) {
            out.add((n.time().toEpochMilli() - startMillis) / 1000);
        }
        return out;
    }

    void clear() {
        sent.clear();
        ended.clear();
    }
}
