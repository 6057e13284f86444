package io.wisp.transport.californium;

import io.wisp.transport.PeerIdentity;
import io.wisp.transport.PskKeyLookup;
import java.net.InetSocketAddress;
import java.util.Arrays;
import javax.crypto.SecretKey;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.PskSecretResult;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedPskStore;
import org.eclipse.californium.scandium.util.SecretUtil;
import org.eclipse.californium.scandium.util.ServerNames;

/**
 * Scandium's PSK store for a server, answered by the role's {@link PskKeyLookup} at each handshake. An identity
 * longer than 128 bytes or a key longer than 64 bytes (Transport TS §5.2) is treated as unknown; the key bytes
 * handed over are wiped once copied into the handshake's secret.
 */
final class LookupPskStore implements AdvancedPskStore {
    static final int MAX_KEY_BYTES = 64;

    private final PskKeyLookup lookup;

    LookupPskStore(PskKeyLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public boolean hasEcdhePskSupported() {
        return false;
    }

    @Override
    public PskSecretResult requestPskSecretResult(ConnectionId cid, ServerNames serverName,
            PskPublicInformation identity, String hmacAlgorithm, SecretKey otherSecret, byte[] seed,
            boolean useExtendedMasterSecret) {
        if (identity.length() == 0 || identity.length() > PeerIdentity.MAX_PSK_IDENTITY_BYTES) {
            return new PskSecretResult(cid, identity, null);
        }
        byte[] key = lookup.key(identity.getPublicInfoAsString()).orElse(null);
        if (key == null) {
            return new PskSecretResult(cid, identity, null);
        }
        try {
            if (key.length == 0 || key.length > MAX_KEY_BYTES) {
                return new PskSecretResult(cid, identity, null);
            }
            return new PskSecretResult(cid, identity, SecretUtil.create(key, "PSK"));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** A server never starts a PSK handshake, so it has no identity of its own to offer. */
    @Override
    public PskPublicInformation getIdentity(InetSocketAddress peerAddress, ServerNames virtualHost) {
        return null;
    }

    @Override
    public void setResultHandler(HandshakeResultHandler resultHandler) {
        // answers synchronously
    }
}
