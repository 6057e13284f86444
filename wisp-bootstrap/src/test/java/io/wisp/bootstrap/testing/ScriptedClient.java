package io.wisp.bootstrap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.server.MessageDeliverer;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * A hand-scripted LwM2M client on one Californium endpoint at 127.0.0.1: it sends the requests a test builds
 * (Bootstrap-Request, Bootstrap-Pack-Request, malformed ones) and answers every request the Bootstrap-Server sends
 * it with what the test's script returns — or not at all, to play a client that went silent. It records what it
 * received, to check the exact CoAP form of the Bootstrap-Server's requests.
 */
public final class ScriptedClient implements AutoCloseable {
    private final CoapEndpoint endpoint;
    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();
    private volatile Function<Request, Response> script = r -> null;

    public ScriptedClient() {
        endpoint = new CoapEndpoint.Builder()
                .setConfiguration(new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS))
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        endpoint.setMessageDeliverer(new MessageDeliverer() {
            @Override
            public void deliverRequest(Exchange exchange) {
                Request request = exchange.getRequest();
                received.add(request);
                Response response = script.apply(request);
                if (response != null) {
                    exchange.sendResponse(response);
                }
            }

            @Override
            public void deliverResponse(Exchange exchange, Response response) {
                exchange.getRequest().setResponse(response);
            }
        });
        try {
            endpoint.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How to answer each request from now on; a {@code null} answer sends nothing, not even an ACK. */
    public void answer(Function<Request, Response> value) {
        this.script = value;
    }

    /** A response with a code and, when {@code contentFormat >= 0}, a payload in that format. */
    public static Response response(ResponseCode code, int contentFormat, byte[] payload) {
        Response r = new Response(code);
        if (contentFormat >= 0) {
            r.getOptions().setContentFormat(contentFormat);
            r.setPayload(payload);
        }
        return r;
    }

    /** Sends a CON request to {@code server} and waits up to 10 s for the answer (null on timeout). */
    public Response send(InetSocketAddress server, Request request) {
        request.setDestinationContext(new AddressEndpointContext(server));
        endpoint.sendRequest(request);
        try {
            return request.waitForResponse(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next request the Bootstrap-Server sent, waiting up to 10 s; fails the test when none came. */
    public Request next() {
        try {
            Request r = received.poll(10, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("the Bootstrap-Server sent no request within 10 s");
            }
            return r;
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
