package io.wisp.transport.californium;

import io.wisp.transport.ConnectorSpec;
import io.wisp.transport.TransportConfig;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.eclipse.californium.core.coap.option.StandardOptionRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.InMemoryMessageExchangeStore;
import org.eclipse.californium.core.network.TokenGenerator;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.config.Configuration;

/**
 * Builds the Californium endpoint of a {@link ConnectorSpec}: on a {@link MultiplexedUdpConnector} made by the
 * transport, or on Scandium's DTLS connector in the server role (see {@link DtlsConnectors}) or the client role
 * ({@link DtlsClientConnectors}); the rest of the transport does not change.
 */
final class EndpointFactory {

    private EndpointFactory() {
    }

    /**
     * The endpoint of a DTLS {@code spec}, in the server or the client role; its connector runs on {@code executor},
     * and in the client role its socket is read by {@code multiplexer}.
     */
    static CoapEndpoint createDtls(ConnectorSpec spec, Configuration stackConfig, TransportConfig config,
            TokenGenerator tokens, ObservationTable observations, HandshakeMonitor handshakes,
            ScheduledExecutorService executor, Supplier<DatagramMultiplexer> multiplexer) {
        return create(spec, dtlsConnector(spec, stackConfig, config, handshakes, executor, multiplexer), stackConfig,
                config, tokens, observations);
    }

    /** The endpoint of {@code spec} on a connector made elsewhere (a UDP socket the transport reads). */
    static CoapEndpoint create(ConnectorSpec spec, Connector connector, Configuration stackConfig,
            TransportConfig config, TokenGenerator tokens, ObservationTable observations) {
        InMemoryMessageExchangeStore exchanges = new InMemoryMessageExchangeStore(spec.name(), stackConfig, tokens);
        exchanges.setDeduplicator(
                new BoundedDeduplicator(config.dedupWindow().toMillis(), config.dedupCapacity()));
        CoapEndpoint.Builder builder = new CoapEndpoint.Builder()
                .setConfiguration(stackConfig)
                .setConnector(connector)
                .setMessageExchangeStore(exchanges)
                .setTokenGenerator(tokens)
                .setObservationStore(observations)
                .setLoggingTag(spec.name())
                // the shared registry of standard options; left unset, every endpoint copies it into maps of its own
                .setOptionRegistry(StandardOptionRegistry.getDefaultOptionRegistry());
        if (spec instanceof ConnectorSpec.Dtls) {
            builder.setEndpointContextMatcher(new IdentityContextMatcher());
        }
        return builder.build();
    }

    private static Connector dtlsConnector(ConnectorSpec spec, Configuration stackConfig, TransportConfig config,
            HandshakeMonitor handshakes, ScheduledExecutorService executor,
            Supplier<DatagramMultiplexer> multiplexer) {
        if (spec instanceof ConnectorSpec.Dtls dtls) {
            return DtlsConnectors.create(dtls, stackConfig, config, handshakes, executor);
        }
        if (spec instanceof ConnectorSpec.DtlsClient client) {
            return DtlsClientConnectors.create(client, stackConfig, config, handshakes, multiplexer.get(), executor);
        }
        throw new IllegalArgumentException("unsupported connector " + spec);
    }
}
