package io.wisp.server.testing;

import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
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
 * A hand-scripted LwM2M client on one Californium endpoint at 127.0.0.1: it registers with the payload and query a
 * test gives (an alternate path, no {@code ct}, LwM2M 1.0 or 1.2...), records every request the server sends it, and
 * answers each with what the test's script returns — or not at all, to play a client that went silent. Used to check
 * the exact CoAP form of downlinks and the server's handling of answers no well-behaved client sends.
 */
public final class ScriptedDevice implements AutoCloseable {
    private final CoapEndpoint endpoint;
    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();
    private volatile Function<Request, Response> script = r -> new Response(ResponseCode.NOT_FOUND);

    public ScriptedDevice() {
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
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot start the scripted device's endpoint", e);
        }
    }

    /** How to answer each request from now on; a {@code null} answer sends nothing (not even an ACK). */
    public void answer(Function<Request, Response> value) {
        this.script = value;
    }

    /** A response with a code, a content format and a payload. */
    public static Response response(ResponseCode code, int contentFormat, byte[] payload) {
        Response r = new Response(code);
        r.getOptions().setContentFormat(contentFormat);
        r.setPayload(payload);
        return r;
    }

    /** Registers with {@code query} (e.g. {@code ep=x&lt=300&lwm2m=1.2}) and link-format {@code links}. */
    public void register(InetSocketAddress server, String query, String links) {
        Request request = new Request(Code.POST);
        request.setDestinationContext(new AddressEndpointContext(server));
        request.getOptions().setUriPath("rd").setUriQuery(query).setContentFormat(MediaTypeRegistry.APPLICATION_LINK_FORMAT);
        request.setPayload(links);
        endpoint.sendRequest(request);
        try {
            Response response = request.waitForResponse(10_000);
            if (response == null || response.getCode() != ResponseCode.CREATED) {
                throw new IllegalStateException("Register was answered " + response);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next request the server sent, waiting at most 10 s; fails when none came. */
    public Request nextRequest() {
        try {
            Request r = received.poll(10, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("the server sent no request within 10 s");
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

    @Override
    public void close() {
        endpoint.destroy();
    }
}
