package io.wisp.transport.californium;

import io.wisp.transport.ConnectorSpec;
import io.wisp.transport.DtlsSecurity;
import io.wisp.transport.OwnCredentials;
import io.wisp.transport.TransportConfig;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.config.CertificateAuthenticationMode;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.SignatureAndHashAlgorithm;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.cipher.XECDHECryptography.SupportedGroup;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;

/**
 * Builds Scandium's {@link DTLSConnector} for a {@link ConnectorSpec.Dtls}: DTLS 1.2 in the server role, the cipher
 * suites the LwM2M Transport TS makes mandatory (§5.2: TLS_PSK_WITH_AES_128_CCM_8 and
 * TLS_PSK_WITH_AES_128_CBC_SHA256 for PSK; TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8 and
 * TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256 on secp256r1 for RPK and X.509) for the modes the security enables, the
 * credential lookups of the role, connection IDs (RFC 9146, 6 bytes) when asked, and a {@link HandshakeMonitor};
 * wrapped in an {@link IdentityRoutingConnector} so that messages follow a client that moved. Handshakes and records
 * run on the transport's protocol lanes ({@link ProtocolExecutor#queuedScheduler()}) rather than on Scandium's own
 * worker pool: a decrypted request is then handled on the lane that decrypted it, and its response encrypted and sent
 * there, without another change of thread.
 */
final class DtlsConnectors {
    /** Connection ID length: 6 random bytes make collisions among a million connections negligible. */
    static final int CONNECTION_ID_LENGTH = 6;

    private DtlsConnectors() {
    }

    static Connector create(ConnectorSpec.Dtls spec, Configuration stackConfig, TransportConfig config,
            HandshakeMonitor monitor, ScheduledExecutorService executor) {
        DtlsSecurity security = spec.security();
        Configuration dtls = new Configuration(stackConfig);
        dtls.set(DtlsConfig.DTLS_ROLE, DtlsRole.SERVER_ONLY);
        dtls.set(DtlsConfig.DTLS_CONNECTION_ID_LENGTH, security.connectionId() ? CONNECTION_ID_LENGTH : null);
        // Two of the mandatory suites use CBC, which Scandium does not count among its "recommended" ones.
        dtls.set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, false);
        dtls.set(DtlsConfig.DTLS_CIPHER_SUITES, cipherSuites(security));
        dtls.set(DtlsConfig.DTLS_MAX_CONNECTIONS, config.maxActivePeers());
        pskCookieExchange(dtls, config.pskCookieExchange());
        if (config.socketBufferSize() > 0) {
            dtls.set(DtlsConfig.DTLS_RECEIVE_BUFFER_SIZE, config.socketBufferSize());
            dtls.set(DtlsConfig.DTLS_SEND_BUFFER_SIZE, config.socketBufferSize());
        }
        if (security.certificateMode()) {
            dtls.set(DtlsConfig.DTLS_CURVES, List.of(SupportedGroup.secp256r1));
            dtls.set(DtlsConfig.DTLS_SIGNATURE_AND_HASH_ALGORITHMS,
                    List.of(SignatureAndHashAlgorithm.SHA256_WITH_ECDSA));
            dtls.set(DtlsConfig.DTLS_CLIENT_AUTHENTICATION_MODE, CertificateAuthenticationMode.NEEDED);
        } else {
            dtls.set(DtlsConfig.DTLS_CLIENT_AUTHENTICATION_MODE, CertificateAuthenticationMode.NONE);
        }
        SessionDirectory sessions = new SessionDirectory(monitor);
        DtlsConnectorConfig.Builder builder = DtlsConnectorConfig.builder(dtls)
                .setAddress(spec.bindAddress())
                .setLoggingTag(spec.name())
                .setSessionListener(monitor)
                .setConnectionListener(sessions);
        if (security.pskMode()) {
            builder.setAdvancedPskStore(new LookupPskStore(security.pskKeys()));
        }
        if (security.certificateMode()) {
            builder.setCertificateIdentityProvider(ownIdentity(security.ownCredentials()));
            builder.setAdvancedCertificateVerifier(
                    new TrustVerifier(security.rawPublicKeyTrust(), security.trustAnchors()));
        }
        DTLSConnector connector = new DTLSConnector(builder.build());
        connector.setExecutor(executor);
        connector.setAlertHandler(monitor);
        return new IdentityRoutingConnector(connector, sessions);
    }

    /**
     * Scandium's switch for the cookie exchange of PSK handshakes only ({@link TransportConfig#pskCookieExchange()});
     * its replacement, DTLS_USE_HELLO_VERIFY_REQUEST, would drop the exchange for certificate handshakes too.
     */
    @SuppressWarnings("deprecation")
    private static void pskCookieExchange(Configuration dtls, boolean on) {
        dtls.set(DtlsConfig.DTLS_USE_HELLO_VERIFY_REQUEST_FOR_PSK, on);
    }

    private static List<CipherSuite> cipherSuites(DtlsSecurity security) {
        List<CipherSuite> suites = new ArrayList<>(4);
        if (security.pskMode()) {
            suites.add(CipherSuite.TLS_PSK_WITH_AES_128_CCM_8);
            suites.add(CipherSuite.TLS_PSK_WITH_AES_128_CBC_SHA256);
        }
        if (security.certificateMode()) {
            suites.add(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8);
            suites.add(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256);
        }
        return suites;
    }

    private static SingleCertificateProvider ownIdentity(OwnCredentials own) {
        if (own instanceof OwnCredentials.Certificate certificate) {
            List<X509Certificate> chain = certificate.chain();
            return new SingleCertificateProvider(certificate.privateKey(), chain.toArray(new X509Certificate[0]),
                    CertificateType.X_509, CertificateType.RAW_PUBLIC_KEY);
        }
        return new SingleCertificateProvider(own.privateKey(), own.publicKey());
    }
}
