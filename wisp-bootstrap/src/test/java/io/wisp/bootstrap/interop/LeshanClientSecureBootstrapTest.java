package io.wisp.bootstrap.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.bootstrap.WispBootstrapServer;
import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.Credentials;
import io.wisp.bootstrap.config.SecurityInstance;
import io.wisp.bootstrap.config.ServerInstance;
import io.wisp.bootstrap.session.BootstrapRefusal;
import io.wisp.bootstrap.session.BootstrapResult;
import io.wisp.bootstrap.testing.LeshanBootstrapClient;
import io.wisp.bootstrap.testing.RecordingBootstrapListener;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ResponseCode;
import io.wisp.server.WispServer;
import io.wisp.server.registration.Registration;
import io.wisp.transport.CoapCode;
import io.wisp.transport.HandshakeFailures.Reason;
import io.wisp.transport.PeerIdentity;
import io.wisp.transport.security.SecurityInfo;
import io.wisp.transport.testing.TestCertificates;
import io.wisp.transport.testing.TestCertificates.Issued;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.core.ConditionFactory;
import org.eclipse.leshan.client.object.Security;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Wisp Bootstrap-Server's DTLS side (Transport TS §5.2, Core TS §6.1) against the Leshan client over real sockets
 * on 127.0.0.1: the client bootstraps over CoAPs in PSK, RPK and X.509 mode, receives a secured LwM2M Server account
 * in {@code /0} and registers with a Wisp server over CoAPs with exactly those credentials (ETS int-1, int-2). The
 * refusals: wrong key, unknown identity, untrusted or expired certificate in the handshake; valid credentials of
 * another endpoint and NoSec for an endpoint with credentials at Bootstrap-Request (4.03). Each refusal runs next to
 * a healthy DTLS bootstrap of another client, which must complete undisturbed.
 *
 * <p>Keys and certificates are made at run time ({@link TestCertificates}).
 */
class LeshanClientSecureBootstrapTest {
    private static final int SSID = 101;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static Issued ca;
    private static Issued bootstrapCertificate;
    private static Issued serverCertificate;
    private static WispServer server;
    private static WispBootstrapServer bootstrap;
    private static final RecordingBootstrapListener events = new RecordingBootstrapListener();

    private final List<LeshanBootstrapClient> clients = new ArrayList<>();

