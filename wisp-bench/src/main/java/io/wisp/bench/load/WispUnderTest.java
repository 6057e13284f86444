package io.wisp.bench.load;

import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.server.WispServer;
import java.net.InetAddress;

/** The Wisp server with its defaults: in-memory store, default transport tuning, bundled models. */
final class WispUnderTest implements ServerUnderTest {
    private WispServer server;

    @Override
    public int start(int port) throws Exception {
        server = WispServer.builder()
                .bindAddress(InetAddress.getByName("127.0.0.1"))
                .port(port)
                .models(ModelRegistry.bundled())
                .build();
        server.start();
        return server.localAddress().getPort();
    }

    @Override
    public int registrations() {
        return server.registrations().size();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
