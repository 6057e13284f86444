package io.wisp.server.send;

import io.wisp.core.operation.SendRequest;
import io.wisp.server.registration.Registration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers Send events to every listener; a listener that throws is logged and does not stop the others. */
public final class SendEvents implements SendListener {
    private static final Logger LOG = LoggerFactory.getLogger(SendEvents.class);

    private final List<SendListener> listeners = new CopyOnWriteArrayList<>();

    public void add(SendListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void remove(SendListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void dataReceived(Registration registration, SendRequest data) {
        for (SendListener l : listeners) {
            try {
                l.dataReceived(registration, data);
            } catch (RuntimeException e) {
                LOG.warn("Send listener {} failed", l, e);
            }
        }
    }
}
