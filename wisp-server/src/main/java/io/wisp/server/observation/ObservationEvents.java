package io.wisp.server.observation;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.operation.Observation;
import io.wisp.server.registration.Registration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers observation events to every listener; a listener that throws is logged and does not stop the others. */
public final class ObservationEvents implements ObservationListener {
    private static final Logger LOG = LoggerFactory.getLogger(ObservationEvents.class);

    private final List<ObservationListener> listeners = new CopyOnWriteArrayList<>();

    public void add(ObservationListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void remove(ObservationListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void started(Observation observation, Registration registration, ContentFormat format) {
        fire("started", l -> l.started(observation, registration, format));
    }

    @Override
    public void notified(ObservationNotification notification) {
        fire("notified", l -> l.notified(notification));
    }

    @Override
    public void notificationFailed(Observation observation, Registration registration, RuntimeException problem) {
        fire("notificationFailed", l -> l.notificationFailed(observation, registration, problem));
    }

    @Override
    public void ended(Observation observation, ObservationEnd reason) {
        fire("ended", l -> l.ended(observation, reason));
    }

    private void fire(String event, Consumer<ObservationListener> call) {
        for (ObservationListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("Observation listener {} failed on the '{}' event", l, event, e);
            }
        }
    }
}
