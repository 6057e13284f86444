package io.wisp.server.queue;

import io.wisp.server.registration.Registration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers presence events to every listener; one that throws is logged and does not stop the others. */
final class PresenceEvents implements PresenceListener {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceEvents.class);

    private final List<PresenceListener> listeners = new CopyOnWriteArrayList<>();

    void add(PresenceListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(PresenceListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void awake(Registration registration) {
        fire("awake", l -> l.awake(registration));
    }

    @Override
    public void sleeping(Registration registration) {
        fire("sleeping", l -> l.sleeping(registration));
    }

    private void fire(String event, Consumer<PresenceListener> call) {
        for (PresenceListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("Presence listener {} failed on the '{}' event", l, event, e);
            }
        }
    }
}
