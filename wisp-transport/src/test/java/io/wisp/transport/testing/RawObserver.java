package io.wisp.transport.testing;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.eclipse.californium.elements.AddressEndpointContext;

/**
 * The observer's side of an observation, written by hand on a bare UDP socket (RFC 7252 encoding through
 * Californium's serializer only): it sends observe registrations with the token a test chooses, and acknowledges,
 * ignores or resets each notification as the test wants — what no ordinary client stack lets a test decide.
 */
public final class RawObserver implements AutoCloseable {
    private final RawPeer socket = new RawPeer();
    private final UdpDataParser parser = new UdpDataParser();
    private final UdpDataSerializer serializer = new UdpDataSerializer();
    private final AtomicInteger mid = new AtomicInteger(0x2000);

    public InetSocketAddress address() {
        return socket.address();
    }

    /** Sends a CON GET of {@code path} with the given Observe value (0 register, 1 deregister) and token. */
    public void get(InetSocketAddress target, Token token, int observe, String... path) {
        Request request = Request.newGet();
        request.setConfirmable(true);
        request.setMID(mid.incrementAndGet());
        request.setToken(token);
        for (String segment : path) {
            request.getOptions().addUriPath(segment);
        }
        request.getOptions().setObserve(observe);
        socket.send(serializer.getByteArray(request), target);
    }

    /** Waits up to 10 s for the next message, which must be a response (a first response or a notification). */
    public Response receiveResponse() {
        RawPeer.Datagram d = socket.receive();
        Message m = parser.parseMessage(d.bytes());
        if (!(m instanceof Response r)) {
            throw new AssertionError("expected a response, got " + m);
        }
        r.setSourceContext(new AddressEndpointContext(d.from()));
        return r;
    }

    /** Acknowledges a CON notification. */
    public void ack(Response notification) {
        reply(EmptyMessage.newACK(notification), notification);
    }

    /** Answers a notification with a Reset: "I do not know this token" (RFC 7641 §3.6). */
    public void reset(Response notification) {
        reply(EmptyMessage.newRST(notification), notification);
    }

    private void reply(EmptyMessage message, Response notification) {
        if (message.getType() == Type.ACK && notification.getType() != Type.CON) {
            throw new AssertionError("only a CON message is acknowledged: " + notification);
        }
        message.setToken(Token.EMPTY);
        socket.send(serializer.getByteArray(message),
                (InetSocketAddress) notification.getSourceContext().getPeerAddress());
    }

    @Override
    public void close() {
        socket.close();
    }
}
