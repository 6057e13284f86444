package io.wisp.transport.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;

/** A plain Californium client endpoint on 127.0.0.1, to send hand-made requests at a transport under test. */
public final class TestCoapClient implements AutoCloseable {
    private final CoapEndpoint endpoint;

    public TestCoapClient() {
        Configuration config = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS);
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 1 << 20);
        endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        try {
            endpoint.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the request to {@code target} and waits up to 10 s for the response (null on timeout). */
    public Response send(InetSocketAddress target, Request request) {
        request.setDestinationContext(new AddressEndpointContext(target));
        endpoint.sendRequest(request);
        try {
            return request.waitForResponse(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public InetSocketAddress address() {
        return endpoint.getAddress();
    }

    @Override
    public void close() {
        endpoint.destroy();
    }
}
