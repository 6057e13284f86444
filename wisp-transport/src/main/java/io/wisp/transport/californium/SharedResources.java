package io.wisp.transport.californium;

import io.wisp.transport.TransportConfig;
import io.wisp.transport.TransportResources;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.network.RandomTokenGenerator;
import org.eclipse.californium.core.network.TokenGenerator;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.util.ExecutorsUtil;

/**
 * {@link TransportResources} for Californium transports: a protocol thread pool and a timer handed to every endpoint
 * through {@code setExecutors}, a {@link DatagramMultiplexer} behind every plain UDP connector, and, per distinct
 * {@link TransportConfig}, one Californium configuration and one token generator (both immutable in use), so that a
 * transport's own heap is its endpoint's state only. Use {@link TransportResources#create}.
 */
public final class SharedResources implements TransportResources {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /** What transports with the same configuration can share. */
    private record Stack(Configuration configuration, TokenGenerator tokens) {
    }

    private final ProtocolExecutor protocol;
    private final ScheduledExecutorService timer;
    private final DatagramMultiplexer multiplexer;
    private final Set<CaliforniumTransport> transports = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<TransportConfig, Stack> stacks = new ConcurrentHashMap<>();
    private boolean closed;

    private SharedResources(int protocolThreads) {
        int id = INSTANCES.incrementAndGet();
        protocol = ProtocolExecutor.create(protocolThreads, "wisp-shared-" + id + "-coap#");
        timer = ExecutorsUtil.newDefaultSecondaryScheduler("wisp-shared-" + id + "-timer#");
        multiplexer = new DatagramMultiplexer("wisp-shared-" + id + "-udp");
    }

    /** Use {@link TransportResources#create(int)}. */
    public static SharedResources create(int protocolThreads) {
        if (protocolThreads < 1) {
            throw new IllegalArgumentException("protocolThreads must be at least 1, got " + protocolThreads);
        }
        return new SharedResources(protocolThreads);
    }

    /** The implementation behind the API type; only these resources exist. */
    static SharedResources of(TransportResources resources) {
        if (resources instanceof SharedResources shared) {
            return shared;
        }
        throw new IllegalArgumentException("resources must come from TransportResources.create, got " + resources);
    }

    ProtocolExecutor protocolExecutor() {
        return protocol;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    Configuration configuration(TransportConfig config) {
        return stack(config).configuration();
    }

    TokenGenerator tokens(TransportConfig config) {
        return stack(config).tokens();
    }

    private Stack stack(TransportConfig config) {
        return stacks.computeIfAbsent(config, c -> {
            Configuration configuration = StackConfiguration.of(c);
            return new Stack(configuration, new RandomTokenGenerator(configuration));
        });
    }

    /** The selector thread that reads every socket of these resources. */
    DatagramMultiplexer multiplexer() {
        return multiplexer;
    }

    /** A UDP connector served by the shared selector thread. */
    Connector udpConnector(InetSocketAddress bindAddress, TransportConfig config) {
        return new MultiplexedUdpConnector(multiplexer, protocol, bindAddress,
                StackConfiguration.datagramSize(config), config.socketBufferSize(), config.outboundQueueCapacity());
    }

    /** Notes a starting transport; false when these resources are closed. */
    synchronized boolean attach(CaliforniumTransport transport) {
        if (closed) {
            return false;
        }
        transports.add(transport);
        return true;
    }

    void detach(CaliforniumTransport transport) {
        transports.remove(transport);
    }

    @Override
    public int transports() {
        return transports.size();
    }

    @Override
    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        List<CaliforniumTransport> running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = new ArrayList<>(transports);
        }
        for (CaliforniumTransport transport : running) {
            transport.stop();
        }
        multiplexer.close();
        ExecutorsUtil.shutdownExecutorGracefully(1000, protocol, timer);
    }

    @Override
    public String toString() {
        return "shared transport resources (" + transports.size() + " transports)";
    }
}
