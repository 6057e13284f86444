package io.wisp.server.testing;

import io.wisp.core.operation.Observation;
import io.wisp.core.operation.SendRequest;
import io.wisp.server.observation.ObservationEnd;
import io.wisp.server.observation.ObservationListener;
import io.wisp.server.observation.ObservationNotification;
import io.wisp.server.registration.Registration;
import io.wisp.server.send.SendListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every notification, observation end and Send the server reported, in order, for assertions. */
public final class RecordingReports implements ObservationListener, SendListener {
    public final List<ObservationNotification> notifications = new CopyOnWriteArrayList<>();
    public final List<Map.Entry<Observation, ObservationEnd>> ended = new CopyOnWriteArrayList<>();
    public final List<Map.Entry<Observation, RuntimeException>> failed = new CopyOnWriteArrayList<>();
    public final List<Map.Entry<Registration, SendRequest>> sent = new CopyOnWriteArrayList<>();

    @Override
    public void notified(ObservationNotification notification) {
        notifications.add(notification);
    }

    @Override
    public void notificationFailed(Observation observation, Registration registration, RuntimeException problem) {
        failed.add(Map.entry(observation, problem));
    }

    @Override
    public void ended(Observation observation, ObservationEnd reason) {
        ended.add(Map.entry(observation, reason));
    }

    @Override
    public void dataReceived(Registration registration, SendRequest data) {
        sent.add(Map.entry(registration, data));
    }

    /** The notifications of one observation, in the order they were delivered. */
    public List<ObservationNotification> of(Observation observation) {
        return notifications.stream().filter(n -> n.observation().id().equals(observation.id())).toList();
    }

    /** The Sends of one endpoint, in order. */
    public List<SendRequest> sentBy(String endpoint) {
        return sent.stream().filter(e -> e.getKey().endpoint().equals(endpoint)).map(Map.Entry::getValue).toList();
    }

    /** The reasons the given observation ended (at most one expected). */
    public List<ObservationEnd> endsOf(Observation observation) {
        return ended.stream().filter(e -> e.getKey().id().equals(observation.id())).map(Map.Entry::getValue)
                .toList();
    }
}
