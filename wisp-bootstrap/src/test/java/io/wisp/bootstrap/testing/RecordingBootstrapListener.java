package io.wisp.bootstrap.testing;

import io.wisp.bootstrap.session.BootstrapListener;
import io.wisp.bootstrap.session.BootstrapRefusal;
import io.wisp.bootstrap.session.BootstrapResult;
import io.wisp.bootstrap.session.BootstrapSession;
import io.wisp.bootstrap.session.BootstrapStep;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;

/** Records every bootstrap event, in order, for tests to wait on and inspect. */
public final class RecordingBootstrapListener implements BootstrapListener {
    public final List<BootstrapSession> started = new CopyOnWriteArrayList<>();
    public final List<BootstrapStep> steps = new CopyOnWriteArrayList<>();
    public final List<BootstrapResult> finished = new CopyOnWriteArrayList<>();
    public final List<BootstrapResult> failed = new CopyOnWriteArrayList<>();
    public final List<BootstrapRefusal> refused = new CopyOnWriteArrayList<>();
    /** Every event name in order: started, responded, finished, failed, refused. */
    public final List<String> order = new CopyOnWriteArrayList<>();

    @Override
    public void started(BootstrapSession session) {
        started.add(session);
        order.add("started");
    }

    @Override
    public void responded(BootstrapSession session, BootstrapStep step) {
        steps.add(step);
        order.add("responded");
    }

    @Override
    public void finished(BootstrapResult result) {
        finished.add(result);
        order.add("finished");
    }

    @Override
    public void failed(BootstrapResult result) {
        failed.add(result);
        order.add("failed");
    }

    @Override
    public void refused(BootstrapRefusal refusal) {
        refused.add(refusal);
        order.add("refused");
    }

    /** Waits until {@code count} sessions ended (finished or failed) and returns the last one to end. */
    public BootstrapResult awaitEnded(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> finished.size() + failed.size() >= count);
        BootstrapResult last = null;
        for (BootstrapResult r : finished) {
            last = later(last, r);
        }
        for (BootstrapResult r : failed) {
            last = later(last, r);
        }
        return last;
    }

    private BootstrapResult later(BootstrapResult a, BootstrapResult b) {
        if (a == null) {
            return b;
        }
        return Long.parseLong(b.session().id(), 36) > Long.parseLong(a.session().id(), 36) ? b : a;
    }
}
