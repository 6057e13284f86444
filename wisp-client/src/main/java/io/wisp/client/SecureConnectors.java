package io.wisp.client;

import io.wisp.client.bootstrap.BootstrapAccount;
import io.wisp.client.engine.RegistrationEngine;
import io.wisp.client.engine.ServerAccount;
import io.wisp.transport.CoapTransport;
import io.wisp.transport.ConnectorSpec;
import io.wisp.transport.DtlsClientSecurity;
import io.wisp.transport.Peer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which connector a client talks to each of its servers through: the plain CoAP socket for a NoSec account, and one
 * client-role DTLS connector per secured account (Transport TS §5.2; Core TS Appendix E.1), {@code coaps-<ssid>} or
 * {@code coaps-bs} for the Bootstrap-Server, since each account may need its own credentials. A DTLS connector is
 * opened the first time its account is used, kept while the account's credentials stay the same (a re-registration
 * reuses the session), and replaced when they change (a Bootstrap-Server wrote new ones), so that the next Register
 * uses them.
 */
final class SecureConnectors {
    private static final String PREFIX = "coaps-";
    private static final String BOOTSTRAP = PREFIX + "bs";

    private final CoapTransport transport;
    private final String plain;
    private final InetAddress bindHost;
    private final Map<String, DtlsClientSecurity> open = new HashMap<>();

    SecureConnectors(CoapTransport transport, String plain, InetAddress bindHost) {
        this.transport = transport;
        this.plain = plain;
        this.bindHost = bindHost;
    }

    /** The connector for a LwM2M Server account, opened if needed. */
    String forServer(ServerAccount account) {
        return account.secure() ? connector(PREFIX + account.shortServerId(), account.security()) : plain;
    }

    /** The connector for the Bootstrap-Server account, opened if needed. */
    String forBootstrap(BootstrapAccount account) {
        return account.security() == null ? plain : connector(BOOTSTRAP, account.security());
    }

    private synchronized String connector(String name, DtlsClientSecurity security) {
        DtlsClientSecurity current = open.get(name);
        if (security.equals(current)) {
            return name;
        }
        if (current != null) {
            transport.removeConnector(name);
            open.remove(name);
        }
        transport.addConnector(new ConnectorSpec.DtlsClient(name, new InetSocketAddress(bindHost, 0), security));
        open.put(name, security);
        return name;
    }

    /** Closes the DTLS connectors of LwM2M Server accounts that are gone (the Bootstrap-Server's stays). */
    synchronized void retainOnly(List<ServerAccount> accounts) {
        Set<String> keep = new HashSet<>();
        keep.add(BOOTSTRAP);
        accounts.forEach(a -> keep.add(PREFIX + a.shortServerId()));
        open.keySet().removeIf(name -> {
            if (keep.contains(name)) {
                return false;
            }
            transport.removeConnector(name);
            return true;
        });
    }

    /** Forgets every connector (the transport stopped). */
    synchronized void clear() {
        open.clear();
    }

    /**
     * The Short Server ID of the server a request came from, or -1: requests are answered only for the client's
     * servers, and only through the connector the server is registered on — a secured server's requests only over
     * its DTLS session. Loopback and wildcard server addresses match any loopback peer on the server's port.
     */
    static int serverOf(Peer peer, List<RegistrationEngine> engines) {
        for (RegistrationEngine e : engines) {
            if (e.connector().equals(peer.connector()) && e.server().address().equals(peer.address())) {
                return e.server().shortServerId();
            }
        }
        for (RegistrationEngine e : engines) {
            InetSocketAddress server = e.server().address();
            if (e.connector().equals(peer.connector()) && server.getPort() == peer.address().getPort()
                    && (server.getAddress().isAnyLocalAddress() || peer.address().getAddress().isLoopbackAddress()
                    && server.getAddress().isLoopbackAddress())) {
                return e.server().shortServerId();
            }
        }
        return -1;
    }

    /** Checks a secured account's URI given to the builder: {@code coaps://host[:port]}. */
    static void requireCoaps(java.net.URI uri) {
        java.util.Objects.requireNonNull(uri, "uri");
        if (!"coaps".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("uri must be coaps://host[:port], got '" + uri + "'");
        }
    }
}
