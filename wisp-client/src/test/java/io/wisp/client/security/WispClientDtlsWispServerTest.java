package io.wisp.client.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.client.WispClient;
import io.wisp.client.testing.SecureTestClients;
import io.wisp.client.object.std.SensorObject;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ObserveRequest;
import io.wisp.core.operation.ObserveResponse;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ReadResponse;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.WispServer;
import io.wisp.server.observation.ObservationNotification;
import io.wisp.server.registration.Registration;
import io.wisp.transport.security.SecurityInfo;
import io.wisp.transport.DtlsClientSecurity.CertificateUsage;
import io.wisp.transport.PeerIdentity;
import io.wisp.transport.testing.TestCertificates;
import io.wisp.transport.testing.TestCertificates.Issued;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Wisp client registering over DTLS with the Wisp server, real sockets on 127.0.0.1 (Transport TS §5.2): in PSK,
 * RPK and X.509 mode it registers on the secure connector under its DTLS identity, answers a Read and sends a
 * notification (ETS int-401, int-402). Wrong credentials on either side — a wrong PSK key, an unknown identity, a
 * server certificate from an untrusted CA or for another host name (int-403), a server raw public key other than the
 * expected one — are refused: the client reports the failure with its reason and stays unregistered, while a PSK
 * bystander on the same server stays registered and readable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WispClientDtlsWispServerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String BYSTANDER = "dtls-bystander";

    private final List<ObservationNotification> notifications = new CopyOnWriteArrayList<>();
    private final SecureTestClients clients = new SecureTestClients();
    private Issued ca;
    private Issued serverCertificate;
    private WispServer server;
    private WispClient bystander;

    @BeforeAll
    void start() {
        ca = TestCertificates.certificateAuthority("Wisp test CA");
        serverCertificate = TestCertificates.leaf("localhost", ca);
        server = WispServer.builder().bindAddress(LOOPBACK).port(0).securePort(0).models(ModelRegistry.bundled())
                .serverCredentials(serverCertificate.credentials())
                .trustedCertificates(List.of(ca.certificate()))
                .build();
        server.addObservationListener(notifications::add);
        server.start();
        server.securityStore().add(SecurityInfo.psk(BYSTANDER, "bystander-id", bytes("bystander-key-16")));
        bystander = clients.startKept(BYSTANDER, coaps("127.0.0.1"),
                Credentials.psk("bystander-id", bytes("bystander-key-16")), new RecordingEvents());
        await().atMost(TIMEOUT).until(bystander::isRegistered);
    }

    @AfterAll
    void stop() {
        bystander.close();
        server.close();
    }

    @AfterEach
    void stopClients() {
        clients.closeAll();
    }

    private URI coaps(String host) {
        return URI.create("coaps://" + host + ":" + server.secureAddress().getPort());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Registration registered(String endpoint) {
        await().atMost(TIMEOUT).until(() -> server.registrations().byEndpoint(endpoint).isPresent());
        return server.registrations().byEndpoint(endpoint).orElseThrow();
    }

    /** Register went over the secure connector; a Read and a notification come back over it. */
    private void assertReadAndNotify(String endpoint, WispClient client) {
        ReadResponse read = server.sendAndWait(endpoint, ReadRequest.of("/3/0/0", ContentFormat.TEXT), TIMEOUT);
        assertThat(read.code()).isEqualTo(ResponseCode.CONTENT);
        ObserveResponse observe = server.sendAndWait(endpoint, ObserveRequest.of("/3303/0/5700", ContentFormat.TEXT),
                TIMEOUT);
        assertThat(observe.code()).isEqualTo(ResponseCode.CONTENT);
        await().atMost(TIMEOUT).until(() -> client.observationCount() == 1);
        SensorObject sensor = (SensorObject) client.objects().find(3303);
        sensor.set(0, SensorObject.SENSOR_VALUE, Value.of(42.5));
        await().atMost(TIMEOUT).until(() -> notifications.stream().anyMatch(n -> n.registration().endpoint()
                .equals(endpoint) && n.content().get(LwM2mPath.parse("/3303/0/5700")) instanceof SingleResource r
                && r.value().equals(Value.of(42.5))));
    }

    private void assertRefused(WispClient client, RecordingEvents events, String endpoint, String reason) {
        await().atMost(TIMEOUT).until(() -> !events.failures.isEmpty());
        assertThat(events.failures.get(0)).startsWith("Register: ").contains("DTLS handshake").contains(reason);
        assertThat(client.isRegistered()).isFalse();
        assertThat(server.registrations().byEndpoint(endpoint)).isEmpty();
        assertThat(server.sendAndWait(BYSTANDER, ReadRequest.of("/3/0/0", ContentFormat.TEXT), TIMEOUT).code())
                .as("the bystander is unaffected").isEqualTo(ResponseCode.CONTENT);
    }

    @Test
    void int_401_udp_dtls_psk() {
        server.securityStore().add(SecurityInfo.psk("ep-401", "ep-401-id", bytes("0123456789abcdef")));
        WispClient client = clients.start("ep-401", coaps("127.0.0.1"), Credentials.psk("ep-401-id",
                bytes("0123456789abcdef")), new RecordingEvents());

        Registration r = registered("ep-401");

        assertThat(r.peer().connector()).isEqualTo(WispServer.COAPS);
        assertThat(r.identity()).isEqualTo(PeerIdentity.psk("ep-401-id"));
        assertReadAndNotify("ep-401", client);
    }

    @Test
    void udp_dtls_raw_public_key() {
        KeyPair keys = TestCertificates.ecKeyPair();
        server.securityStore().add(SecurityInfo.rpk("ep-rpk", keys.getPublic()));
        WispClient client = clients.start("ep-rpk", coaps("127.0.0.1"), Credentials.rpk(keys.getPrivate(),
                keys.getPublic(), serverCertificate.keys().getPublic()), new RecordingEvents());

        Registration r = registered("ep-rpk");

        assertThat(r.identity()).isEqualTo(PeerIdentity.rpk(keys.getPublic()));
        assertReadAndNotify("ep-rpk", client);
    }

    @Test
    void int_402_udp_dtls_certificate() {
        Issued device = TestCertificates.leaf("ep-402", ca);
        server.securityStore().add(SecurityInfo.x509("ep-402"));
        WispClient client = clients.start("ep-402", coaps("localhost"), Credentials.x509(device.keys().getPrivate(),
                device.certificate(), ca.certificate(), CertificateUsage.TRUST_ANCHOR_ASSERTION),
                new RecordingEvents());

        Registration r = registered("ep-402");

        assertThat(r.identity()).isEqualTo(PeerIdentity.x509("ep-402"));
        assertReadAndNotify("ep-402", client);
    }

    @Test
    void wrong_psk_key_is_refused() {
        server.securityStore().add(SecurityInfo.psk("ep-wrong-key", "ep-wrong-key-id", bytes("0123456789abcdef")));
        RecordingEvents events = new RecordingEvents();
        WispClient client = clients.start("ep-wrong-key", coaps("127.0.0.1"), Credentials.psk("ep-wrong-key-id",
                bytes("fedcba9876543210")), events);

        assertRefused(client, events, "ep-wrong-key", "TIMEOUT");
    }

    @Test
    void unknown_psk_identity_is_refused() {
        RecordingEvents events = new RecordingEvents();
        WispClient client = clients.start("ep-unknown", coaps("127.0.0.1"), Credentials.psk("nobody-knows-me",
                bytes("0123456789abcdef")), events);

        assertRefused(client, events, "ep-unknown", "TIMEOUT");
    }

    @Test
    void untrusted_server_certificate_is_refused() {
        Issued device = TestCertificates.leaf("ep-untrusted", ca);
        server.securityStore().add(SecurityInfo.x509("ep-untrusted"));
        Issued otherCa = TestCertificates.certificateAuthority("Other CA");
        RecordingEvents events = new RecordingEvents();
        WispClient client = clients.start("ep-untrusted", coaps("localhost"),
                Credentials.x509(device.keys().getPrivate(), device.certificate(), otherCa.certificate(),
                        CertificateUsage.TRUST_ANCHOR_ASSERTION), events);

        assertRefused(client, events, "ep-untrusted", "UNTRUSTED_CERTIFICATE");
    }

    @Test
    void int_403_certificate_server_identity_failure() {
        Issued elsewhere = TestCertificates.leaf("server-fail.example.com", ca);
        try (WispServer other = WispServer.builder().bindAddress(LOOPBACK).port(0).securePort(0)
                .models(ModelRegistry.bundled())
                .serverCredentials(elsewhere.credentials())
                .trustedCertificates(List.of(ca.certificate())).build()) {
            other.start();
            Issued device = TestCertificates.leaf("ep-403", ca);
            other.securityStore().add(SecurityInfo.x509("ep-403"));
            RecordingEvents events = new RecordingEvents();
            // the URI names localhost, the server's certificate only server-fail.example.com
            WispClient client = clients.start("ep-403",
                    URI.create("coaps://localhost:" + other.secureAddress().getPort()),
                    Credentials.x509(device.keys().getPrivate(), device.certificate(), ca.certificate(),
                            CertificateUsage.TRUST_ANCHOR_ASSERTION), events);

            await().atMost(TIMEOUT).until(() -> !events.failures.isEmpty());
            assertThat(events.failures.get(0)).contains("UNTRUSTED_CERTIFICATE").contains("localhost");
            assertThat(client.isRegistered()).isFalse();
            assertThat(other.registrations().byEndpoint("ep-403")).isEmpty();
        }
    }

    @Test
    void server_raw_public_key_mismatch_is_refused() {
        KeyPair keys = TestCertificates.ecKeyPair();
        server.securityStore().add(SecurityInfo.rpk("ep-rpk-mismatch", keys.getPublic()));
        RecordingEvents events = new RecordingEvents();
        WispClient client = clients.start("ep-rpk-mismatch", coaps("127.0.0.1"), Credentials.rpk(keys.getPrivate(),
                keys.getPublic(), TestCertificates.ecKeyPair().getPublic()), events);

        assertRefused(client, events, "ep-rpk-mismatch", "UNTRUSTED_PUBLIC_KEY");
    }
}
