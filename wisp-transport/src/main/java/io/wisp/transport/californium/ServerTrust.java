package io.wisp.transport.californium;

import io.wisp.transport.DtlsClientSecurity;
import io.wisp.transport.DtlsClientSecurity.CertificateUsage;
import io.wisp.transport.HandshakeFailures.Reason;
import io.wisp.transport.PeerIdentity;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateEncodingException;
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
 * How a client-role connector checks the one server it talks to (Transport TS §5.2, Core TS Appendix E.1): in RPK
 * mode the server must present exactly the expected public key (/0/x/4); in X.509 mode its chain is checked as the
 * Certificate Usage (/0/x/15) says, its certificate must allow server authentication and, when the server URI names a
 * host, name that host (ETS int-403). Without a /0/x/4 certificate the chain must lead to the trust store. Each
 * refusal aborts the handshake with a fatal alert and names its {@link Reason}.
 */
final class ServerTrust implements NewAdvancedCertificateVerifier {
    private final PublicKey expectedKey;
    private final DtlsClientSecurity.Certificate x509;

    private ServerTrust(PublicKey expectedKey, DtlsClientSecurity.Certificate x509) {
        this.expectedKey = expectedKey;
        this.x509 = x509;
    }

    static ServerTrust rawPublicKey(PublicKey expected) {
        return new ServerTrust(expected, null);
    }

    static ServerTrust certificate(DtlsClientSecurity.Certificate security) {
        return new ServerTrust(null, security);
    }

    @Override
    public List<CertificateType> getSupportedCertificateTypes() {
        return List.of(expectedKey != null ? CertificateType.RAW_PUBLIC_KEY : CertificateType.X_509);
    }

    @Override
    public CertificateVerificationResult verifyCertificate(ConnectionId cid, ServerNames serverName,
            InetSocketAddress remotePeer, boolean clientUsage, boolean verifySubject, boolean truncateCertificatePath,
            CertificateMessage message) {
        try {
            CertPath chain = message.getCertificateChain();
            if (expectedKey != null) {
                return new CertificateVerificationResult(cid, checkKey(chain, message.getPublicKey()), null);
            }
            return new CertificateVerificationResult(cid, checkChain(chain), null);
        } catch (RefusedHandshake e) {
            return new CertificateVerificationResult(cid, e, null);
        }
    }

    private PublicKey checkKey(CertPath chain, PublicKey key) throws RefusedHandshake {
        if (chain != null || key == null) {
            throw new RefusedHandshake(Reason.NO_COMMON_PARAMETERS, AlertDescription.UNSUPPORTED_CERTIFICATE,
                    "the server did not present a raw public key");
        }
        if (!MessageDigest.isEqual(key.getEncoded(), expectedKey.getEncoded())) {
            throw new RefusedHandshake(Reason.UNTRUSTED_PUBLIC_KEY, AlertDescription.BAD_CERTIFICATE,
                    "the server's raw public key " + PeerIdentity.rpk(key).name() + " is not the expected "
                            + PeerIdentity.rpk(expectedKey).name());
        }
        return key;
    }

    private CertPath checkChain(CertPath chain) throws RefusedHandshake {
        if (chain == null || chain.getCertificates().isEmpty()) {
            throw new RefusedHandshake(Reason.UNTRUSTED_CERTIFICATE, AlertDescription.BAD_CERTIFICATE,
                    "the server presented no X.509 certificate");
        }
        X509Certificate leaf = (X509Certificate) chain.getCertificates().get(0);
        String subject = leaf.getSubjectX500Principal().getName();
        if (!CertPathUtil.canBeUsedForAuthentication(leaf, false)) {
            throw new RefusedHandshake(Reason.UNTRUSTED_CERTIFICATE, AlertDescription.BAD_CERTIFICATE,
                    "certificate " + subject + " does not allow server authentication (key usage)");
        }
        if (x509.serverName() != null && !CertPathUtil.matchDestination(leaf, x509.serverName())) {
            throw new RefusedHandshake(Reason.UNTRUSTED_CERTIFICATE, AlertDescription.BAD_CERTIFICATE,
                    "certificate " + subject + " does not name the server host " + x509.serverName());
        }
        X509Certificate given = x509.serverCertificate();
        if (given == null) {
            return validate(chain, x509.trustStore(), subject);
        }
        CertificateUsage usage = x509.usage();
        switch (usage) {
            case CA_CONSTRAINT:
                if (!x509.trustStore().isEmpty()) {
                    validate(chain, x509.trustStore(), subject);
                }
                return validate(chain, List.of(given), subject);
            case SERVICE_CERTIFICATE_CONSTRAINT:
                requireSame(leaf, given, subject);
                return validate(chain, x509.trustStore(), subject);
            case TRUST_ANCHOR_ASSERTION:
                return validate(chain, List.of(given), subject);
            default:
                requireSame(leaf, given, subject);
                requireCurrent(leaf, subject);
                return chain;
        }
    }

    private static void requireSame(X509Certificate leaf, X509Certificate given, String subject)
            throws RefusedHandshake {
        try {
            if (!MessageDigest.isEqual(leaf.getEncoded(), given.getEncoded())) {
                throw new RefusedHandshake(Reason.UNTRUSTED_CERTIFICATE, AlertDescription.BAD_CERTIFICATE,
                        "certificate " + subject + " is not the server certificate of the account");
            }
        } catch (CertificateEncodingException e) {
            throw new RefusedHandshake(Reason.UNTRUSTED_CERTIFICATE, AlertDescription.BAD_CERTIFICATE,
                    "certificate " + subject + " cannot be encoded", e);
        }
    }

    private static void requireCurrent(X509Certificate leaf, String subject) throws RefusedHandshake {
        try {
            leaf.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new RefusedHandshake(Reason.EXPIRED_CERTIFICATE, AlertDescription.CERTIFICATE_EXPIRED,
                    "certificate " + subject + " is expired or not yet valid", e);
        }
    }

    /** PKIX validation of the chain up to one of {@code anchors} (the chain may include the anchor itself). */
    private static CertPath validate(CertPath chain, List<X509Certificate> anchors, String subject)
            throws RefusedHandshake {
        try {
            return CertPathUtil.validateCertificatePathWithIssuer(false, chain,
                    anchors.toArray(new X509Certificate[0]));
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    || e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                throw new RefusedHandshake(Reason.EXPIRED_CERTIFICATE, AlertDescription.CERTIFICATE_EXPIRED,
                        "certificate chain of " + subject + " is expired or not yet valid", e);
            }
            throw new RefusedHandshake(Reason.UNTRUSTED_CERTIFICATE, AlertDescription.UNKNOWN_CA,
                    "certificate chain of " + subject + " does not lead to a trusted certificate: "
                            + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new RefusedHandshake(Reason.UNTRUSTED_CERTIFICATE, AlertDescription.BAD_CERTIFICATE,
                    "certificate chain of " + subject + " cannot be validated: " + e.getMessage(), e);
        }
    }

    /** A client is never asked which issuers it accepts. */
    @Override
    public List<X500Principal> getAcceptedIssuers() {
        return new ArrayList<>(0);
    }

    @Override
    public void setResultHandler(HandshakeResultHandler resultHandler) {
        // answers synchronously
    }
}
