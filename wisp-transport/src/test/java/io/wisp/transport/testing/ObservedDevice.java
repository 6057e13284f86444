package io.wisp.transport.testing;

import java.net.InetSocketAddress;
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
 * The device side of an observation, written by hand on a bare UDP socket (RFC 7252 encoding through Californium's
 * serializer only): it receives the observe request, answers it, and sends notifications with exactly the type,
 * sequence number a test wants — including stale and duplicate ones no real stack would send. A second device on
 * another socket plays the same device after a NAT rebinding.
 */
public final class ObservedDevice implements AutoCloseable {
    private final RawPeer socket = new RawPeer();
    private final UdpDataParser parser = new UdpDataParser();
    private final UdpDataSerializer serializer = new UdpDataSerializer();
    private final AtomicInteger mid = new AtomicInteger(0x4000);
    private byte[] lastSent;
    private InetSocketAddress lastTarget;

    public InetSocketAddress address() {
        return socket.address();
    }

    /** Waits for the next message and decodes it. */
    public Message receive() {
        RawPeer.Datagram d = socket.receive();
        Message m = parser.parseMessage(d.bytes());
        m.setSourceContext(new AddressEndpointContext(d.from()));
        return m;
    }

    /** Waits for the next message, which must be a request. */
    public Request receiveRequest() {
        Message m = receive();
        if (!(m instanceof Request r)) {
            throw new AssertionError("expected a request, got " + m);
        }
        return r;
    }

    /** Answers a CON request with a piggybacked response; {@code observe} null leaves the Observe option out. */
    public void answer(Request request, ResponseCode code, Integer observe, int format, String payload) {
        Response response = new Response(code);
        response.setType(Type.ACK);
        response.setMID(request.getMID());
        response.setToken(request.getToken());
        fill(response, observe, format, payload);
        send(response, (InetSocketAddress) request.getSourceContext().getPeerAddress());
    }

    /** Sends a notification for {@code token} from this device's socket. */
    public void notify(Token token, boolean confirmable, ResponseCode code, Integer observe, int format,
            String payload, InetSocketAddress server) {
        send(notification(token, confirmable, code, observe, format, payload), server);
    }

    private Response notification(Token token, boolean confirmable, ResponseCode code, Integer observe, int format,
            String payload) {
        Response response = new Response(code);
        response.setType(confirmable ? Type.CON : Type.NON);
        response.setMID(mid.incrementAndGet());
        response.setToken(token);
        fill(response, observe, format, payload);
        return response;
    }

    private static void fill(Response response, Integer observe, int format, String payload) {
        if (observe != null) {
            response.getOptions().setObserve(observe);
        }
        if (payload != null) {
            response.getOptions().setContentFormat(format);
            response.setPayload(payload);
        }
    }

    private synchronized void send(Message message, InetSocketAddress to) {
        lastSent = serializer.getByteArray(message);
        lastTarget = to;
        socket.send(lastSent, to);
    }

    /** Sends the last message again, byte for byte (a retransmission, or a duplicate made by the network). */
    public synchronized void repeatLast() {
        socket.send(lastSent, lastTarget);
    }

    /** The bytes of the last message sent, to send them again later. */
    public synchronized byte[] lastSent() {
        return lastSent.clone();
    }

    /** The underlying socket, to wait for ACKs and Resets. */
    public RawPeer socket() {
        return socket;
    }

    @Override
    public void close() {
        socket.close();
    }
}
