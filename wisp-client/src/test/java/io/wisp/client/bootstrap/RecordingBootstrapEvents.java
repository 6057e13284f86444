package io.wisp.client.bootstrap;

import io.wisp.core.operation.ResponseCode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a client's bootstrap engine reports, for tests to wait on. */
final class RecordingBootstrapEvents implements BootstrapEvents {
    final List<String> requested = new CopyOnWriteArrayList<>();
    final List<Boolean> sessions = new CopyOnWriteArrayList<>();
    final List<String> served = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    final List<String> finished = new CopyOnWriteArrayList<>();

    @Override
    public void requested(String reason) {
        requested.add(reason);
    }

    @Override
    public void sessionStarted(boolean clientInitiated) {
        sessions.add(clientInitiated);
    }

    @Override
    public void served(String request, ResponseCode code) {
        served.add(request + " " + code);
    }

    @Override
    public void finished() {
        finished.add("finished");
    }

    @Override
    public void failed(String reason, boolean retrying) {
        failures.add(reason);
    }
}
