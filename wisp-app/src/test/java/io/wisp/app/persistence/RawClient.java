package io.wisp.app.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;

/**
 * A LwM2M client reduced to one UDP socket on 127.0.0.1 and hand-built CoAP messages (only Californium's message
 * encoder and decoder, none of its stack): Register, Update, De-register, and answering one request from the server.
 * It keeps its socket, and so its address, across server restarts, like a device would.
 */
final class RawClient implements AutoCloseable {
    private final DatagramSocket socket;
    private final UdpDataSerializer serializer = new UdpDataSerializer();
    private final UdpDataParser parser = new UdpDataParser();
    private int mid;

    RawClient(int firstMid) {
        try {
            socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            socket.setSoTimeout(15_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mid = firstMid;
    }

    /** {@code POST /rd?ep=..&lt=..&lwm2m=1.1} with two objects; returns the answer (2.01 with the location). */
    Response register(InetSocketAddress server, String endpoint, int lifetime) {
        Request r = Request.newPost();
        r.getOptions().setUriPath("rd").addUriQuery("ep=" + endpoint).addUriQuery("lt=" + lifetime)
                .addUriQuery("lwm2m=1.1").addUriQuery("b=U").setContentFormat(40);
        r.setPayload("</1/0>,</3/0>");
        return exchange(server, r);
    }

    /** {@code POST /rd/{id}} with no parameters: "still here". */
    Response update(InetSocketAddress server, List<String> location) {
        Request r = Request.newPost();
        r.getOptions().setUriPath(String.join("/", location));
        return exchange(server, r);
    }

    /** {@code DELETE /rd/{id}}. */
    Response deregister(InetSocketAddress server, List<String> location) {
        Request r = Request.newDelete();
        r.getOptions().setUriPath(String.join("/", location));
        return exchange(server, r);
    }

    /** Waits for the next request from the server and answers it 2.05 with a text payload; returns the request. */
    Request answerNextRequest(String text) {
        Message m = receive();
        if (!(m instanceof Request request)) {
            throw new AssertionError("expected a request from the server, got " + m);
        }
        Response response = new Response(CoAP.ResponseCode.CONTENT);
        response.setType(CoAP.Type.ACK);
        response.setMID(request.getMID());
        response.setToken(request.getToken());
        response.getOptions().setContentFormat(0);
        response.setPayload(text);
        send(response, request.getSourceContext().getPeerAddress());
        return request;
    }

    /**
     * Waits for an observe request from the server and accepts it: 2.05 with {@code Observe: sequence} and a text
     * payload. Returns the request (its token names the observation).
     */
    Request acceptObserve(String text, int sequence) {
        Message m = receive();
        if (!(m instanceof Request request) || !request.getOptions().hasObserve()) {
            throw new AssertionError("expected an observe request from the server, got " + m);
        }
        Response response = new Response(CoAP.ResponseCode.CONTENT);
        response.setType(CoAP.Type.ACK);
        response.setMID(request.getMID());
        response.setToken(request.getToken());
        response.getOptions().setContentFormat(0).setObserve(sequence);
        response.setPayload(text);
        send(response, request.getSourceContext().getPeerAddress());
        return request;
    }

    /** Sends a CON notification (2.05, text) of the observation {@code token}; returns the server's ACK or RST. */
    Message notify(InetSocketAddress server, Token token, int sequence, String text) {
        Response n = new Response(CoAP.ResponseCode.CONTENT);
        n.setType(CoAP.Type.CON);
        n.setMID(++mid & 0xFFFF);
        n.setToken(token);
        n.getOptions().setContentFormat(0).setObserve(sequence);
        n.setPayload(text);
        send(n, server);
        Message m = receive();
        if (m.getMID() != n.getMID()) {
            throw new AssertionError("expected the answer to " + n + ", got " + m);
        }
        return m;
    }

    /** {@code POST /bs?ep=..}: a Bootstrap-Request (Core TS §6.1); returns the answer. */
    Response bootstrapRequest(InetSocketAddress bootstrapServer, String endpoint) {
        Request r = Request.newPost();
        r.getOptions().setUriPath("bs").addUriQuery("ep=" + endpoint);
        return exchange(bootstrapServer, r);
    }

    private Response exchange(InetSocketAddress server, Request request) {
        request.setType(CoAP.Type.CON);
        request.setMID(++mid & 0xFFFF);
        request.setToken(new Token(new byte[] {(byte) (mid >> 8), (byte) mid, 0x5A}));
        send(request, server);
        Message m = receive();
        if (!(m instanceof Response response) || response.getMID() != request.getMID()) {
            throw new AssertionError("expected the answer to " + request + ", got " + m);
        }
        return response;
    }

    private void send(Message message, InetSocketAddress to) {
        byte[] bytes = serializer.getByteArray(message);
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Message receive() {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("nothing from the server within 15 s", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Message m = parser.parseMessage(Arrays.copyOf(buffer, packet.getLength()));
        m.setSourceContext(new org.eclipse.californium.elements.AddressEndpointContext(
                (InetSocketAddress) packet.getSocketAddress()));
        return m;
    }

    @Override
    public void close() {
        socket.close();
    }
}
