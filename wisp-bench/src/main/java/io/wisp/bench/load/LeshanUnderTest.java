package io.wisp.bench.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Iterator;
import org.eclipse.leshan.core.endpoint.Protocol;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.LeshanServerBuilder;
import org.eclipse.leshan.server.californium.endpoint.CaliforniumServerEndpointsProvider;
import org.eclipse.leshan.server.californium.endpoint.coap.CoapServerProtocolProvider;
import org.eclipse.leshan.server.registration.InMemoryRegistrationStore;
import org.eclipse.leshan.server.registration.Registration;

/**
 * The Leshan server as its documentation sets one up: a Californium CoAP endpoint (Leshan's default Californium
 * configuration) and the in-memory registration store; no security store, so only unsecured clients are served.
 */
final class LeshanUnderTest implements ServerUnderTest {
    private LeshanServer server;

    @Override
    public int start(int port) throws Exception {
        CaliforniumServerEndpointsProvider endpoints = new CaliforniumServerEndpointsProvider.Builder(
                new CoapServerProtocolProvider())
                .addEndpoint(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), Protocol.COAP)
                .build();
        server = new LeshanServerBuilder()
                .setEndpointsProviders(endpoints)
                .setRegistrationStore(new InMemoryRegistrationStore())
                .build();
        server.start();
        return server.getEndpoint(Protocol.COAP).getURI().getPort();
    }

    @Override
    public int registrations() {
        int n = 0;
        Iterator<Registration> all = server.getRegistrationService().getAllRegistrations();
        for (; all.hasNext(); all.next()) {
            n++;
        }
        return n;
    }

    @Override
    public void close() {
        if (server != null) {
            server.destroy();
        }
    }
}
