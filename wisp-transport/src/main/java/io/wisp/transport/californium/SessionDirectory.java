package io.wisp.transport.californium;

import io.wisp.transport.PeerIdentity;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.californium.scandium.ConnectionListener;
import org.eclipse.californium.scandium.dtls.Connection;

/**
 * The established DTLS connection of each authenticated identity on one connector, so that a message for an
 * identity goes to the address its connection has now: under a connection ID (RFC 9146) Scandium moves a connection
 * to the address its newest record came from (a NAT rebinding), and the address a role remembers from an older
 * uplink may be stale. One map entry per connection, sharing the identity's strings with Scandium's session; an
 * entry leaves with its connection.
 *
 * <p>As the connector's {@link ConnectionListener} it also passes MAC errors on to the {@link HandshakeMonitor}.
 */
final class SessionDirectory implements ConnectionListener {
    private final ConcurrentHashMap<PeerIdentity, Connection> connections = new ConcurrentHashMap<>();
    private final HandshakeMonitor monitor;

    SessionDirectory(HandshakeMonitor monitor) {
        this.monitor = monitor;
    }

    /** The current address of the identity's established connection, or {@code null} when it has none. */
    InetSocketAddress currentAddress(PeerIdentity identity) {
        Connection connection = connections.get(identity);
        return connection == null ? null : connection.getPeerAddress();
    }

    int size() {
        return connections.size();
    }

    @Override
    public void onConnectionEstablished(Connection connection) {
        PeerIdentity identity = PeerIdentities.of(connection.getEstablishedPeerIdentity());
        if (identity != null) {
            connections.put(identity, connection);
        }
    }

    @Override
    public void onConnectionRemoved(Connection connection) {
        PeerIdentity identity = PeerIdentities.of(connection.getEstablishedPeerIdentity());
        if (identity != null) {
            connections.remove(identity, connection);
        }
    }

    @Override
    public boolean onConnectionMacError(Connection connection) {
        return monitor.onMacError(connection);
    }

    @Override
    public boolean onConnectionUpdatesSequenceNumbers(Connection connection, boolean writeSequenceNumber) {
        return false;
    }

    @Override
    public void beforeExecution(Connection connection) {
        // no per-job state
    }

    @Override
    public void updateExecution(Connection connection) {
        // no per-job state
    }

    @Override
    public void afterExecution(Connection connection) {
        // no per-job state
    }
}
