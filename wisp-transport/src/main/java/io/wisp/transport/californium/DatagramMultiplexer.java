package io.wisp.transport.californium;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread and one {@link Selector} serving the UDP sockets of many {@link MultiplexedSocket}s, plain CoAP ones
 * ({@link MultiplexedUdpConnector}) and client-role DTLS ones ({@link MultiplexedDtlsConnector}): it reads every
 * datagram that arrives and finishes the sends a full socket buffer held back. Reading a datagram costs a copy out of
 * one shared buffer; the protocol work then runs on the protocol executor, so this thread never blocks. With it, ten
 * thousand client transports need one network thread instead of twenty thousand.
 */
final class DatagramMultiplexer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatagramMultiplexer.class);
    /** Datagrams read from one socket before the others get their turn. */
    private static final int READS_PER_TURN = 32;
    /** Large enough for any UDP datagram, so a datagram over a connector's limit is seen whole and dropped. */
    private static final int BUFFER_SIZE = 65_536;

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private volatile boolean running = true;

    DatagramMultiplexer(String threadName) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts reading {@code channel} (non-blocking, bound) for {@code connector}. */
    void register(DatagramChannel channel, MultiplexedSocket connector) {
        submit(() -> {
            try {
                channel.register(selector, SelectionKey.OP_READ, connector);
            } catch (IOException e) {
                LOG.debug("Cannot watch the socket of {} (closed already?)", connector, e);
            }
        });
    }

    /** Asks to be told when {@code channel} can send again; {@link MultiplexedSocket#flush()} then runs. */
    void wantWrite(DatagramChannel channel) {
        submit(() -> {
            SelectionKey key = channel.keyFor(selector);
            if (key != null && key.isValid()) {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        });
    }

    /**
     * Stops watching {@code channel} and closes it, waiting until it is closed: a channel closed while registered
     * keeps its port until the selector deregisters it, and a stopped transport must free its port at once.
     */
    void release(DatagramChannel channel) {
        if (Thread.currentThread() == thread || !running) {
            deregisterAndClose(channel);
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        submit(() -> {
            deregisterAndClose(channel);
            done.complete(null);
        });
        try {
            done.get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("The selector did not release a socket in time", e);
        }
        closeQuietly(channel);
    }

    private void deregisterAndClose(DatagramChannel channel) {
        SelectionKey key = channel.keyFor(selector);
        if (key != null) {
            key.cancel();
            try {
                selector.selectNow();
            } catch (IOException | ClosedSelectorException e) {
                LOG.debug("Deregistering a socket failed", e);
            }
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(DatagramChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing a socket failed", e);
        }
    }

    boolean isRunning() {
        return running;
    }

    private void submit(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    private void run() {
        while (running) {
            try {
                selector.select();
                for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                    task.run();
                }
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    serve(key);
                }
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.error("Datagram selector failed; it keeps serving", e);
            }
        }
    }

    private void serve(SelectionKey key) {
        MultiplexedSocket connector = (MultiplexedSocket) key.attachment();
        try {
            if (key.isReadable()) {
                DatagramChannel channel = (DatagramChannel) key.channel();
                for (int k = 0; k < READS_PER_TURN && connector.receive(channel, buffer); k++) {
                    buffer.clear();
                }
                buffer.clear();
            }
            if (key.isValid() && key.isWritable() && connector.flush()) {
                key.interestOps(SelectionKey.OP_READ);
            }
        } catch (CancelledKeyException e) {
            LOG.trace("Socket of {} closed while served", connector);
        }
    }

    /** Stops the thread; connectors still registered must have been stopped first. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("Closing the selector failed", e);
        }
    }
}
