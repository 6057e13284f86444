package io.wisp.client.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.client.WispClient;
import io.wisp.client.testing.SecureTestClients;
import io.wisp.client.object.std.SensorObject;
import io.wisp.client.security.Credentials;
import io.wisp.client.security.RecordingEvents;
import io.wisp.core.node.Value;
import io.wisp.transport.DtlsClientSecurity.CertificateUsage;
import io.wisp.transport.testing.TestCertificates;
import io.wisp.transport.testing.TestCertificates.Issued;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.eclipse.leshan.core.ResponseCode;
import org.eclipse.leshan.core.node.LwM2mSingleResource;
import org.eclipse.leshan.core.observation.Observation;
import org.eclipse.leshan.core.request.ContentFormat;
import org.eclipse.leshan.core.request.ObserveRequest;
import org.eclipse.leshan.core.request.ReadRequest;
import org.eclipse.leshan.core.response.ObserveResponse;
import org.eclipse.leshan.core.response.ReadResponse;
import org.eclipse.leshan.server.security.SecurityInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Wisp client registering over DTLS with the Leshan server (2.0.0-M15, a peer we did not write), real sockets on
 * 127.0.0.1: PSK, RPK and X.509 (ETS int-401, int-402), each followed by a Read and a notification Leshan decodes; a
 * wrong PSK key and a server raw public key other than the expected one are refused and reported by the client while
 * a PSK bystander stays registered and readable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WispClientDtlsLeshanServerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String BYSTANDER = "leshan-dtls-bystander";

    private final SecureTestClients clients = new SecureTestClients();
    private Issued ca;
    private Issued serverCertificate;
    private LeshanServerPeer leshan;
    private WispClient bystander;

    @BeforeAll
    void start() throws Exception {
        ca = TestCertificates.certificateAuthority("Leshan test CA");
        serverCertificate = TestCertificates.leaf("localhost", ca);
        leshan = new LeshanServerPeer(Duration.ofSeconds(93), new LeshanServerPeer.Secure(
                serverCertificate.keys().getPrivate(), new X509Certificate[] {serverCertificate.certificate()},
                new X509Certificate[] {ca.certificate()}));
        leshan.securityStore().add(SecurityInfo.newPreSharedKeyInfo(BYSTANDER, "bystander-id",
                bytes("bystander-key-16")));
        bystander = clients.startKept(BYSTANDER, coaps("127.0.0.1"),
                Credentials.psk("bystander-id", bytes("bystander-key-16")), new RecordingEvents());
        await().atMost(TIMEOUT).until(() -> leshan.registration(BYSTANDER) != null);
    }

    @AfterAll
    void stop() {
        bystander.close();
        leshan.close();
    }

    @AfterEach
    void stopClients() {
        clients.closeAll();
    }

    private URI coaps(String host) {
        return URI.create("coaps://" + host + ":" + leshan.secureAddress().getPort());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void assertRegisteredReadAndNotify(String endpoint, WispClient client) {
        await().atMost(TIMEOUT).until(() -> leshan.registration(endpoint) != null);
        assertThat(leshan.registration(endpoint).getClientTransportData().getIdentity().toString())
                .as("Leshan saw the client over DTLS").isNotNull();
        ReadResponse read = leshan.send(endpoint, new ReadRequest(ContentFormat.TEXT, "/3/0/0"));
        assertThat(read.getCode()).as(read.getErrorMessage()).isEqualTo(ResponseCode.CONTENT);
        ObserveResponse observe = leshan.send(endpoint, new ObserveRequest(ContentFormat.TEXT, "/3303/0/5700"));
        assertThat(observe.getCode()).as(observe.getErrorMessage()).isEqualTo(ResponseCode.CONTENT);
        Observation o = observe.getObservation();
        await().atMost(TIMEOUT).until(() -> client.observationCount() == 1);
        ((SensorObject) client.objects().find(3303)).set(0, SensorObject.SENSOR_VALUE, Value.of(21.5));
        await().atMost(TIMEOUT).until(() -> leshan.notificationsOf(o).stream().anyMatch(n -> ((ObserveResponse) n
                .response()).getContent() instanceof LwM2mSingleResource r && Double.valueOf(21.5).equals(
                r.getValue())));
    }

    private void assertRefused(WispClient client, RecordingEvents events, String endpoint, String reason) {
        await().atMost(TIMEOUT).until(() -> !events.failures.isEmpty());
        assertThat(events.failures.get(0)).startsWith("Register: ").contains("DTLS handshake").contains(reason);
        assertThat(client.isRegistered()).isFalse();
        assertThat(leshan.registration(endpoint)).isNull();
        assertThat(leshan.send(BYSTANDER, new ReadRequest(ContentFormat.TEXT, "/3/0/0")).getCode())
                .as("the bystander is unaffected").isEqualTo(ResponseCode.CONTENT);
    }

    @Test
    void int_401_udp_dtls_psk() throws Exception {
        leshan.securityStore().add(SecurityInfo.newPreSharedKeyInfo("ls-401", "ls-401-id",
                bytes("0123456789abcdef")));
        WispClient client = clients.start("ls-401", coaps("127.0.0.1"), Credentials.psk("ls-401-id",
                bytes("0123456789abcdef")), new RecordingEvents());

        assertRegisteredReadAndNotify("ls-401", client);
        assertThat(leshan.registration("ls-401").getClientTransportData().getIdentity().toString())
                .contains("ls-401-id");
    }

    @Test
    void udp_dtls_raw_public_key() throws Exception {
        KeyPair keys = TestCertificates.ecKeyPair();
        leshan.securityStore().add(SecurityInfo.newRawPublicKeyInfo("ls-rpk", keys.getPublic()));
        WispClient client = clients.start("ls-rpk", coaps("127.0.0.1"), Credentials.rpk(keys.getPrivate(),
                keys.getPublic(), serverCertificate.keys().getPublic()), new RecordingEvents());

        assertRegisteredReadAndNotify("ls-rpk", client);
    }

    @Test
    void int_402_udp_dtls_certificate() throws Exception {
        Issued device = TestCertificates.leaf("ls-402", ca);
        leshan.securityStore().add(SecurityInfo.newX509CertInfo("ls-402"));
        WispClient client = clients.start("ls-402", coaps("localhost"), Credentials.x509(device.keys().getPrivate(),
                device.certificate(), serverCertificate.certificate(), CertificateUsage.DOMAIN_ISSUED_CERTIFICATE),
                new RecordingEvents());

        assertRegisteredReadAndNotify("ls-402", client);
    }

    @Test
    void wrong_psk_key_is_refused() throws Exception {
        leshan.securityStore().add(SecurityInfo.newPreSharedKeyInfo("ls-wrong", "ls-wrong-id",
                bytes("0123456789abcdef")));
        RecordingEvents events = new RecordingEvents();
        WispClient client = clients.start("ls-wrong", coaps("127.0.0.1"), Credentials.psk("ls-wrong-id",
                bytes("fedcba9876543210")), events);

        assertRefused(client, events, "ls-wrong", "DTLS handshake");
    }

    @Test
    void server_raw_public_key_mismatch_is_refused() throws Exception {
        KeyPair keys = TestCertificates.ecKeyPair();
        leshan.securityStore().add(SecurityInfo.newRawPublicKeyInfo("ls-rpk-bad", keys.getPublic()));
        RecordingEvents events = new RecordingEvents();
        WispClient client = clients.start("ls-rpk-bad", coaps("127.0.0.1"), Credentials.rpk(keys.getPrivate(),
                keys.getPublic(), TestCertificates.ecKeyPair().getPublic()), events);

        assertRefused(client, events, "ls-rpk-bad", "UNTRUSTED_PUBLIC_KEY");
    }
}
