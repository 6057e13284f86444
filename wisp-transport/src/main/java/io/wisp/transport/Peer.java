package io.wisp.transport;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Who sent an uplink, and where a downlink goes: the named connector it came through (so that a downlink leaves from
 * the same socket that received the Register — clients behind NAT only accept that), the peer's address, and its
 * authenticated identity when the connector is secure (a DTLS PSK identity, raw public key or certificate name; none
 * on plain CoAP). Under a DTLS connection ID (RFC 9146) a client may come from a new address with the same identity.
 *
 * @param connector the connector's name, e.g. {@code coap}; see {@link CoapTransport.Builder#udp}
 * @param address the peer's IP address and port
 * @param identity the authenticated identity, or {@code null} on an unsecured connector
 */
public record Peer(String connector, InetSocketAddress address, PeerIdentity identity) {
    public Peer {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("address must be resolved, got " + address);
        }
    }

    /** A peer on an unsecured connector. */
    public static Peer unsecured(String connector, InetSocketAddress address) {
        return new Peer(connector, address, null);
    }

    public Optional<PeerIdentity> authenticatedIdentity() {
        return Optional.ofNullable(identity);
    }

    @Override
    public String toString() {
        String host = address.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return connector + "://" + host + ":" + address.getPort() + (identity == null ? "" : " (" + identity + ")");
    }
}
