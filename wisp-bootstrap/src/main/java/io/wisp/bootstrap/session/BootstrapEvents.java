package io.wisp.bootstrap.session;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Passes every event to every registered listener; one listener's exception does not stop the others. */
public final class BootstrapEvents implements BootstrapListener {
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapEvents.class);

    private final List<BootstrapListener> listeners = new CopyOnWriteArrayList<>();

    public void add(BootstrapListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void remove(BootstrapListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void started(BootstrapSession session) {
        LOG.debug("Started {}", session);
        each(l -> l.started(session));
    }

    @Override
    public void responded(BootstrapSession session, BootstrapStep step) {
        LOG.debug("{}: {}", session, step);
        each(l -> l.responded(session, step));
    }

    @Override
    public void finished(BootstrapResult result) {
        LOG.debug("{}", result);
        each(l -> l.finished(result));
    }

    @Override
    public void failed(BootstrapResult result) {
        LOG.info("{}", result);
        each(l -> l.failed(result));
    }

    @Override
    public void refused(BootstrapRefusal refusal) {
        LOG.debug("Refused {} from {}: {} {}", refusal.operation(), refusal.peer(), refusal.code(), refusal.reason());
        each(l -> l.refused(refusal));
    }

    private void each(Consumer<BootstrapListener> event) {
        for (BootstrapListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("Bootstrap listener {} failed", l, e);
            }
        }
    }
}
