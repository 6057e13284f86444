package io.wisp.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A socket the transport listens on, by name: plain CoAP over UDP, or CoAP over DTLS carrying its credential lookup.
 * Handlers and downlinks do not change with the kind: they see the connector's name in {@link Peer#connector()} and,
 * on a secure connector, the peer's authenticated {@link Peer#identity()}.
 */
public sealed interface ConnectorSpec permits ConnectorSpec.Udp, ConnectorSpec.Dtls, ConnectorSpec.DtlsClient {

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

    /**
     * CoAP over DTLS 1.2 (Transport TS §5.2, RFC 7252 §9; the {@code coaps://} scheme, port 5684 for a server), in
     * the server role: clients start the handshakes.
     */
    record Dtls(String name, InetSocketAddress bindAddress, DtlsSecurity security) implements ConnectorSpec {
        public Dtls {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(bindAddress, "bindAddress");
            Objects.requireNonNull(security, "security");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
        }
    }

    /**
     * CoAP over DTLS 1.2 in the client role (Transport TS §5.2; a LwM2M client's {@code coaps://} server account):
     * this side starts the handshake with the first message it sends to a server, with its own credentials. Each
     * secured server account gets its own connector, since each may need other credentials (the Bootstrap-Server
     * and a LwM2M Server, Core TS Appendix E.1). A handshake that fails completes the downlink's future with a
     * {@link DownlinkException} of reason {@link DownlinkException.Reason#HANDSHAKE_FAILED}.
     */
    record DtlsClient(String name, InetSocketAddress bindAddress, DtlsClientSecurity security)
            implements ConnectorSpec {
        public DtlsClient {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(bindAddress, "bindAddress");
            Objects.requireNonNull(security, "security");
            if (name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank");
            }
        }
    }
}
