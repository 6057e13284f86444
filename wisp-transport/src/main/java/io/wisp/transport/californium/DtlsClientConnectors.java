package io.wisp.transport.californium;

import io.wisp.transport.ConnectorSpec;
import io.wisp.transport.DtlsClientSecurity;
import io.wisp.transport.TransportConfig;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.PskPublicInformation;
import org.eclipse.californium.scandium.dtls.SignatureAndHashAlgorithm;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.cipher.XECDHECryptography.SupportedGroup;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;

/**
 * Builds Scandium's {@link DTLSConnector} for a {@link ConnectorSpec.DtlsClient}: DTLS 1.2 in the client role with
 * the two mandatory cipher suites of its one security mode (Transport TS §5.2), its own credentials, a
 * {@link ServerTrust} for RPK and X.509, connection IDs offered (RFC 9146; the client asks for the server's and takes
 * an empty one itself), SNI with the server's host name in X.509 mode (RFC 6066 §3), and handshake retransmission
 * timed like the CoAP retransmission of {@link TransportConfig} (initial timeout, count), so that a handshake with a
 * silent server gives up about when a CON request would. The connector has no thread of its own
 * ({@link MultiplexedDtlsConnector}): the transport's datagram multiplexer reads its socket and its protocol lanes run
 * its handshakes, records and timers.
 */
final class DtlsClientConnectors {

    private DtlsClientConnectors() {
    }

    static Connector create(ConnectorSpec.DtlsClient spec, Configuration stackConfig, TransportConfig config,
            HandshakeMonitor monitor, DatagramMultiplexer multiplexer, ScheduledExecutorService executor) {
        DtlsClientSecurity security = spec.security();
        Configuration dtls = new Configuration(stackConfig);
        dtls.set(DtlsConfig.DTLS_ROLE, DtlsRole.CLIENT_ONLY);
        dtls.set(DtlsConfig.DTLS_CONNECTION_ID_LENGTH, 0);
        dtls.set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, false);
        dtls.set(DtlsConfig.DTLS_MAX_CONNECTIONS, 16);
        dtls.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 0);
        dtls.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        dtls.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, config.maxRetransmit());
        dtls.set(DtlsConfig.DTLS_VERIFY_SERVER_CERTIFICATES_SUBJECT, false);
        DtlsConnectorConfig.Builder builder = DtlsConnectorConfig.builder(dtls)
                .setAddress(spec.bindAddress())
                .setLoggingTag(spec.name())
                .setSessionListener(monitor);
        String serverName = null;
        if (security instanceof DtlsClientSecurity.Psk psk) {
            dtls.set(DtlsConfig.DTLS_CIPHER_SUITES,
                    List.of(CipherSuite.TLS_PSK_WITH_AES_128_CCM_8, CipherSuite.TLS_PSK_WITH_AES_128_CBC_SHA256));
            PskPublicInformation identity = PskPublicInformation.fromByteArray(
                    psk.identity().getBytes(StandardCharsets.UTF_8));
            builder.setAdvancedPskStore(new AdvancedSinglePskStore(identity, psk.key()));
        } else {
            certificateSuites(dtls);
            if (security instanceof DtlsClientSecurity.RawPublicKey rpk) {
                builder.setCertificateIdentityProvider(
                        new SingleCertificateProvider(rpk.own().privateKey(), rpk.own().publicKey()));
                builder.setAdvancedCertificateVerifier(ServerTrust.rawPublicKey(rpk.serverKey()));
            } else {
                DtlsClientSecurity.Certificate x509 = (DtlsClientSecurity.Certificate) security;
                builder.setCertificateIdentityProvider(new SingleCertificateProvider(x509.own().privateKey(),
                        x509.own().chain().toArray(new X509Certificate[0]), CertificateType.X_509));
                builder.setAdvancedCertificateVerifier(ServerTrust.certificate(x509));
                serverName = x509.serverName();
            }
        }
        dtls.set(DtlsConfig.DTLS_USE_SERVER_NAME_INDICATION, serverName != null);
        DTLSConnector connector = new MultiplexedDtlsConnector(builder.build(), multiplexer);
        connector.setExecutor(executor);
        connector.setAlertHandler(monitor);
        return serverName == null ? connector : new ServerNameConnector(connector, serverName);
    }

    private static void certificateSuites(Configuration dtls) {
        dtls.set(DtlsConfig.DTLS_CIPHER_SUITES, List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8,
                CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256));
        dtls.set(DtlsConfig.DTLS_CURVES, List.of(SupportedGroup.secp256r1));
        dtls.set(DtlsConfig.DTLS_SIGNATURE_AND_HASH_ALGORITHMS, List.of(SignatureAndHashAlgorithm.SHA256_WITH_ECDSA));
    }

    /** Gives every outgoing message the server's host name, which Scandium sends as SNI in its ClientHello. */
    private static final class ServerNameConnector extends ForwardingConnector {
        private final String serverName;

        ServerNameConnector(Connector delegate, String serverName) {
            super(delegate);
            this.serverName = serverName;
        }

        @Override
        public void send(RawData message) {
            EndpointContext context = message.getEndpointContext();
            if (context.getVirtualHost() != null) {
                delegate().send(message);
                return;
            }
            EndpointContext named = new AddressEndpointContext(context.getPeerAddress(), serverName,
                    context.getPeerIdentity());
            delegate().send(RawData.outbound(message.getBytes(), named, new ForwardingConnector.Forward(message),
                    false));
        }
    }
}
