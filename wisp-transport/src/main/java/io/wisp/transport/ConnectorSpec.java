package io.wisp.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A socket the transport listens on, by name. Plain CoAP over UDP today; DTLS (Transport TS §5.2, with Scandium)
 * will be another implementation carrying its credential lookup, without changing handlers or downlinks: they only
 * see the connector's name in {@link Peer#connector()}.
 */
public sealed interface ConnectorSpec permits ConnectorSpec.Udp {

    /** The name peers are tagged with, unique within a transport. */
    String name();

    /** The address to bind; port 0 picks a free port (see {@link CoapTransport#localAddress}). */
    InetSocketAddress bindAddress();

    /** Unsecured CoAP over UDP (Transport TS §5.1, RFC 7252; the {@code coap://} scheme). */
    record Udp(String name, InetSocketAddress bindAddress) implements ConnectorSpec {
        public Udp {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(bindAddress, "bindAddress");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
        }
    }
}
