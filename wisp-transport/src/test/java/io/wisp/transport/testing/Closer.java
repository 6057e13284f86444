package io.wisp.transport.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a test case opened (transports, peers, relays) and must close when it ends, in the order it was opened;
 * the test's {@code @AfterEach} calls {@link #closeAll()}.
 */
public final class Closer {
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    /** Remembers {@code resource} for {@link #closeAll()} and returns it. */
    public <T extends AutoCloseable> T closeLater(T resource) {
        open.add(resource);
        return resource;
    }

    /** Closes everything remembered, oldest first; the first failure ends the test case with its exception. */
    public void closeAll() throws Exception {
        for (AutoCloseable resource : open) {
            resource.close();
        }
    }
}
