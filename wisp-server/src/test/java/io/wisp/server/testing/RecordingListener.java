package io.wisp.server.testing;

import io.wisp.server.registration.Registration;
import io.wisp.server.registration.RegistrationListener;
import io.wisp.server.registration.UpdatedRegistration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every registration event, in order, for assertions. */
public final class RecordingListener implements RegistrationListener {
    public final List<Registration> registered = new CopyOnWriteArrayList<>();
    public final List<Optional<Registration>> replaced = new CopyOnWriteArrayList<>();
    public final List<UpdatedRegistration> updated = new CopyOnWriteArrayList<>();
    public final List<Registration> deregistered = new CopyOnWriteArrayList<>();
    public final List<Registration> expired = new CopyOnWriteArrayList<>();

    @Override
    public void registered(Registration registration, Optional<Registration> previous) {
        registered.add(registration);
        replaced.add(previous);
    }

    @Override
    public void updated(UpdatedRegistration update) {
        updated.add(update);
    }

    @Override
    public void deregistered(Registration registration) {
        deregistered.add(registration);
    }

    @Override
    public void expired(Registration registration) {
        expired.add(registration);
    }
}
