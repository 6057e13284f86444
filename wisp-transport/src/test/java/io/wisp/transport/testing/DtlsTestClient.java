package io.wisp.transport.testing;

import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.auth.RawPublicKeyIdentity;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;
import org.eclipse.californium.scandium.dtls.x509.StaticNewAdvancedCertificateVerifier;

/**
 * A DTLS client on 127.0.0.1 built directly on Scandium and Californium (not on the code under test): it starts
 * handshakes with PSK, RPK or X.509 credentials, sends requests, and serves resources so that the server under test
 * can send it downlinks and observe it. It supports connection IDs (RFC 9146) without asking for one of its own, as a
 * constrained device would.
 */
public final class DtlsTestClient implements AutoCloseable {
    private final CoapServer server;
    private final CoapEndpoint endpoint;

    private DtlsTestClient(DtlsConnectorConfig.Builder dtls) {
        Configuration config = dtls.getIncompleteConfig().getConfiguration();
        endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                .setConnector(new DTLSConnector(dtls.build())).build();
        server = new CoapServer(config);
        server.addEndpoint(endpoint);
        server.start();
    }

    private static DtlsConnectorConfig.Builder base() {
        Configuration config = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS, DtlsConfig.DEFINITIONS);
        config.set(DtlsConfig.DTLS_ROLE, DtlsRole.CLIENT_ONLY);
        config.set(DtlsConfig.DTLS_CONNECTION_ID_LENGTH, 0);
        config.set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, false);
        config.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 2);
        config.set(CoapConfig.MAX_RETRANSMIT, 2);
        return DtlsConnectorConfig.builder(config).setAddress(new InetSocketAddress("127.0.0.1", 0));
    }

    /** A client with a PSK identity and key. */
    public static DtlsTestClient psk(String identity, byte[] key) {
        return new DtlsTestClient(base().setAdvancedPskStore(new AdvancedSinglePskStore(identity, key)));
    }

    /** A client with a raw public key pair that trusts only {@code serverKey}. */
    public static DtlsTestClient rpk(KeyPair own, PublicKey serverKey) {
        DtlsConnectorConfig.Builder b = base()
                .setCertificateIdentityProvider(new SingleCertificateProvider(own.getPrivate(), own.getPublic()))
                .setAdvancedCertificateVerifier(StaticNewAdvancedCertificateVerifier.builder()
                        .setTrustedRPKs(new RawPublicKeyIdentity(serverKey)).build());
        return new DtlsTestClient(b);
    }

    /** A client with an X.509 chain that trusts server certificates issued under {@code serverTrust}. */
    public static DtlsTestClient x509(KeyPair own, List<X509Certificate> chain, X509Certificate serverTrust) {
        DtlsConnectorConfig.Builder b = base()
                .setCertificateIdentityProvider(new SingleCertificateProvider(own.getPrivate(),
                        chain.toArray(new X509Certificate[0]), CertificateType.X_509))
                .setAdvancedCertificateVerifier(StaticNewAdvancedCertificateVerifier.builder()
                        .setTrustedCertificates(serverTrust).build());
        b.set(DtlsConfig.DTLS_VERIFY_SERVER_CERTIFICATES_SUBJECT, false);
        return new DtlsTestClient(b);
    }

    /** Serves {@code resource} to the server under test. */
    public DtlsTestClient serve(CoapResource resource) {
        server.add(resource);
        return this;
    }

    public InetSocketAddress address() {
        return endpoint.getAddress();
    }

    /** Sends the request to {@code target} (handshaking first when needed) without waiting. */
    public Request sendAsync(InetSocketAddress target, Request request) {
        request.setDestinationContext(new AddressEndpointContext(target));
        endpoint.sendRequest(request);
        return request;
    }

    /** Sends the request to {@code target} and waits up to 10 s for the response (null when none came). */
    public Response send(InetSocketAddress target, Request request) {
        sendAsync(target, request);
        try {
            return request.waitForResponse(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.destroy();
    }
}
