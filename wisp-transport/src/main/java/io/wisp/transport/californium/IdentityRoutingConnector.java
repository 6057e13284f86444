package io.wisp.transport.californium;

import java.net.InetSocketAddress;
import java.security.Principal;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.RawData;

/**
 * Scandium's DTLS connector with one addition on the way out: a message meant for an authenticated identity goes to
 * the current address of that identity's connection ({@link SessionDirectory}), whatever older address the sender
 * had. With exchanges keyed by identity ({@link IdentityContextMatcher}) a client that moved under a connection ID
 * keeps receiving its downlinks, retransmissions and observe cancellations, and their answers still match.
 */
final class IdentityRoutingConnector extends ForwardingConnector {
    private final SessionDirectory sessions;

    IdentityRoutingConnector(Connector delegate, SessionDirectory sessions) {
        super(delegate);
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
                delegate().send(RawData.outbound(message.getBytes(), moved, new ForwardingConnector.Forward(message),
                        false));
                return;
            }
        }
        delegate().send(message);
    }
}
