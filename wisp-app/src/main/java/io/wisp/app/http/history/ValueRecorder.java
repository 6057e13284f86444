package io.wisp.app.http.history;

import io.wisp.app.persistence.HistorySample;
import io.wisp.app.persistence.ValueHistoryStore;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.operation.SendRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.observation.ObservationListener;
import io.wisp.server.observation.ObservationNotification;
import io.wisp.server.registration.Registration;
import io.wisp.server.send.SendListener;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Records the values clients report into a {@link ValueHistoryStore}: every leaf (resource or resource instance) of
 * each notification (Core TS §6.4) and Send (§6.4.5), at the time the client gave (SenML and LwM2M CBOR can carry
 * one) or else the time it arrived.
 */
public final class ValueRecorder implements ObservationListener, SendListener {
    private final ValueHistoryStore store;
    private final Clock clock;

    public ValueRecorder(ValueHistoryStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void notified(ObservationNotification n) {
        List<HistorySample> samples = new ArrayList<>();
        for (TimestampedNodes group : n.timestamped()) {
            leaves(group, n.receivedAt(), HistorySample.Source.NOTIFICATION, samples);
        }
        store.append(n.registration().endpoint(), samples);
    }

    @Override
    public void dataReceived(Registration registration, SendRequest data) {
        Instant now = clock.instant();
        List<HistorySample> samples = new ArrayList<>();
        for (TimestampedNodes group : data.data()) {
            leaves(group, now, HistorySample.Source.SEND, samples);
        }
        store.append(registration.endpoint(), samples);
    }

    private static void leaves(TimestampedNodes group, Instant arrived, HistorySample.Source source,
            List<HistorySample> out) {
        Instant time = group.timestamp() != null ? group.timestamp() : arrived;
        group.nodes().forEach((path, node) -> leaves(path, node, time, source, out));
    }

    private static void leaves(LwM2mPath path, LwM2mNode node, Instant time, HistorySample.Source source,
            List<HistorySample> out) {
        if (node instanceof LwM2mObject o) {
            o.instances().forEach((id, i) -> leaves(path.child(id), i, time, source, out));
        } else if (node instanceof ObjectInstance i) {
            i.resources().forEach((id, r) -> leaves(path.child(id), r, time, source, out));
        } else if (node instanceof MultipleResource m) {
            m.instances().forEach((id, ri) -> out.add(new HistorySample(path.child(id), time, ri.value(), source)));
        } else if (node instanceof SingleResource s) {
            out.add(new HistorySample(path, time, s.value(), source));
        } else if (node instanceof ResourceInstance ri) {
            out.add(new HistorySample(path, time, ri.value(), source));
        }
    }
}
