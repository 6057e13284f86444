package io.wisp.transport.californium;

import io.wisp.transport.PeerIdentity;
import java.security.Principal;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.EndpointContextMatcher;

/**
 * Matches messages on a DTLS endpoint by the peer's authenticated identity instead of its address. Exchanges,
 * deduplication and observations are then keyed by who the peer is, so that a client whose address changes under a
 * connection ID (RFC 9146) still gets its responses matched; and a message meant for one identity is never sent
 * through, nor answered by, another identity's session. A message without identity (a downlink built without one)
 * falls back to its address.
 */
final class IdentityContextMatcher implements EndpointContextMatcher {

    @Override
    public String getName() {
        return "wisp identity";
    }

    @Override
    public Object getEndpointIdentity(EndpointContext context) {
        PeerIdentity identity = identity(context.getPeerIdentity());
        return identity != null ? identity : context.getPeerAddress();
    }

    @Override
    public boolean isResponseRelatedToRequest(EndpointContext requestContext, EndpointContext responseContext) {
        return sameIdentity(requestContext, responseContext);
    }

    @Override
    public boolean isToBeSent(EndpointContext messageContext, EndpointContext connectionContext) {
        return connectionContext == null || sameIdentity(messageContext, connectionContext);
    }

    /** An expectation without identity accepts any; one with an identity needs the same one. */
    private static boolean sameIdentity(EndpointContext expected, EndpointContext actual) {
        PeerIdentity wanted = identity(expected.getPeerIdentity());
        return wanted == null || wanted.equals(identity(actual.getPeerIdentity()));
    }

    static PeerIdentity identity(Principal principal) {
        if (principal instanceof IdentityPrincipal own) {
            return own.identity();
        }
        return principal == null ? null : PeerIdentities.of(principal);
    }

    @Override
    public String toRelevantState(EndpointContext context) {
        return context == null ? "n.a." : String.valueOf(identity(context.getPeerIdentity()));
    }
}
