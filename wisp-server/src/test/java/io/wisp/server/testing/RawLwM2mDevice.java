package io.wisp.server.testing;

import io.wisp.transport.testing.RawPeer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.eclipse.californium.elements.AddressEndpointContext;

/**
 * A LwM2M client written by hand on one bare UDP socket of 127.0.0.1 (messages encoded by Californium's serializer,
 * nothing else of its stack): it registers, answers an observe, and sends notifications with exactly the token,
 * type and sequence number a test wants. A second instance plays the same client after a NAT gave it a new port.
 */
public final class RawLwM2mDevice implements AutoCloseable {
    private final RawPeer socket = new RawPeer();
    private final UdpDataParser parser = new UdpDataParser();
    private final UdpDataSerializer serializer = new UdpDataSerializer();
    /**
     * Message IDs start at a random point, as RFC 7252 §4.4 asks: a server shared by several tests remembers
     * (MID, address) for deduplication, and a device whose socket reuses an earlier device's port must not get that
     * device's cached answers.
     */
    private final AtomicInteger mid = new AtomicInteger(ThreadLocalRandom.current().nextInt(0x10000));

    private int nextMid() {
        return mid.incrementAndGet() & 0xFFFF;
    }

    public InetSocketAddress address() {
        return socket.address();
    }

    /** Registers ({@code POST /rd}) with lifetime 300 and LwM2M 1.1; returns the location path, e.g. {@code rd/x}. */
    public List<String> register(InetSocketAddress server, String endpoint, String links) {
        Request register = Request.newPost();
        register.getOptions().setUriPath("rd").addUriQuery("ep=" + endpoint).addUriQuery("lt=300")
                .addUriQuery("lwm2m=1.1").setContentFormat(40);
        register.setPayload(links);
        Response created = request(server, register);
        if (created.getCode() != ResponseCode.CREATED) {
            throw new AssertionError("Register answered " + created);
        }
        return created.getOptions().getLocationPath();
    }

    /** Sends a CON request and waits for its piggybacked answer. */
    public Response request(InetSocketAddress server, Request request) {
        request.setType(Type.CON);
        request.setMID(nextMid());
        request.setToken(new byte[] {(byte) request.getMID(), 0x42});
        send(request, server);
        Message m = receive();
        if (!(m instanceof Response r) || r.getMID() != request.getMID()) {
            throw new AssertionError("expected the answer to " + request + ", got " + m);
        }
        return r;
    }

    /** Waits up to 10 s for the next message and decodes it. */
    public Message receive() {
        RawPeer.Datagram datagram = socket.receive();
        Message m = parser.parseMessage(datagram.bytes());
        m.setSourceContext(new AddressEndpointContext(datagram.from()));
        return m;
    }

    /** Waits for the next message, which must be a request from the server. */
    public Request receiveRequest() {
        Message m = receive();
        if (!(m instanceof Request r)) {
            throw new AssertionError("expected a request, got " + m);
        }
        return r;
    }

    /** Answers a request with a piggybacked response; {@code observe} null leaves the Observe option out. */
    public void answer(Request request, ResponseCode code, Integer observe, int format, String payload) {
        Response response = new Response(code);
        response.setType(Type.ACK);
        response.setMID(request.getMID());
        response.setToken(request.getToken());
        if (observe != null) {
            response.getOptions().setObserve(observe);
        }
        response.getOptions().setContentFormat(format);
        response.setPayload(payload);
        send(response, request.getSourceContext().getPeerAddress());
    }

    /** Sends a text notification for {@code token}. */
    public void notify(Token token, boolean confirmable, int observe, String payload, InetSocketAddress server) {
        Response response = new Response(ResponseCode.CONTENT);
        response.setType(confirmable ? Type.CON : Type.NON);
        response.setMID(nextMid());
        response.setToken(token);
        response.getOptions().setObserve(observe).setContentFormat(0);
        response.setPayload(payload);
        send(response, server);
    }

    /** Sends an error notification for {@code token}, which ends the observation (RFC 7641 §3.2). */
    public void notifyError(Token token, ResponseCode code, InetSocketAddress server) {
        Response response = new Response(code);
        response.setType(Type.CON);
        response.setMID(nextMid());
        response.setToken(token);
        send(response, server);
    }

    private void send(Message message, InetSocketAddress to) {
        socket.send(serializer.getByteArray(message), to);
    }

    @Override
    public void close() {
        socket.close();
    }
}