    @BeforeAll
    static void startServers() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        ca = TestCertificates.certificateAuthority("Wisp test CA");
        bootstrapCertificate = TestCertificates.leaf("wisp-bootstrap", ca);
        serverCertificate = TestCertificates.leaf("wisp-server", ca);
        server = WispServer.builder().bindAddress(loopback).port(0).securePort(0)
                .serverCredentials(serverCertificate.credentials())
                .trustedCertificates(List.of(ca.certificate()))
                .build();
        server.start();
        bootstrap = WispBootstrapServer.builder().bindAddress(loopback).port(0).securePort(0)
                .serverCredentials(bootstrapCertificate.credentials())
                .trustedCertificates(List.of(ca.certificate()))
                .requestTimeout(Duration.ofSeconds(5)).listener(events).build();
        bootstrap.start();
    }

    @AfterAll
    static void stopServers() {
        bootstrap.close();
        server.close();
    }

    @AfterEach
    void stopClients() {
        clients.forEach(LeshanBootstrapClient::close);
    }

    private static ConditionFactory waiting() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20));
    }

    private static String bootstrapCoaps() {
        return "coaps://127.0.0.1:" + bootstrap.secureAddress().getPort();
    }

    private static String serverCoaps() {
        return "coaps://127.0.0.1:" + server.secureAddress().getPort();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        return key;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private LeshanBootstrapClient start(String endpoint, Security bootstrapAccount) {
        LeshanBootstrapClient client = LeshanBootstrapClient.builder(endpoint, bootstrap.localAddress())
                .bootstrapAccount(bootstrapAccount).start();
        clients.add(client);
        return client;
    }

    /** A configuration handing over a LwM2M Server account on the Wisp server's CoAPs port with {@code dm}. */
    private static BootstrapConfig securedAccount(Credentials dm) {
        return BootstrapConfig.builder()
                .account(SecurityInstance.builder().serverUri(serverCoaps()).shortServerId(SSID).credentials(dm)
                        .build(), ServerInstance.of(SSID, 300))
                .build();
    }

    private static Optional<BootstrapResult> ended(String endpoint) {
        List<BootstrapResult> all = new ArrayList<>(events.finished);
        all.addAll(events.failed);
        return all.stream().filter(r -> r.session().endpoint().equals(endpoint)).findFirst();
    }

    private static BootstrapResult awaitBootstrapped(String endpoint) {
        waiting().until(() -> ended(endpoint).isPresent());
        return ended(endpoint).orElseThrow();
    }

    private static Registration awaitRegistration(String endpoint) {
        waiting().until(() -> server.registrations().byEndpoint(endpoint).isPresent());
        return server.registrations().byEndpoint(endpoint).orElseThrow();
    }

    private static void assertRegisteredOverCoaps(String endpoint, PeerIdentity identity) {
        Registration r = awaitRegistration(endpoint);
        assertThat(r.peer().connector()).isEqualTo(WispServer.COAPS);
        assertThat(r.identity()).isEqualTo(identity);
        assertThat(server.sendAndWait(r, ReadRequest.of("/3/0/0"), TIMEOUT).code()).isEqualTo(ResponseCode.CONTENT);
    }

    // --- bootstrap over DTLS, then registration with the credentials delivered ---

    @Test
    void int_1_client_initiated_bootstrap_full_psk() {
        byte[] bsKey = randomKey();
        byte[] dmKey = randomKey();
        bootstrap.securityStore().add(SecurityInfo.psk("ets-1", "ets-1-bs-id", bsKey));
        bootstrap.configs().put("ets-1", securedAccount(Credentials.psk("ets-1-dm-id", dmKey)));
        server.securityStore().add(SecurityInfo.psk("ets-1", "ets-1-dm-id", dmKey));

        LeshanBootstrapClient client = start("ets-1",
                Security.pskBootstrap(bootstrapCoaps(), bytes("ets-1-bs-id"), bsKey));

        BootstrapResult result = awaitBootstrapped("ets-1");
        assertThat(result.isSuccess()).as("%s", result).isTrue();
        Map<Integer, Object> account = client.securityInstanceFor(serverCoaps());
        assertThat(account.get(2)).as("mode PSK").isEqualTo(0L);
        assertThat((byte[]) account.get(3)).as("identity").isEqualTo(bytes("ets-1-dm-id"));
        assertThat((byte[]) account.get(5)).as("secret key").isEqualTo(dmKey);
        assertThat(result.session().peer().connector()).isEqualTo(WispBootstrapServer.COAPS);
        assertThat(result.session().peer().identity()).isEqualTo(PeerIdentity.psk("ets-1-bs-id"));
        assertRegisteredOverCoaps("ets-1", PeerIdentity.psk("ets-1-dm-id"));
    }

    @Test
    void int_1_client_initiated_bootstrap_full_rpk() {
        KeyPair bsKeys = TestCertificates.ecKeyPair();
        KeyPair dmKeys = TestCertificates.ecKeyPair();
        bootstrap.securityStore().add(SecurityInfo.rpk("ets-1-rpk", bsKeys.getPublic()));
        bootstrap.configs().put("ets-1-rpk", securedAccount(Credentials.rpk(dmKeys.getPublic().getEncoded(),
                dmKeys.getPrivate().getEncoded(), serverCertificate.keys().getPublic().getEncoded())));
        server.securityStore().add(SecurityInfo.rpk("ets-1-rpk", dmKeys.getPublic()));

        LeshanBootstrapClient client = start("ets-1-rpk", Security.rpkBootstrap(bootstrapCoaps(),
                bsKeys.getPublic().getEncoded(), bsKeys.getPrivate().getEncoded(),
                bootstrapCertificate.keys().getPublic().getEncoded()));

        BootstrapResult result = awaitBootstrapped("ets-1-rpk");
        assertThat(result.isSuccess()).as("%s", result).isTrue();
        Map<Integer, Object> account = client.securityInstanceFor(serverCoaps());
        assertThat(account.get(2)).as("mode RPK").isEqualTo(1L);
        assertThat((byte[]) account.get(3)).as("public key").isEqualTo(dmKeys.getPublic().getEncoded());
        assertThat((byte[]) account.get(4)).as("server public key")
                .isEqualTo(serverCertificate.keys().getPublic().getEncoded());
        assertThat((byte[]) account.get(5)).as("private key").isEqualTo(dmKeys.getPrivate().getEncoded());
        assertThat(result.session().peer().identity()).isEqualTo(PeerIdentity.rpk(bsKeys.getPublic()));
        assertRegisteredOverCoaps("ets-1-rpk", PeerIdentity.rpk(dmKeys.getPublic()));
    }

    @Test
    void int_2_client_initiated_bootstrap_full_cert() throws Exception {
        Issued device = TestCertificates.leaf("ets-2", ca);
        bootstrap.configs().put("ets-2", securedAccount(Credentials.x509(device.certificate().getEncoded(),
                device.keys().getPrivate().getEncoded(), serverCertificate.certificate().getEncoded())));
        server.securityStore().add(SecurityInfo.x509("ets-2"));

        LeshanBootstrapClient client = start("ets-2", x509Bootstrap(device));

        BootstrapResult result = awaitBootstrapped("ets-2");
        assertThat(result.isSuccess()).as("%s", result).isTrue();
        Map<Integer, Object> account = client.securityInstanceFor(serverCoaps());
        assertThat(account.get(2)).as("mode X.509").isEqualTo(2L);
        assertThat((byte[]) account.get(3)).as("certificate").isEqualTo(device.certificate().getEncoded());
        assertThat((byte[]) account.get(4)).as("server certificate")
                .isEqualTo(serverCertificate.certificate().getEncoded());
        assertThat(result.session().peer().identity()).as("CN = endpoint, no store entry needed")
                .isEqualTo(PeerIdentity.x509("ets-2"));
        assertRegisteredOverCoaps("ets-2", PeerIdentity.x509("ets-2"));
    }

    @Test
    void int_2_a_certificate_whose_cn_is_mapped_bootstraps_as_the_mapped_endpoint() throws Exception {
        Issued device = TestCertificates.leaf("serial-0002", ca);
        bootstrap.securityStore().add(SecurityInfo.x509("ets-2-mapped", "serial-0002"));
        bootstrap.configs().put("ets-2-mapped", securedAccount(Credentials.psk("ets-2-mapped-dm", randomKey())));

        start("ets-2-mapped", x509Bootstrap(device));

        BootstrapResult result = awaitBootstrapped("ets-2-mapped");
        assertThat(result.isSuccess()).as("%s", result).isTrue();
        assertThat(result.session().peer().identity()).isEqualTo(PeerIdentity.x509("serial-0002"));
    }

    private static Security x509Bootstrap(Issued device) throws Exception {
        return Security.x509Bootstrap(bootstrapCoaps(), device.certificate().getEncoded(),
                device.keys().getPrivate().getEncoded(), bootstrapCertificate.certificate().getEncoded());
    }

    // --- refused in the handshake, next to a healthy bootstrap ---

    @Test
    void int_1_a_wrong_psk_key_is_refused_in_the_handshake() {
        bootstrap.securityStore().add(SecurityInfo.psk("ets-1-wrong-key", "ets-1-wrong-key-id", randomKey()));
        refusedInHandshake("ets-1-wrong-key",
                Security.pskBootstrap(bootstrapCoaps(), bytes("ets-1-wrong-key-id"), randomKey()), Reason.BAD_KEY);
    }

    @Test
    void int_1_an_unknown_psk_identity_is_refused_in_the_handshake() {
        refusedInHandshake("ets-1-unknown", Security.pskBootstrap(bootstrapCoaps(), bytes("nobody-knows-me"),
                randomKey()), Reason.UNKNOWN_PSK_IDENTITY);
    }

    @Test
    void int_1_an_rpk_that_is_not_in_the_store_is_refused_in_the_handshake() {
        KeyPair keys = TestCertificates.ecKeyPair();
        refusedInHandshake("ets-1-rpk-unknown", Security.rpkBootstrap(bootstrapCoaps(), keys.getPublic().getEncoded(),
                keys.getPrivate().getEncoded(), bootstrapCertificate.keys().getPublic().getEncoded()),
                Reason.UNTRUSTED_PUBLIC_KEY);
    }

    @Test
    void int_2_a_certificate_from_an_untrusted_authority_is_refused_in_the_handshake() throws Exception {
        Issued rogueCa = TestCertificates.certificateAuthority("Rogue CA");
        refusedInHandshake("ets-2-untrusted", x509Bootstrap(TestCertificates.leaf("ets-2-untrusted", rogueCa)),
                Reason.UNTRUSTED_CERTIFICATE);
    }

    @Test
    void int_2_an_expired_certificate_is_refused_in_the_handshake() throws Exception {
        Instant now = Instant.now();
        Issued expired = TestCertificates.leaf("ets-2-expired", ca, now.minus(Duration.ofDays(60)),
                now.minus(Duration.ofDays(1)));
        refusedInHandshake("ets-2-expired", x509Bootstrap(expired), Reason.EXPIRED_CERTIFICATE);
    }

    private void refusedInHandshake(String endpoint, Security account, Reason reason) {
        bootstrap.configs().put(endpoint, securedAccount(Credentials.psk(endpoint + "-dm", randomKey())));
        long before = bootstrap.handshakeFailures().count(reason);
        String healthy = startHealthy(endpoint);

        LeshanBootstrapClient refused = start(endpoint, account);

        waiting().until(() -> bootstrap.handshakeFailures().count(reason) > before);
        refused.close();
        assertThat(events.started).noneMatch(s -> s.endpoint().equals(endpoint));
        assertThat(refused.bootstrapSuccesses).hasValue(0);
        assertHealthyBootstrapped(healthy);
    }

    // --- refused at Bootstrap-Request with 4.03, next to a healthy bootstrap ---

    @Test
    void int_1_valid_psk_credentials_of_another_endpoint_cannot_bootstrap_as_the_victim() {
        bootstrap.configs().put("ets-victim", securedAccount(Credentials.psk("ets-victim-dm", randomKey())));
        bootstrap.securityStore().add(SecurityInfo.psk("ets-victim", "ets-victim-id", randomKey()));
        byte[] attackerKey = randomKey();
        bootstrap.securityStore().add(SecurityInfo.psk("ets-attacker", "ets-attacker-id", attackerKey));

        refusedWith403("ets-victim",
                Security.pskBootstrap(bootstrapCoaps(), bytes("ets-attacker-id"), attackerKey));
    }

    @Test
    void int_2_a_trusted_certificate_cannot_bootstrap_as_another_endpoint_than_its_cn() throws Exception {
        bootstrap.configs().put("ets-2-someone-else", securedAccount(Credentials.psk("ets-2-else-dm", randomKey())));

        refusedWith403("ets-2-someone-else", x509Bootstrap(TestCertificates.leaf("ets-2-honest", ca)));
    }

    @Test
    void int_0_a_nosec_bootstrap_request_of_an_endpoint_with_credentials_gets_4_03() {
        bootstrap.configs().put("ets-0-secured", securedAccount(Credentials.psk("ets-0-secured-dm", randomKey())));
        bootstrap.securityStore().add(SecurityInfo.psk("ets-0-secured", "ets-0-secured-id", randomKey()));

        refusedWith403("ets-0-secured",
                Security.noSecBootstrap("coap://127.0.0.1:" + bootstrap.localAddress().getPort()));
    }

    private void refusedWith403(String endpoint, Security account) {
        String healthy = startHealthy(endpoint);

        LeshanBootstrapClient refused = start(endpoint, account);

        waiting().until(() -> refused.bootstrapRefusals.contains(org.eclipse.leshan.core.ResponseCode.FORBIDDEN));
        assertThat(events.refused).filteredOn(r -> endpoint.equals(r.endpoint()))
                .extracting(BootstrapRefusal::code).containsOnly(CoapCode.FORBIDDEN);
        assertThat(events.started).noneMatch(s -> s.endpoint().equals(endpoint));
        assertThat(refused.bootstrapSuccesses).hasValue(0);
        assertHealthyBootstrapped(healthy);
    }

    /** Starts a PSK client bootstrapping at the same time as the one under test; returns its endpoint. */
    private String startHealthy(String besides) {
        String endpoint = besides + "-healthy";
        byte[] bsKey = randomKey();
        bootstrap.securityStore().add(SecurityInfo.psk(endpoint, endpoint + "-bs-id", bsKey));
        bootstrap.configs().put(endpoint, securedAccount(Credentials.psk(endpoint + "-dm", randomKey())));
        start(endpoint, Security.pskBootstrap(bootstrapCoaps(), bytes(endpoint + "-bs-id"), bsKey));
        return endpoint;
    }

    private static void assertHealthyBootstrapped(String endpoint) {
        BootstrapResult result = awaitBootstrapped(endpoint);
        assertThat(result.isSuccess()).as("%s", result).isTrue();
        assertThat(result.session().peer().connector()).isEqualTo(WispBootstrapServer.COAPS);
    }
}
