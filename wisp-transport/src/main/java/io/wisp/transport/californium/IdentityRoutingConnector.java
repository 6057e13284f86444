package io.wisp.transport.californium;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.security.Principal;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.EndpointContextMatcher;
import org.eclipse.californium.elements.MessageCallback;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.RawDataChannel;

/**
 * Scandium's DTLS connector with one addition on the way out: a message meant for an authenticated identity goes to
 * the current address of that identity's connection ({@link SessionDirectory}), whatever older address the sender
 * had. With exchanges keyed by identity ({@link IdentityContextMatcher}) a client that moved under a connection ID
 * keeps receiving its downlinks, retransmissions and observe cancellations, and their answers still match.
 */
final class IdentityRoutingConnector implements Connector {
    private final Connector delegate;
    private final SessionDirectory sessions;

    IdentityRoutingConnector(Connector delegate, SessionDirectory sessions) {
        this.delegate = delegate;
        this.sessions = sessions;
    }

    @Override
    public void send(RawData message) {
        EndpointContext context = message.getEndpointContext();
        Principal principal = context.getPeerIdentity();
        if (principal instanceof IdentityPrincipal target) {
            InetSocketAddress current = sessions.currentAddress(target.identity());
            if (current != null && !current.equals(message.getInetSocketAddress())) {
                EndpointContext moved = new AddressEndpointContext(current, context.getVirtualHost(), principal);
                delegate.send(RawData.outbound(message.getBytes(), moved, new Forward(message), false));
                return;
            }
        }
        delegate.send(message);
    }

    @Override
    public void start() throws IOException {
        delegate.start();
    }

    @Override
    public void stop() {
        delegate.stop();
    }

    @Override
    public void destroy() {
        delegate.destroy();
    }

    @Override
    public void setRawDataReceiver(RawDataChannel messageHandler) {
        delegate.setRawDataReceiver(messageHandler);
    }

    @Override
    public void setEndpointContextMatcher(EndpointContextMatcher matcher) {
        delegate.setEndpointContextMatcher(matcher);
    }

    @Override
    public InetSocketAddress getAddress() {
        return delegate.getAddress();
    }

    @Override
    public String getProtocol() {
        return delegate.getProtocol();
    }

    @Override
    public boolean isRunning() {
        return delegate.isRunning();
    }

    @Override
    public void processDatagram(DatagramPacket datagram) {
        delegate.processDatagram(datagram);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    /** Reports the fate of the re-addressed message to the original's callback. */
    private static final class Forward implements MessageCallback {
        private final RawData original;

        Forward(RawData original) {
            this.original = original;
        }

        @Override
        public void onConnecting() {
            original.onConnecting();
        }

        @Override
        public void onDtlsRetransmission(int flight) {
            original.onDtlsRetransmission(flight);
        }

        @Override
        public void onContextEstablished(EndpointContext context) {
            original.onContextEstablished(context);
        }

        @Override
        public void onSent() {
            original.onSent();
        }

        @Override
        public void onError(Throwable error) {
            original.onError(error);
        }
    }
}
