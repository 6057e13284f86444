package io.wisp.transport.californium;

import io.wisp.transport.CoapTransport;
import io.wisp.transport.ConnectorSpec;
import io.wisp.transport.DownlinkSender;
import io.wisp.transport.HandshakeFailures;
import io.wisp.transport.Observations;
import io.wisp.transport.ServedObservation.EndReason;
import io.wisp.transport.TransportConfig;
import io.wisp.transport.TransportResources;
import io.wisp.transport.UplinkHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.network.RandomTokenGenerator;
import org.eclipse.californium.core.network.TokenGenerator;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.util.ExecutorsUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CoapTransport} on Eclipse Californium: one {@link CoapEndpoint} per connector, all sharing one protocol
 * thread pool and one timer, each with its own bounded deduplicator and a {@link RoutingDeliverer} in place of a
 * resource tree. A plain UDP connector's socket, and a client-role DTLS connector's, is read by the transport's own
 * {@link DatagramMultiplexer} thread and written straight from the protocol thread that answers; a request then
 * changes threads once, from the reading thread to a protocol thread, which runs it to its response (see
 * {@link ProtocolExecutor}). On
 * {@link SharedResources} the pool, the timer and the sockets' reading thread are those of the resources, shared
 * with other transports. Use {@link CoapTransport#builder()} rather than this class. A transport
 * starts once; after {@link #stop()} build a new one.
 */
public final class CaliforniumTransport implements CoapTransport {
    private static final Logger LOG = LoggerFactory.getLogger(CaliforniumTransport.class);

    private final List<ConnectorSpec> specs;
    private final Map<String, UplinkHandler> routes;
    private final UplinkHandler defaultRoute;
    private final TransportConfig config;
    private final SharedResources shared;
    private final Configuration stackConfig;
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final Map<String, ServedRelations> served = new LinkedHashMap<>();
    private final Map<String, Endpoint> liveEndpoints = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final EndpointDownlinkSender downlinks;
    private final TokenGenerator tokens;
    private final ObservationTable observationTable = new ObservationTable();
    private final Observations observations;
    private final Map<String, HandshakeMonitor> handshakes = new ConcurrentHashMap<>();
    private ProtocolExecutor protocolExecutor;
    private DatagramMultiplexer multiplexer;
    private boolean started;
    private boolean stopped;

    /** Use {@link CoapTransport#builder()}. */
    public CaliforniumTransport(List<ConnectorSpec> specs, Map<String, UplinkHandler> routes, TransportConfig config) {
        this(specs, routes, null, config, null);
    }

    /**
     * Use {@link CoapTransport#builder()}. {@code defaultRoute} (may be null) takes requests no route matches;
     * {@code resources} (may be null) are shared threads and sockets' plumbing, else the transport has its own.
     */
    public CaliforniumTransport(List<ConnectorSpec> specs, Map<String, UplinkHandler> routes,
            UplinkHandler defaultRoute, TransportConfig config, TransportResources resources) {
        this.specs = new CopyOnWriteArrayList<>(specs);
        this.routes = Map.copyOf(routes);
        this.defaultRoute = defaultRoute;
        this.config = config;
        this.shared = resources == null ? null : SharedResources.of(resources);
        if (shared == null) {
            this.stackConfig = StackConfiguration.of(config);
            this.timer = ExecutorsUtil.newDefaultSecondaryScheduler("wisp-coap-timer#");
            this.tokens = new RandomTokenGenerator(stackConfig);
        } else {
            this.stackConfig = shared.configuration(config);
            this.timer = shared.timer();
            this.tokens = shared.tokens(config);
        }
        this.downlinks = new EndpointDownlinkSender(liveEndpoints, timer);
        this.observations = new EndpointObservations(downlinks, observationTable, tokens);
        this.specs.forEach(this::monitorHandshakes);
    }

    @Override
    public synchronized void start() {
        if (stopped) {
            throw new IllegalStateException("a stopped transport cannot start again; build a new one");
        }
        if (started) {
            return;
        }
        if (shared == null) {
            protocolExecutor = ProtocolExecutor.create(config.protocolThreads(), "wisp-coap#");
        } else if (shared.attach(this)) {
            protocolExecutor = shared.protocolExecutor();
        } else {
            stopped = true;
            throw new IllegalStateException("the shared transport resources are closed");
        }
        try {
            for (ConnectorSpec spec : specs) {
                startEndpoint(spec);
            }
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("cannot start the CoAP transport", e);
        }
        started = true;
    }

    private void monitorHandshakes(ConnectorSpec spec) {
        if (spec instanceof ConnectorSpec.Dtls || spec instanceof ConnectorSpec.DtlsClient) {
            handshakes.put(spec.name(), new HandshakeMonitor(spec.name()));
        }
    }

    private void startEndpoint(ConnectorSpec spec) throws IOException {
        CoapEndpoint endpoint = newEndpoint(spec);
        ServedRelations relations = new ServedRelations(stackConfig);
        endpoint.setExecutors(protocolExecutor, timer);
        endpoint.addNotificationListener(observationTable.listenerFor(spec.name()));
        endpoint.setMessageDeliverer(
                new RoutingDeliverer(spec.name(), routes, defaultRoute, relations, protocolExecutor.queued()));
        endpoints.put(spec.name(), endpoint);
        served.put(spec.name(), relations);
        endpoint.start();
        liveEndpoints.put(spec.name(), endpoint);
        if (shared == null) {
            LOG.info("CoAP connector '{}' listening on {}", spec.name(), endpoint.getAddress());
        } else {
            LOG.debug("CoAP connector '{}' listening on {}", spec.name(), endpoint.getAddress());
        }
    }

    @Override
    public synchronized void addConnector(ConnectorSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (!started) {
            throw new IllegalStateException("connectors can be added to a started transport only");
        }
        if (specs.stream().anyMatch(s -> s.name().equals(spec.name()))) {
            throw new IllegalArgumentException("connector name '" + spec.name() + "' is already used");
        }
        specs.add(spec);
        monitorHandshakes(spec);
        try {
            startEndpoint(spec);
        } catch (IOException e) {
            removeConnector(spec.name());
            throw new UncheckedIOException("cannot start connector '" + spec.name() + "'", e);
        }
    }

    @Override
    public synchronized boolean removeConnector(String name) {
        Objects.requireNonNull(name, "name");
        boolean known = specs.removeIf(s -> s.name().equals(name));
        liveEndpoints.remove(name);
        ServedRelations relations = served.remove(name);
        if (relations != null) {
            relations.endAll(EndReason.STOPPED);
        }
        Endpoint endpoint = endpoints.remove(name);
        if (endpoint != null) {
            endpoint.destroy();
        }
        handshakes.remove(name);
        return known;
    }

    private CoapEndpoint newEndpoint(ConnectorSpec spec) {
        if (spec instanceof ConnectorSpec.Udp udp) {
            Connector connector = shared != null ? shared.udpConnector(udp.bindAddress(), config)
                    : new MultiplexedUdpConnector(multiplexer(), protocolExecutor, udp.bindAddress(),
                            StackConfiguration.datagramSize(config), config.socketBufferSize(),
                            config.outboundQueueCapacity());
            return EndpointFactory.create(spec, connector, stackConfig, config, tokens, observationTable);
        }
        return EndpointFactory.createDtls(spec, stackConfig, config, tokens, observationTable,
                handshakes.get(spec.name()), protocolExecutor.queuedScheduler(), this::multiplexer);
    }

    /** The shared resources' datagram multiplexer, or this transport's own, started on first use. */
    private DatagramMultiplexer multiplexer() {
        if (shared != null) {
            return shared.multiplexer();
        }
        if (multiplexer == null) {
            multiplexer = new DatagramMultiplexer("wisp-coap-udp");
        }
        return multiplexer;
    }

    @Override
    public synchronized void stop() {
        liveEndpoints.clear();
        for (ServedRelations relations : served.values()) {
            relations.endAll(EndReason.STOPPED);
        }
        served.clear();
        for (Endpoint endpoint : endpoints.values()) {
            endpoint.destroy();
        }
        endpoints.clear();
        if (multiplexer != null) {
            multiplexer.close();
            multiplexer = null;
        }
        if (shared == null) {
            if (protocolExecutor != null) {
                ExecutorsUtil.shutdownExecutorGracefully(1000, protocolExecutor);
            }
            ExecutorsUtil.shutdownExecutorGracefully(1000, timer);
        } else {
            shared.detach(this);
        }
        protocolExecutor = null;
        started = false;
        stopped = true;
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public DownlinkSender downlinks() {
        return downlinks;
    }

    @Override
    public Observations observations() {
        return observations;
    }

    @Override
    public synchronized InetSocketAddress localAddress(String connector) {
        Endpoint endpoint = endpoints.get(connector);
        if (endpoint == null) {
            throw new IllegalStateException("connector '" + connector + "' is unknown or not started");
        }
        return endpoint.getAddress();
    }

    @Override
    public HandshakeFailures handshakeFailures(String connector) {
        HandshakeMonitor monitor = handshakes.get(connector);
        if (monitor != null) {
            return monitor.snapshot();
        }
        if (specs.stream().anyMatch(s -> s.name().equals(connector))) {
            return HandshakeFailures.none();
        }
        throw new IllegalArgumentException("connector '" + connector + "' is unknown");
    }

    @Override
    public Set<String> connectors() {
        Set<String> names = new LinkedHashSet<>();
        specs.forEach(s -> names.add(s.name()));
        return names;
    }
}
