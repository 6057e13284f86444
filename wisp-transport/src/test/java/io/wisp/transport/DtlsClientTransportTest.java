package io.wisp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wisp.transport.DtlsClientSecurity.CertificateUsage;
import io.wisp.transport.HandshakeFailures.Reason;
import io.wisp.transport.testing.Closer;
import io.wisp.transport.testing.TestCertificates.Issued;
import io.wisp.transport.testing.TestCertificates;
import io.wisp.transport.testing.TestServerSecurity;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client-role DTLS connector over real sockets on 127.0.0.1 against the server-role connector: a handshake in
 * each security mode, the server's checks of the client's credentials and the client's checks of the server's, each
 * refusal reported to the caller as a typed {@link DownlinkException}, and connectors added and removed at run time.
 */
class DtlsClientTransportTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final byte[] KEY = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** Handshake retransmission of 200 ms, twice: a silent server is given up on after about 1.4 s. */
    private static final TransportConfig QUICK = TransportConfig.client().toBuilder()
            .ackTimeout(Duration.ofMillis(200)).maxRetransmit(2).build();

    private final Closer closer = new Closer();
    private TestServerSecurity serverSecurity;
    private Issued ca;
    private Issued serverCertificate;
    private CoapTransport server;
    private CoapTransport client;

    @BeforeEach
    void start() {
        serverSecurity = TestServerSecurity.issue("localhost").putPsk("dev-psk", KEY);
        ca = serverSecurity.ca();
        serverCertificate = serverSecurity.certificate();
        server = closer.closeLater(CoapTransport.builder()
                .dtls("coaps", LOOPBACK, serverSecurity.security())
                .route("echo", request -> UplinkResponse.content(CoapCode.CONTENT, 0,
                        String.valueOf(request.peer().identity()).getBytes(StandardCharsets.UTF_8)))
                .build());
        server.start();
        client = closer.closeLater(CoapTransport.builder().udp("coap", LOOPBACK).config(QUICK).build());
        client.start();
    }

    @AfterEach
    void closeAll() throws Exception {
        closer.closeAll();
    }

    private DownlinkResponse echo(String connector) {
        Peer peer = Peer.unsecured(connector, server.localAddress("coaps"));
        return client.downlinks().send(peer, DownlinkRequest.of(CoapMethod.GET, List.of("echo")), TIMEOUT)
                .orTimeout(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS).join();
    }

    private DownlinkException echoFails(String connector) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> echo(connector));
        assertThat(thrown).isInstanceOf(CompletionException.class).hasCauseInstanceOf(DownlinkException.class);
        return (DownlinkException) thrown.getCause();
    }

    private void connect(String name, DtlsClientSecurity security) {
        client.addConnector(new ConnectorSpec.DtlsClient(name, LOOPBACK, security));
    }

    private DtlsClientSecurity.Certificate x509(Issued device, X509Usage usage) {
        return new DtlsClientSecurity.Certificate(
                OwnCredentials.Certificate.class.cast(device.credentials()), usage.given, usage.usage, usage.trustStore, usage.serverName);
    }

    /** What a test hands to {@link #x509}. */
    private record X509Usage(java.security.cert.X509Certificate given, CertificateUsage usage,
            List<java.security.cert.X509Certificate> trustStore, String serverName) {
    }

    @Test
    void int_401_udp_dtls_psk_client_handshakes_with_its_identity() {
        connect("coaps-1", DtlsClientSecurity.psk("dev-psk", KEY));

        DownlinkResponse response = echo("coaps-1");

        assertThat(response.code()).isEqualTo(CoapCode.CONTENT);
        assertThat(response.payloadAsString()).isEqualTo("psk:dev-psk");
        assertThat(client.handshakeFailures("coaps-1").total()).isZero();
    }

    @Test
    void rpk_client_handshakes_when_the_server_presents_the_expected_key() {
        KeyPair keys = TestCertificates.ecKeyPair();
        serverSecurity.trustRawPublicKey(keys.getPublic());
        connect("coaps-1", DtlsClientSecurity.rawPublicKey(
                (OwnCredentials.RawPublicKey) OwnCredentials.rawPublicKey(keys.getPrivate(), keys.getPublic()),
                serverCertificate.keys().getPublic()));

        DownlinkResponse response = echo("coaps-1");

        assertThat(response.code()).isEqualTo(CoapCode.CONTENT);
        assertThat(response.payloadAsString()).isEqualTo("rpk:" + PeerIdentity.rpk(keys.getPublic()).name());
    }

    @Test
    void rpk_client_refuses_a_server_with_another_key_and_says_why() {
        KeyPair keys = TestCertificates.ecKeyPair();
        serverSecurity.trustRawPublicKey(keys.getPublic());
        connect("coaps-1", DtlsClientSecurity.rawPublicKey(
                (OwnCredentials.RawPublicKey) OwnCredentials.rawPublicKey(keys.getPrivate(), keys.getPublic()),
                TestCertificates.ecKeyPair().getPublic()));

        DownlinkException failure = echoFails("coaps-1");

        assertThat(failure.reason()).isEqualTo(DownlinkException.Reason.HANDSHAKE_FAILED);
        assertThat(failure.handshakeFailure()).contains(Reason.UNTRUSTED_PUBLIC_KEY);
        assertThat(failure.getMessage()).contains("not the expected");
        // counted by the connector's session listener, which may run just after the caller heard of the failure
        await().atMost(TIMEOUT).until(() -> client.handshakeFailures("coaps-1").count(Reason.UNTRUSTED_PUBLIC_KEY)
                == 1);
    }

    @Test
    void int_402_x509_client_trusting_the_ca_handshakes_and_is_named_by_its_cn() {
        Issued device = TestCertificates.leaf("dev-x509", ca);
        connect("coaps-1", x509(device, new X509Usage(ca.certificate(), CertificateUsage.TRUST_ANCHOR_ASSERTION,
                List.of(), "localhost")));

        DownlinkResponse response = echo("coaps-1");

        assertThat(response.code()).isEqualTo(CoapCode.CONTENT);
        assertThat(response.payloadAsString()).isEqualTo("x509:dev-x509");
    }

    @Test
    void x509_client_with_the_domain_issued_server_certificate_handshakes() {
        Issued device = TestCertificates.leaf("dev-x509", ca);
        connect("coaps-1", x509(device, new X509Usage(serverCertificate.certificate(),
                CertificateUsage.DOMAIN_ISSUED_CERTIFICATE, List.of(), null)));

        assertThat(echo("coaps-1").code()).isEqualTo(CoapCode.CONTENT);
    }

    @Test
    void x509_client_refuses_a_server_certificate_from_an_untrusted_ca() {
        Issued device = TestCertificates.leaf("dev-x509", ca);
        Issued otherCa = TestCertificates.certificateAuthority("Other CA");
        connect("coaps-1", x509(device, new X509Usage(otherCa.certificate(),
                CertificateUsage.TRUST_ANCHOR_ASSERTION, List.of(), null)));

        DownlinkException failure = echoFails("coaps-1");

        assertThat(failure.handshakeFailure()).contains(Reason.UNTRUSTED_CERTIFICATE);
    }

    @Test
    void x509_client_refuses_a_server_certificate_that_is_not_the_given_one() {
        Issued device = TestCertificates.leaf("dev-x509", ca);
        Issued impostor = TestCertificates.leaf("localhost", ca);
        connect("coaps-1", x509(device, new X509Usage(impostor.certificate(),
                CertificateUsage.DOMAIN_ISSUED_CERTIFICATE, List.of(), null)));

        assertThat(echoFails("coaps-1").handshakeFailure()).contains(Reason.UNTRUSTED_CERTIFICATE);
    }

    @Test
    void int_403_certificate_server_identity_failure() {
        Issued device = TestCertificates.leaf("dev-x509", ca);
        connect("coaps-1", x509(device, new X509Usage(ca.certificate(), CertificateUsage.TRUST_ANCHOR_ASSERTION,
                List.of(), "server-fail.example.com")));

        DownlinkException failure = echoFails("coaps-1");

        assertThat(failure.handshakeFailure()).contains(Reason.UNTRUSTED_CERTIFICATE);
        assertThat(failure.getMessage()).contains("server-fail.example.com");
    }

    @Test
    void wrong_psk_key_fails_the_handshake_without_waiting_for_the_request_timeout() {
        connect("coaps-1", DtlsClientSecurity.psk("dev-psk", "another key 1234".getBytes(StandardCharsets.UTF_8)));
        long start = System.nanoTime();

        DownlinkException failure = echoFails("coaps-1");

        assertThat(failure.reason()).isEqualTo(DownlinkException.Reason.HANDSHAKE_FAILED);
        assertThat(failure.handshakeFailure()).contains(Reason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);
        await().atMost(TIMEOUT).until(() -> server.handshakeFailures("coaps").count(Reason.BAD_KEY) == 1);
    }

    @Test
    void unknown_psk_identity_fails_the_handshake_and_another_client_is_unaffected() {
        connect("coaps-bad", DtlsClientSecurity.psk("nobody", KEY));
        connect("coaps-good", DtlsClientSecurity.psk("dev-psk", KEY));

        assertThat(echoFails("coaps-bad").reason()).isEqualTo(DownlinkException.Reason.HANDSHAKE_FAILED);
        assertThat(echo("coaps-good").payloadAsString()).isEqualTo("psk:dev-psk");
        await().atMost(TIMEOUT).until(() -> server.handshakeFailures("coaps").count(Reason.UNKNOWN_PSK_IDENTITY)
                == 1);
    }

    @Test
    void a_removed_connector_is_gone_and_its_name_can_be_used_again() {
        connect("coaps-1", DtlsClientSecurity.psk("nobody", KEY));
        assertThat(client.connectors()).contains("coaps-1");

        assertThat(client.removeConnector("coaps-1")).isTrue();

        assertThat(client.connectors()).doesNotContain("coaps-1");
        assertThat(echoFails("coaps-1").reason()).isEqualTo(DownlinkException.Reason.NO_CONNECTOR);
        connect("coaps-1", DtlsClientSecurity.psk("dev-psk", KEY));
        assertThat(echo("coaps-1").payloadAsString()).isEqualTo("psk:dev-psk");
        assertThat(client.removeConnector("nothing")).isFalse();
    }

    @Test
    void credentials_are_validated_and_never_printed() {
        DtlsClientSecurity psk = DtlsClientSecurity.psk("dev", new byte[] {0x41, 0x42, 0x43, 0x44});
        assertThat(psk.toString()).contains("dev").doesNotContain("ABCD").doesNotContain("65");
        assertThatThrownBy(() -> DtlsClientSecurity.psk("dev", new byte[65])).hasMessageContaining("key");
        assertThatThrownBy(() -> DtlsClientSecurity.psk("x".repeat(129), KEY)).hasMessageContaining("identity");
        assertThatThrownBy(() -> client.addConnector(new ConnectorSpec.DtlsClient("coap", LOOPBACK, psk)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
