package io.wisp.transport;

import io.wisp.transport.californium.CaliforniumTransport;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The CoAP side of a LwM2M role: it listens on one or more connectors, hands each request to the
 * {@link UplinkHandler} registered for the request's first Uri-Path segment (else to the default route, else 4.04),
 * and sends {@linkplain #downlinks() downlinks}. Built with {@link #builder()}; nothing in this API exposes the CoAP
 * library. A server routes its interfaces by prefix ({@code rd}, {@code dp}, {@code bs}); a client, whose objects
 * are addressed from the root ({@code /3/0/1}, and {@code /} for Bootstrap-Discover and Bootstrap-Delete), takes
 * everything through the default route and serves observations with {@link UplinkResponse#observe}.
 */
public interface CoapTransport extends AutoCloseable {

    /** Binds every connector and starts serving; throws {@link java.io.UncheckedIOException} when a bind fails. */
    void start();

    /** Stops serving and releases the sockets and threads for good; later downlinks fail with {@code NO_CONNECTOR}. */
    void stop();

    /** Same as {@link #stop()}. */
    @Override
    void close();

    /** Sends requests to peers. */
    DownlinkSender downlinks();

    /** Observes resources at peers and receives their notifications (RFC 7641). */
    Observations observations();

    /** The address a started connector is bound to (with the real port when port 0 was asked). */
    InetSocketAddress localAddress(String connector);

    /** The names of the connectors. */
    Set<String> connectors();

    /**
     * Binds and starts one more connector on a started transport, with the transport's routes. A LwM2M client adds
     * a client-role DTLS connector when a server account with its own credentials appears (a Bootstrap-Server may
     * rewrite the Security object, Core TS §6.1), and removes it with {@link #removeConnector} when the account
     * goes. Throws {@link IllegalArgumentException} for a name in use, {@link java.io.UncheckedIOException} when
     * the bind fails.
     */
    void addConnector(ConnectorSpec spec);

    /**
     * Stops and releases one connector: its socket, DTLS sessions and served observations; later downlinks through
     * it fail with {@code NO_CONNECTOR}. False when there is no such connector.
     */
    boolean removeConnector(String name);

    /**
     * The DTLS handshakes a secure connector refused or lost so far, by reason; {@link HandshakeFailures#none()} for
     * a plain connector. Throws {@link IllegalArgumentException} for an unknown connector.
     */
    HandshakeFailures handshakeFailures(String connector);

    static Builder builder() {
        return new Builder();
    }

    /** Collects connectors, routes and configuration. */
    final class Builder {
        private final List<ConnectorSpec> connectors = new ArrayList<>();
        private final Map<String, UplinkHandler> routes = new LinkedHashMap<>();
        private TransportConfig config = TransportConfig.defaults();
        private UplinkHandler defaultRoute;
        private TransportResources resources;

        private Builder() {
        }

        /** Adds a plain CoAP/UDP connector. */
        public Builder udp(String name, InetSocketAddress bindAddress) {
            return connector(new ConnectorSpec.Udp(name, bindAddress));
        }

        /** Adds a CoAP-over-DTLS connector in the server role (see {@link ConnectorSpec.Dtls}). */
        public Builder dtls(String name, InetSocketAddress bindAddress, DtlsSecurity security) {
            return connector(new ConnectorSpec.Dtls(name, bindAddress, security));
        }

        public Builder connector(ConnectorSpec spec) {
            Objects.requireNonNull(spec, "spec");
            if (connectors.stream().anyMatch(c -> c.name().equals(spec.name()))) {
                throw new IllegalArgumentException("connector name '" + spec.name() + "' is already used");
            }
            connectors.add(spec);
            return this;
        }

        /** Routes every request whose first Uri-Path segment is {@code prefix} (e.g. {@code rd}) to the handler. */
        public Builder route(String prefix, UplinkHandler handler) {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(handler, "handler");
            if (prefix.isEmpty() || prefix.indexOf('/') >= 0) {
                throw new IllegalArgumentException("prefix must be one non-empty path segment, got '" + prefix + "'");
            }
            if (routes.putIfAbsent(prefix, handler) != null) {
                throw new IllegalArgumentException("prefix '" + prefix + "' already has a handler");
            }
            return this;
        }

        /**
         * Takes every request whose first Uri-Path segment has no {@link #route}, including requests to the root path
         * (a LwM2M client's objects, Transport TS §6.4; Bootstrap-Discover and Bootstrap-Delete on {@code /}, §6.1).
         * Without one, such requests get 4.04 Not Found.
         */
        public Builder defaultRoute(UplinkHandler handler) {
            Objects.requireNonNull(handler, "handler");
            if (defaultRoute != null) {
                throw new IllegalArgumentException("the default route already has a handler");
            }
            this.defaultRoute = handler;
            return this;
        }

        /**
         * Runs the transport on shared threads and socket plumbing instead of its own (a simulator's thousands of
         * clients); stopping the transport then leaves the resources running. {@link TransportConfig#protocolThreads()}
         * is ignored.
         */
        public Builder resources(TransportResources shared) {
            this.resources = Objects.requireNonNull(shared, "shared");
            return this;
        }

        public Builder config(TransportConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /** A transport ready to {@link CoapTransport#start()}; needs at least one connector. */
        public CoapTransport build() {
            if (connectors.isEmpty()) {
                throw new IllegalStateException("a transport needs at least one connector");
            }
            return new CaliforniumTransport(List.copyOf(connectors), Map.copyOf(routes), defaultRoute, config,
                    resources);
        }
    }
}
