package io.wisp.transport.californium;

import io.wisp.transport.HandshakeFailures.Reason;
import io.wisp.transport.PeerIdentity;
import io.wisp.transport.PublicKeyTrust;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.eclipse.californium.elements.util.CertPathUtil;
import org.eclipse.californium.scandium.dtls.AlertMessage.AlertDescription;
import org.eclipse.californium.scandium.dtls.CertificateMessage;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.CertificateVerificationResult;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.x509.NewAdvancedCertificateVerifier;
import org.eclipse.californium.scandium.util.ServerNames;

/**
 * Checks the raw public key or X.509 chain a peer presents (Transport TS §5.2): a raw public key must be
 * trusted by the role's {@link PublicKeyTrust} (asked at every handshake, so store changes apply at once); a chain
 * must lead to one of the trust anchors (PKIX, no revocation check), be valid now, allow the peer's role (key
 * usage) and name the peer with a CN (its {@link PeerIdentity}). Each refusal names its {@link Reason}.
 */
final class TrustVerifier implements NewAdvancedCertificateVerifier {
    private final PublicKeyTrust rawPublicKeyTrust;
    private final X509Certificate[] anchors;
    private final List<CertificateType> types;

    TrustVerifier(PublicKeyTrust rawPublicKeyTrust, List<X509Certificate> anchors) {
        this.rawPublicKeyTrust = rawPublicKeyTrust;
        this.anchors = anchors.toArray(new X509Certificate[0]);
        List<CertificateType> accepted = new ArrayList<>(2);
        if (rawPublicKeyTrust != null) {
            accepted.add(CertificateType.RAW_PUBLIC_KEY);
        }
        if (this.anchors.length > 0) {
            accepted.add(CertificateType.X_509);
        }
        this.types = List.copyOf(accepted);
    }

    @Override
    public List<CertificateType> getSupportedCertificateTypes() {
        return types;
    }

    @Override
    public CertificateVerificationResult verifyCertificate(ConnectionId cid, ServerNames serverName,
            InetSocketAddress remotePeer, boolean clientUsage, boolean verifySubject, boolean truncateCertificatePath,
            CertificateMessage message) {
        try {
            CertPath chain = message.getCertificateChain();
            if (chain == null) {
                return new CertificateVerificationResult(cid, checkRawPublicKey(message.getPublicKey()), null);
            }
            return new CertificateVerificationResult(cid, checkChain(chain, clientUsage, truncateCertificatePath),
                    null);
        } catch (RefusedHandshake e) {
            return new CertificateVerificationResult(cid, e, null);
        }
    }

    private PublicKey checkRawPublicKey(PublicKey key) throws RefusedHandshake {
        if (rawPublicKeyTrust == null) {
            throw new RefusedHandshake(Reason.NO_COMMON_PARAMETERS, AlertDescription.UNSUPPORTED_CERTIFICATE,
                    "raw public keys are not accepted here");
        }
        if (key == null) {
            throw new RefusedHandshake(Reason.UNTRUSTED_PUBLIC_KEY, AlertDescription.BAD_CERTIFICATE,
                    "no raw public key presented");
        }
        if (!rawPublicKeyTrust.trusts(key)) {
            throw new RefusedHandshake(Reason.UNTRUSTED_PUBLIC_KEY, AlertDescription.BAD_CERTIFICATE,
                    "raw public key " + PeerIdentity.rpk(key).name() + " is not trusted");
        }
        return key;
    }

    private CertPath checkChain(CertPath chain, boolean clientUsage, boolean truncate) throws RefusedHandshake {
        if (anchors.length == 0) {
            throw new RefusedHandshake(Reason.NO_COMMON_PARAMETERS, AlertDescription.UNSUPPORTED_CERTIFICATE,
                    "X.509 certificates are not accepted here");
        }
        if (chain.getCertificates().isEmpty()) {
            throw new RefusedHandshake(Reason.UNTRUSTED_CERTIFICATE, AlertDescription.BAD_CERTIFICATE,
                    "empty certificate chain");
        }
        X509Certificate leaf = (X509Certificate) chain.getCertificates().get(0);
        String subject = leaf.getSubjectX500Principal().getName();
        if (!CertPathUtil.canBeUsedForAuthentication(leaf, clientUsage)) {
            throw new RefusedHandshake(Reason.UNTRUSTED_CERTIFICATE, AlertDescription.BAD_CERTIFICATE,
                    "certificate " + subject + " does not allow " + (clientUsage ? "client" : "server")
                            + " authentication (key usage)");
        }
        if (PeerIdentity.commonName(leaf) == null) {
            throw new RefusedHandshake(Reason.UNTRUSTED_CERTIFICATE, AlertDescription.BAD_CERTIFICATE,
                    "certificate " + subject + " has no CN to identify the peer by");
        }
        try {
            return CertPathUtil.validateCertificatePathWithIssuer(truncate, chain, anchors);
        } catch (CertPathValidatorException e) {
            if (isExpiry(e)) {
                throw new RefusedHandshake(Reason.EXPIRED_CERTIFICATE, AlertDescription.CERTIFICATE_EXPIRED,
                        "certificate chain of " + subject + " is expired or not yet valid", e);
            }
            throw new RefusedHandshake(Reason.UNTRUSTED_CERTIFICATE, AlertDescription.UNKNOWN_CA,
                    "certificate chain of " + subject + " does not lead to a trust anchor: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new RefusedHandshake(Reason.UNTRUSTED_CERTIFICATE, AlertDescription.BAD_CERTIFICATE,
                    "certificate chain of " + subject + " cannot be validated: " + e.getMessage(), e);
        }
    }

    private static boolean isExpiry(CertPathValidatorException e) {
        return e.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                || e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID
                || e.getCause() instanceof CertificateExpiredException
                || e.getCause() instanceof CertificateNotYetValidException;
    }

    /**
     * None: a LwM2M client holds one certificate per server, and with an empty list it sends it whatever its issuer
     * (RFC 5246 §7.4.4), so that an untrusted one is refused here with its reason rather than replaced by an empty
     * certificate message. It also keeps the CertificateRequest small.
     */
    @Override
    public List<X500Principal> getAcceptedIssuers() {
        return List.of();
    }

    @Override
    public void setResultHandler(HandshakeResultHandler resultHandler) {
        // answers synchronously
    }
}
