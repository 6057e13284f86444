package io.wisp.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.Observation;
import io.wisp.core.operation.ObserveRequest;
import io.wisp.core.operation.ObserveResponse;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ReadResponse;
import io.wisp.core.operation.ResponseCode;
import io.wisp.server.WispServer;
import io.wisp.server.registration.Registration;
import io.wisp.server.testing.LeshanDevice;
import io.wisp.server.testing.LeshanExtras;
import io.wisp.server.testing.RecordingReports;
import io.wisp.server.testing.ReportingObjects;
import io.wisp.transport.HandshakeFailures.Reason;
import io.wisp.transport.PeerIdentity;
import io.wisp.transport.security.SecurityInfo;
import io.wisp.transport.testing.NatRelay;
import io.wisp.transport.testing.TestCertificates.Issued;
import io.wisp.transport.testing.TestCertificates;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.leshan.client.object.Security;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DTLS security of the Wisp server (Transport TS §5.2, Core TS §6.2.1) against the Leshan client over real sockets on
 * 127.0.0.1: Register, Read and Observe in PSK, RPK and X.509 mode (ETS int-401, int-402), and the refusals — wrong
 * key, unknown identity, untrusted or expired certificate in the handshake; valid credentials of another endpoint and
 * NoSec for a secured endpoint at Register (4.03). Throughout, a NoSec bystander registered over plain CoAP keeps
 * answering, and a refused client leaves no registration behind. A PSK client behind a NAT that moves it to a new port
 * keeps its observation and its downlinks through the DTLS connection ID (RFC 9146), without re-registering.
 *
 * <p>Keys and certificates are made at run time ({@link TestCertificates}: JDK key pairs, a small CA and its leaves).
 */
class LeshanClientSecurityTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BYSTANDER = "plain-bystander";

    private static final RecordingReports reports = new RecordingReports();
    private static Issued ca;
    private static Issued serverCertificate;
    private static WispServer server;
    private static LeshanDevice bystander;

    private final List<LeshanDevice> devices = new ArrayList<>();
    private final List<NatRelay> nats = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        ca = TestCertificates.certificateAuthority("Wisp test CA");
        serverCertificate = TestCertificates.leaf("wisp-server", ca);
        server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0).securePort(0)
                .models(ModelRegistry.bundled())
                .serverCredentials(serverCertificate.credentials())
                .trustedCertificates(List.of(ca.certificate()))
                .build();
        server.addObservationListener(reports);
        server.start();
        bystander = LeshanDevice.start(BYSTANDER, server.localAddress(), 300);
        waiting().until(() -> server.registrations().byEndpoint(BYSTANDER).isPresent());
    }

    @AfterAll
    static void stopServer() {
        bystander.close();
        server.close();
    }

    @AfterEach
    void stopDevices() {
        devices.forEach(LeshanDevice::close);
        nats.forEach(NatRelay::close);
    }

    private static ConditionFactory waiting() {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20));
    }

    private String coaps() {
        return "coaps://127.0.0.1:" + server.secureAddress().getPort();
    }

    private LeshanDevice start(String endpoint, Security security, LeshanExtras extras) {
        LeshanDevice device = LeshanDevice.start(endpoint, security, 300, extras);
        devices.add(device);
        return device;
    }

    private Registration registered(String endpoint) {
        waiting().until(() -> server.registrations().byEndpoint(endpoint).isPresent());
        return server.registrations().byEndpoint(endpoint).orElseThrow();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        return key;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // --- positive: Register, Read, Observe in each mode ---

    @Test
    void int_401_udp_dtls_psk_register_read_and_observe() {
        byte[] key = randomKey();
        server.securityStore().add(SecurityInfo.psk("ets-401-psk", "ets-401-identity", key));
        ReportingObjects objects = new ReportingObjects();
        start("ets-401-psk", Security.psk(coaps(), LeshanDevice.SHORT_SERVER_ID, bytes("ets-401-identity"), key),
                objects.extras());

        Registration r = registered("ets-401-psk");

        assertThat(r.peer().connector()).isEqualTo(WispServer.COAPS);
        assertThat(r.identity()).isEqualTo(PeerIdentity.psk("ets-401-identity"));
        assertReadAndObserve(r, objects);
    }

    @Test
    void int_101_initial_registration_rpk_then_read_and_observe() {
        KeyPair keys = TestCertificates.ecKeyPair();
        server.securityStore().add(SecurityInfo.rpk("ets-101-rpk", keys.getPublic()));
        ReportingObjects objects = new ReportingObjects();
        start("ets-101-rpk", Security.rpk(coaps(), LeshanDevice.SHORT_SERVER_ID, keys.getPublic().getEncoded(),
                keys.getPrivate().getEncoded(), serverCertificate.keys().getPublic().getEncoded()), objects.extras());

        Registration r = registered("ets-101-rpk");

        assertThat(r.identity()).isEqualTo(PeerIdentity.rpk(keys.getPublic()));
        assertReadAndObserve(r, objects);
    }

    @Test
    void int_402_udp_dtls_certificate_register_read_and_observe() throws Exception {
        Issued device = TestCertificates.leaf("ets-402-x509", ca);
        server.securityStore().add(SecurityInfo.x509("ets-402-x509"));
        ReportingObjects objects = new ReportingObjects();
        start("ets-402-x509", x509(device), objects.extras());

        Registration r = registered("ets-402-x509");

        assertThat(r.identity()).isEqualTo(PeerIdentity.x509("ets-402-x509"));
        assertReadAndObserve(r, objects);
    }

    @Test
    void int_402_a_certificate_whose_cn_is_mapped_registers_as_the_mapped_endpoint() throws Exception {
        Issued device = TestCertificates.leaf("serial-0042", ca);
        server.securityStore().add(SecurityInfo.x509("ets-402-mapped", "serial-0042"));
        start("ets-402-mapped", x509(device), LeshanExtras.NONE);

        assertThat(registered("ets-402-mapped").identity()).isEqualTo(PeerIdentity.x509("serial-0042"));
    }

    private Security x509(Issued device) throws Exception {
        return Security.x509(coaps(), LeshanDevice.SHORT_SERVER_ID, device.certificate().getEncoded(),
                device.keys().getPrivate().getEncoded(), serverCertificate.certificate().getEncoded());
    }

    private static void assertReadAndObserve(Registration r, ReportingObjects objects) {
        ReadResponse read = server.sendAndWait(r, ReadRequest.of("/3/0"), TIMEOUT);
        assertThat(read.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(((ObjectInstance) read.content()).resource(0)).isEqualTo(SingleResource.of(0, Value.of("Wisp tests")));

        ObserveResponse observed = server.sendAndWait(r, ObserveRequest.of("/3/0/9"), TIMEOUT);
        assertThat(observed.code()).isEqualTo(ResponseCode.CONTENT);
        Observation observation = observed.activeObservation().orElseThrow();
        objects.device.set(9, 42L);
        waiting().until(() -> reports.of(observation).stream()
                .anyMatch(n -> n.node().equals(SingleResource.of(9, Value.of(42L)))));
        assertThat(reports.of(observation).get(0).registration().identity()).isEqualTo(r.identity());
        assertBystanderUndisturbed();
    }

    @Test
    void int_401_psk_client_behind_a_rebinding_nat_keeps_its_observation_and_downlinks_under_connection_id() {
        byte[] key = randomKey();
        server.securityStore().add(SecurityInfo.psk("ets-401-nat", "ets-401-nat-id", key));
        NatRelay nat = new NatRelay(server.secureAddress());
        nats.add(nat);
        ReportingObjects objects = new ReportingObjects();
        LeshanExtras extras = new LeshanExtras(List.of(), objects.extras().objects(),
                configuration -> configuration.set(DtlsConfig.DTLS_CONNECTION_ID_LENGTH, 0));
        start("ets-401-nat", Security.psk("coaps://127.0.0.1:" + nat.address().getPort(),
                LeshanDevice.SHORT_SERVER_ID, bytes("ets-401-nat-id"), key), extras);
        Registration r = registered("ets-401-nat");
        assertThat(r.peer().address()).isEqualTo(nat.outsideAddress());
        Observation observation = server.sendAndWait(r, ObserveRequest.of("/3/0/9"), TIMEOUT).activeObservation()
                .orElseThrow();

        nat.rebind();
        objects.device.set(9, 33L);

        waiting().until(() -> reports.of(observation).stream()
                .anyMatch(n -> n.node().equals(SingleResource.of(9, Value.of(33L)))));
        assertThat(server.registrations().byEndpoint("ets-401-nat").orElseThrow().peer().address())
                .as("no Update was needed").isEqualTo(r.peer().address());
        ReadResponse read = server.sendAndWait("ets-401-nat", ReadRequest.of("/3/0/0"), TIMEOUT);
        assertThat(read.code()).isEqualTo(ResponseCode.CONTENT);
    }

    // --- refused in the handshake ---

    @Test
    void int_401_a_wrong_psk_key_is_refused_in_the_handshake() {
        server.securityStore().add(SecurityInfo.psk("ets-401-wrong-key", "ets-401-wrong-key-id", randomKey()));
        refusedInHandshake("ets-401-wrong-key",
                Security.psk(coaps(), LeshanDevice.SHORT_SERVER_ID, bytes("ets-401-wrong-key-id"), randomKey()),
                Reason.BAD_KEY);
    }

    @Test
    void int_401_an_unknown_psk_identity_is_refused_in_the_handshake() {
        refusedInHandshake("ets-401-unknown",
                Security.psk(coaps(), LeshanDevice.SHORT_SERVER_ID, bytes("nobody-knows-me"), randomKey()),
                Reason.UNKNOWN_PSK_IDENTITY);
    }

    @Test
    void int_402_a_certificate_from_an_untrusted_authority_is_refused_in_the_handshake() throws Exception {
        Issued rogueCa = TestCertificates.certificateAuthority("Rogue CA");
        refusedInHandshake("ets-402-untrusted", x509(TestCertificates.leaf("ets-402-untrusted", rogueCa)),
                Reason.UNTRUSTED_CERTIFICATE);
    }

    @Test
    void int_402_an_expired_certificate_is_refused_in_the_handshake() throws Exception {
        Instant now = Instant.now();
        Issued expired = TestCertificates.leaf("ets-402-expired", ca, now.minus(Duration.ofDays(60)),
                now.minus(Duration.ofDays(1)));
        refusedInHandshake("ets-402-expired", x509(expired), Reason.EXPIRED_CERTIFICATE);
    }

    @Test
    void int_101_an_rpk_that_is_not_in_the_store_is_refused_in_the_handshake() {
        KeyPair keys = TestCertificates.ecKeyPair();
        refusedInHandshake("ets-101-rpk-unknown", Security.rpk(coaps(), LeshanDevice.SHORT_SERVER_ID,
                keys.getPublic().getEncoded(), keys.getPrivate().getEncoded(),
                serverCertificate.keys().getPublic().getEncoded()), Reason.UNTRUSTED_PUBLIC_KEY);
    }

    private void refusedInHandshake(String endpoint, Security security, Reason reason) {
        long before = server.handshakeFailures().count(reason);
        LeshanDevice device = start(endpoint, security, LeshanExtras.NONE);

        waiting().until(() -> server.handshakeFailures().count(reason) > before);
        device.close();
        assertThat(device.locations).isEmpty();
        assertThat(server.registrations().byEndpoint(endpoint)).isEmpty();
        assertBystanderUndisturbed();
    }

    // --- refused at Register with 4.03 ---

    @Test
    void int_101_valid_psk_credentials_of_another_endpoint_cannot_register_as_the_victim() {
        byte[] victimKey = randomKey();
        server.securityStore().add(SecurityInfo.psk("ets-victim", "ets-victim-id", victimKey));
        start("ets-victim", Security.psk(coaps(), LeshanDevice.SHORT_SERVER_ID, bytes("ets-victim-id"), victimKey),
                LeshanExtras.NONE);
        Registration victim = registered("ets-victim");
        byte[] attackerKey = randomKey();
        server.securityStore().add(SecurityInfo.psk("ets-attacker", "ets-attacker-id", attackerKey));

        LeshanDevice attacker = start("ets-victim",
                Security.psk(coaps(), LeshanDevice.SHORT_SERVER_ID, bytes("ets-attacker-id"), attackerKey),
                LeshanExtras.NONE);

        waiting().until(() -> attacker.registrationFailures.contains(org.eclipse.leshan.core.ResponseCode.FORBIDDEN));
        assertThat(server.registrations().byEndpoint("ets-victim")).hasValueSatisfying(current -> {
            assertThat(current.id()).isEqualTo(victim.id());
            assertThat(current.identity()).isEqualTo(PeerIdentity.psk("ets-victim-id"));
        });
        assertThat(server.sendAndWait(victim, ReadRequest.of("/3/0/0"), TIMEOUT).code())
                .isEqualTo(ResponseCode.CONTENT);
        assertBystanderUndisturbed();
    }

    @Test
    void int_402_a_trusted_certificate_cannot_register_as_another_endpoint_than_its_cn() throws Exception {
        LeshanDevice device = start("ets-402-someone-else", x509(TestCertificates.leaf("ets-402-honest", ca)),
                LeshanExtras.NONE);

        waiting().until(() -> device.registrationFailures.contains(org.eclipse.leshan.core.ResponseCode.FORBIDDEN));
        assertThat(server.registrations().byEndpoint("ets-402-someone-else")).isEmpty();
        assertBystanderUndisturbed();
    }

    @Test
    void int_101_a_nosec_registration_of_an_endpoint_with_credentials_gets_4_03() {
        server.securityStore().add(SecurityInfo.psk("ets-101-secured", "ets-101-secured-id", randomKey()));

        LeshanDevice device = start("ets-101-secured",
                Security.noSec("coap://127.0.0.1:" + server.localAddress().getPort(), LeshanDevice.SHORT_SERVER_ID),
                LeshanExtras.NONE);

        waiting().until(() -> device.registrationFailures.contains(org.eclipse.leshan.core.ResponseCode.FORBIDDEN));
        assertThat(server.registrations().byEndpoint("ets-101-secured")).isEmpty();
        assertBystanderUndisturbed();
    }

    /** The plain CoAP client registered at the start is still registered and still answers. */
    private static void assertBystanderUndisturbed() {
        Registration r = server.registrations().byEndpoint(BYSTANDER).orElseThrow();
        assertThat(r.identity()).isNull();
        assertThat(server.sendAndWait(r, ReadRequest.of("/3/0/0"), TIMEOUT).code()).isEqualTo(ResponseCode.CONTENT);
    }
}
