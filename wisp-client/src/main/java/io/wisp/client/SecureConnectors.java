package io.wisp.client;

import io.wisp.transport.CoapTransport;
import io.wisp.transport.ConnectorSpec;
import io.wisp.transport.DtlsClientSecurity;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The client-role DTLS connectors of a client, one per secured server account (Transport TS §5.2; Core TS Appendix
 * E.1): each account may need its own credentials, so each gets its own socket and session. A connector is opened
 * the first time its account is used, kept while the account's credentials stay the same (a re-registration reuses
 * the session), and replaced when they change (a Bootstrap-Server wrote new ones), so the next Register uses them.
 */
final class SecureConnectors {
    private final CoapTransport transport;
    private final InetAddress bindHost;
    private final Map<String, DtlsClientSecurity> open = new HashMap<>();

    SecureConnectors(CoapTransport transport, InetAddress bindHost) {
        this.transport = transport;
        this.bindHost = bindHost;
    }

    /** The connector {@code name}, opened with {@code security} (or reopened when its credentials changed). */
    synchronized String connector(String name, DtlsClientSecurity security) {
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

    /** Closes the connectors whose names are not in {@code keep} (their accounts are gone). */
    synchronized void retain(Set<String> keep) {
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
}
