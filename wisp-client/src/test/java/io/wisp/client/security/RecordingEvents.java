package io.wisp.client.security;

import io.wisp.client.ClientEvents;
import io.wisp.client.engine.ServerAccount;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The registration failures a client reports, as "operation: reason" lines, and its registrations. */
public final class RecordingEvents implements ClientEvents {
    public final List<String> failures = new CopyOnWriteArrayList<>();
    public final List<String> registered = new CopyOnWriteArrayList<>();

    @Override
    public void registered(ServerAccount server, String location) {
        registered.add(server.shortServerId() + " " + location);
    }

    @Override
    public void failed(ServerAccount server, String operation, String reason, boolean retrying) {
        failures.add(operation + ": " + reason);
    }
}
