package io.wisp.transport.testing;

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
 * A hand-scripted CoAP peer on one plain Californium endpoint at 127.0.0.1. It sends the requests a test builds
 * (well-formed or not) and waits for their answers, records every request the endpoint under test sends it, and
 * answers each with what the test's script returns — or not at all, to play a peer that went silent. Tests use it
 * to check the exact CoAP form of what a transport, server or bootstrap server puts on the wire, and how it handles
 * answers no well-behaved peer sends.
 */
public final class ScriptedPeer implements AutoCloseable {
    private static final long WAIT_MS = 10_000;

    private final CoapEndpoint endpoint;
    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();
    private volatile Function<Request, Response> script;

    /** A peer that answers every request with 4.04 Not Found (what an endpoint without resources does). */
    public ScriptedPeer() {
        this(r -> new Response(ResponseCode.NOT_FOUND));
    }

    private ScriptedPeer(Function<Request, Response> initial) {
        this.script = initial;
        Configuration config = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS);
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 1 << 20);
        endpoint = new CoapEndpoint.Builder().setConfiguration(config)
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

    /** A peer that sends nothing back, not even an ACK, until {@link #answer} says otherwise. */
    public static ScriptedPeer silent() {
        return new ScriptedPeer(r -> null);
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

    /** Sends the request to {@code target} and waits up to 10 s for the response (null on timeout). */
    public Response send(InetSocketAddress target, Request request) {
        request.setDestinationContext(new AddressEndpointContext(target));
        endpoint.sendRequest(request);
        try {
            return request.waitForResponse(WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next request the endpoint under test sent, waiting up to 10 s; fails the test when none came. */
    public Request nextRequest() {
        try {
            Request r = received.poll(WAIT_MS, TimeUnit.MILLISECONDS);
            if (r == null) {
                throw new AssertionError("the endpoint under test sent no request within 10 s");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Requests received and not yet taken with {@link #nextRequest()}. */
    public int pending() {
        return received.size();
    }

    public InetSocketAddress address() {
        return endpoint.getAddress();
    }

    @Override
    public void close() {
        endpoint.destroy();
    }
}
