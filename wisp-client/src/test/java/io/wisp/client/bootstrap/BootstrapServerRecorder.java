package io.wisp.client.bootstrap;

import io.wisp.bootstrap.session.BootstrapListener;
import io.wisp.bootstrap.session.BootstrapResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;

/** Records how the Wisp Bootstrap-Server's sessions end, in the order they end. */
final class BootstrapServerRecorder implements BootstrapListener {
    final List<BootstrapResult> ended = new CopyOnWriteArrayList<>();

    @Override
    public void finished(BootstrapResult result) {
        ended.add(result);
    }

    @Override
    public void failed(BootstrapResult result) {
        ended.add(result);
    }

    /** Waits until {@code count} sessions ended and returns them in order. */
    List<BootstrapResult> awaitEnded(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> ended.size() >= count);
        return new ArrayList<>(ended);
    }
}
