package io.wisp.client.observe;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one registry's tasks one at a time and in order, on whichever thread submits while none is running (a value
 * change, a timer of the shared scheduler). A submitter never waits for a lock held while tasks run, so tasks may
 * read the object tree — whose enablers call back into the registry while holding their own locks — without any
 * lock-order cycle. A task that throws is logged and does not stop the others.
 */
final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final ArrayDeque<Runnable> queue = new ArrayDeque<>(1);
    private boolean running;

    @Override
    public void execute(Runnable task) {
        synchronized (queue) {
            queue.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        while (true) {
            Runnable next;
            synchronized (queue) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.warn("Observation task failed", e);
            }
        }
    }
}
