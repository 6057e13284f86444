package io.wisp.transport.californium;

import io.wisp.transport.CoapTransport;
import io.wisp.transport.ConnectorSpec;
import io.wisp.transport.DownlinkSender;
import io.wisp.transport.HandshakeFailures;
import io.wisp.transport.Observations;
import io.wisp.transport.TransportConfig;
import io.wisp.transport.UplinkHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.network.RandomTokenGenerator;
import org.eclipse.californium.core.network.TokenGenerator;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.util.ExecutorsUtil;
import org.eclipse.californium.elements.util.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CoapTransport} on Eclipse Californium: one {@link CoapEndpoint} per connector, all sharing one protocol
 * thread pool and one timer, each with its own bounded deduplicator and a {@link RoutingDeliverer} in place of a
 * resource tree. Use {@link CoapTransport#builder()} rather than this class. A transport starts once; after
 * {@link #stop()} build a new one.
 */
public final class CaliforniumTransport implements CoapTransport {
    private static final Logger LOG = LoggerFactory.getLogger(CaliforniumTransport.class);

    private final List<ConnectorSpec> specs;
    private final Map<String, UplinkHandler> routes;
    private final TransportConfig config;
    private final Configuration stackConfig;
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final Map<String, Endpoint> liveEndpoints = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final EndpointDownlinkSender downlinks;
    private final TokenGenerator tokens;
    private final ObservationTable observationTable = new ObservationTable();
    private final Observations observations;
    private final Map<String, HandshakeMonitor> handshakes = new LinkedHashMap<>();
    private ScheduledExecutorService protocolExecutor;
    private boolean started;
    private boolean stopped;

    /** Use {@link CoapTransport#builder()}. */
    public CaliforniumTransport(List<ConnectorSpec> specs, Map<String, UplinkHandler> routes, TransportConfig config) {
        this.specs = List.copyOf(specs);
        this.routes = Map.copyOf(routes);
        this.config = config;
        this.stackConfig = StackConfiguration.of(config);
        this.timer = ExecutorsUtil.newDefaultSecondaryScheduler("wisp-coap-timer#");
        this.downlinks = new EndpointDownlinkSender(liveEndpoints, timer);
        this.tokens = new RandomTokenGenerator(stackConfig);
        this.observations = new EndpointObservations(downlinks, observationTable, tokens);
        for (ConnectorSpec spec : this.specs) {
            if (spec instanceof ConnectorSpec.Dtls) {
                handshakes.put(spec.name(), new HandshakeMonitor(spec.name()));
            }
        }
    }

    @Override
    public synchronized void start() {
        if (stopped) {
            throw new IllegalStateException("a stopped transport cannot start again; build a new one");
        }
        if (started) {
            return;
        }
        protocolExecutor = ExecutorsUtil.newScheduledThreadPool(config.protocolThreads(),
                new NamedThreadFactory("wisp-coap#"));
        try {
            for (ConnectorSpec spec : specs) {
                CoapEndpoint endpoint = EndpointFactory.create(spec, stackConfig, config, tokens, observationTable,
                        handshakes.get(spec.name()));
                endpoint.setExecutors(protocolExecutor, timer);
                endpoint.addNotificationListener(observationTable.listenerFor(spec.name()));
                endpoint.setMessageDeliverer(new RoutingDeliverer(spec.name(), routes, protocolExecutor));
                endpoint.start();
                endpoints.put(spec.name(), endpoint);
                liveEndpoints.put(spec.name(), endpoint);
                LOG.info("CoAP connector '{}' listening on {}", spec.name(), endpoint.getAddress());
            }
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("cannot start the CoAP transport", e);
        }
        started = true;
    }

    @Override
    public synchronized void stop() {
        liveEndpoints.clear();
        for (Endpoint endpoint : endpoints.values()) {
            endpoint.destroy();
        }
        endpoints.clear();
        if (protocolExecutor != null) {
            ExecutorsUtil.shutdownExecutorGracefully(1000, protocolExecutor);
            protocolExecutor = null;
        }
        ExecutorsUtil.shutdownExecutorGracefully(1000, timer);
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
