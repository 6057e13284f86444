package io.wisp.server.registration;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers registration events to every listener; a listener that throws is logged and does not stop the others. */
public final class RegistrationEvents implements RegistrationListener {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationEvents.class);

    private final List<RegistrationListener> listeners = new CopyOnWriteArrayList<>();

    public void add(RegistrationListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void remove(RegistrationListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void registered(Registration registration, Optional<Registration> replaced) {
        fire("registered", l -> l.registered(registration, replaced));
    }

    @Override
    public void updated(UpdatedRegistration update) {
        fire("updated", l -> l.updated(update));
    }

    @Override
    public void deregistered(Registration registration) {
        fire("deregistered", l -> l.deregistered(registration));
    }

    @Override
    public void expired(Registration registration) {
        fire("expired", l -> l.expired(registration));
    }

    private void fire(String event, Consumer<RegistrationListener> call) {
        for (RegistrationListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("Registration listener {} failed on the '{}' event", l, event, e);
            }
        }
    }
}
