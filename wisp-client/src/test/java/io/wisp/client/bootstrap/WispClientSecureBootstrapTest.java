package io.wisp.client.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.bootstrap.WispBootstrapServer;
import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.SecurityInstance;
import io.wisp.bootstrap.config.ServerInstance;
import io.wisp.bootstrap.session.BootstrapResult;
import io.wisp.bootstrap.testing.RecordingBootstrapListener;
import io.wisp.client.WispClient;
import io.wisp.client.engine.RetryPolicy;
import io.wisp.client.object.Requester;
import io.wisp.client.security.Credentials;
import io.wisp.client.security.RecordingEvents;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ReadResponse;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.WispServer;
import io.wisp.server.registration.Registration;
import io.wisp.transport.DtlsClientSecurity.CertificateUsage;
import io.wisp.transport.HandshakeFailures.Reason;
import io.wisp.transport.PeerIdentity;
import io.wisp.transport.security.SecurityInfo;
import io.wisp.transport.testing.TestCertificates;
import io.wisp.transport.testing.TestCertificates.Issued;
import java.net.InetAddress;
import java.net.URI;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Wisp client bootstrapping over DTLS with the Wisp Bootstrap-Server in RPK and X.509 mode, then registering
 * with the Wisp server over DTLS with the credentials the Bootstrap-Server wrote into {@code /0} (Core TS §6.1 and
 * Appendix E.1, Transport TS §5.2; ETS int-1 and int-2). Real sockets on 127.0.0.1, no mocks: the Bootstrap-Server
 * sees the session under the client's bootstrap identity, the client's Security object holds the delivered keys, the
 * Wisp server sees the Register under the delivered identity and reads {@code /3/0} over that DTLS session. A client
 * the Bootstrap-Server must not trust (a certificate of a foreign CA, a raw public key it does not know) gets no
 * session, while another client bootstrapping at the same time completes.
 *
 * <p>Keys and certificates are made at run time ({@link TestCertificates}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WispClientSecureBootstrapTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int SSID = 101;

    private final RecordingBootstrapListener sessions = new RecordingBootstrapListener();
    private final List<WispClient> clients = new ArrayList<>();
    private Issued ca;
    private Issued bootstrapCertificate;
    private Issued serverCertificate;
    private WispServer server;
    private WispBootstrapServer bootstrap;

    @BeforeAll
    void startServers() {
        ca = TestCertificates.certificateAuthority("Wisp test CA");
        bootstrapCertificate = TestCertificates.leaf("wisp-bootstrap", ca);
        serverCertificate = TestCertificates.leaf("wisp-server", ca);
        server = WispServer.builder().bindAddress(LOOPBACK).port(0).securePort(0).models(ModelRegistry.bundled())
                .serverCredentials(serverCertificate.credentials())
                .trustedCertificates(List.of(ca.certificate()))
                .build();
        server.start();
        bootstrap = WispBootstrapServer.builder().bindAddress(LOOPBACK).port(0).securePort(0)
                .serverCredentials(bootstrapCertificate.credentials())
                .trustedCertificates(List.of(ca.certificate()))
                .requestTimeout(Duration.ofSeconds(5)).listener(sessions).build();
        bootstrap.start();
    }

    @AfterAll
    void stopServers() {
        bootstrap.close();
        server.close();
    }

    @AfterEach
    void stopClients() {
        clients.forEach(WispClient::close);
        clients.clear();
    }

    private static ConditionFactory waiting() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20));
    }

    private URI bootstrapCoaps() {
        return URI.create("coaps://127.0.0.1:" + bootstrap.secureAddress().getPort());
    }

    private String serverCoaps() {
        return "coaps://127.0.0.1:" + server.secureAddress().getPort();
    }

    /** A configuration handing over one LwM2M Server account on the Wisp server's CoAPs port with {@code dm}. */
    private BootstrapConfig securedAccount(io.wisp.bootstrap.config.Credentials dm) {
        return BootstrapConfig.builder()
                .account(SecurityInstance.builder().serverUri(serverCoaps()).shortServerId(SSID).credentials(dm)
                        .build(), ServerInstance.of(SSID, 300))
                .build();
    }

    private WispClient start(String endpoint, Credentials bootstrapCredentials, RecordingBootstrapEvents events) {
        WispClient client = WispClient.builder(endpoint).bindAddress(LOOPBACK).requestTimeout(Duration.ofSeconds(5))
                .bootstrapServer(bootstrapCoaps(), bootstrapCredentials)
                .bootstrap(BootstrapSettings.DEFAULT.withSessionTimeout(Duration.ofSeconds(10)).withEvents(events)
                        .withRetry(new RetryPolicy(3, Duration.ofMillis(300), Duration.ofSeconds(1), 1)))
                .events(new RecordingEvents())
                .build();
        clients.add(client);
        client.start();
        return client;
    }

    private Optional<BootstrapResult> ended(String endpoint) {
        List<BootstrapResult> all = new ArrayList<>(sessions.finished);
        all.addAll(sessions.failed);
        return all.stream().filter(r -> r.session().endpoint().equals(endpoint)).findFirst();
    }

    private BootstrapResult awaitBootstrapped(String endpoint) {
        waiting().until(() -> ended(endpoint).isPresent());
        BootstrapResult result = ended(endpoint).orElseThrow();
        assertThat(result.isSuccess()).as("%s", result).isTrue();
        assertThat(result.session().peer().connector()).isEqualTo(WispBootstrapServer.COAPS);
        return result;
    }

    /** The LwM2M Server account the Bootstrap-Server wrote into the client's {@code /0}. */
    private static ObjectInstance deliveredAccount(WispClient client) {
        LwM2mObject security = (LwM2mObject) client.objects().read(Requester.LOCAL, LwM2mPath.of(0));
        return security.instances().values().stream()
                .filter(i -> i.resource(10) instanceof SingleResource s && s.value().equals(Value.of(SSID)))
                .findFirst().orElseThrow(() -> new AssertionError("no account for ssid " + SSID + " in " + security));
    }

    private static byte[] opaque(ObjectInstance instance, int resource) {
        return ((Value.OpaqueValue) ((SingleResource) instance.resource(resource)).value()).value();
    }

    private static long integer(ObjectInstance instance, int resource) {
        Value v = ((SingleResource) instance.resource(resource)).value();
        return v instanceof Value.UnsignedIntegerValue u ? u.bits() : ((Value.IntegerValue) v).value();
    }

    /** Registered over the Wisp server's CoAPs connector under {@code identity}; a Read of /3/0 comes back. */
    private void assertRegisteredOverCoaps(WispClient client, String endpoint, PeerIdentity identity) {
        waiting().until(() -> server.registrations().byEndpoint(endpoint).isPresent() && client.isRegistered());
        Registration r = server.registrations().byEndpoint(endpoint).orElseThrow();
        assertThat(r.peer().connector()).isEqualTo(WispServer.COAPS);
        assertThat(r.identity()).isEqualTo(identity);
        ReadResponse read = server.sendAndWait(r, ReadRequest.of("/3/0"), TIMEOUT);
        assertThat(read.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(read.content()).isInstanceOfSatisfying(ObjectInstance.class,
                device -> assertThat(device.resource(0)).as("manufacturer").isNotNull());
    }

    // --- bootstrap over DTLS, then registration with the credentials delivered ---

    @Test
    void int_1_client_initiated_bootstrap_full_rpk() {
        KeyPair bsKeys = TestCertificates.ecKeyPair();
        KeyPair dmKeys = TestCertificates.ecKeyPair();
        bootstrap.securityStore().add(SecurityInfo.rpk("ets-1-rpk", bsKeys.getPublic()));
        bootstrap.configs().put("ets-1-rpk", securedAccount(io.wisp.bootstrap.config.Credentials.rpk(
                dmKeys.getPublic().getEncoded(), dmKeys.getPrivate().getEncoded(),
                serverCertificate.keys().getPublic().getEncoded())));
        server.securityStore().add(SecurityInfo.rpk("ets-1-rpk", dmKeys.getPublic()));

        WispClient client = start("ets-1-rpk", Credentials.rpk(bsKeys.getPrivate(), bsKeys.getPublic(),
                bootstrapCertificate.keys().getPublic()), new RecordingBootstrapEvents());

        BootstrapResult result = awaitBootstrapped("ets-1-rpk");
        assertThat(result.session().peer().identity()).isEqualTo(PeerIdentity.rpk(bsKeys.getPublic()));
        assertRegisteredOverCoaps(client, "ets-1-rpk", PeerIdentity.rpk(dmKeys.getPublic()));
        ObjectInstance account = deliveredAccount(client);
        assertThat(integer(account, 2)).as("Security Mode RPK").isEqualTo(1L);
        assertThat(opaque(account, 3)).as("client public key").isEqualTo(dmKeys.getPublic().getEncoded());
        assertThat(opaque(account, 4)).as("server public key")
                .isEqualTo(serverCertificate.keys().getPublic().getEncoded());
        assertThat(opaque(account, 5)).as("client private key").isEqualTo(dmKeys.getPrivate().getEncoded());
    }

    @Test
    void int_2_client_initiated_bootstrap_full_cert() throws Exception {
        Issued device = TestCertificates.leaf("ets-2", ca);
        bootstrap.configs().put("ets-2", securedAccount(io.wisp.bootstrap.config.Credentials.x509(
                device.certificate().getEncoded(), device.keys().getPrivate().getEncoded(),
                serverCertificate.certificate().getEncoded())));
        server.securityStore().add(SecurityInfo.x509("ets-2"));

        WispClient client = start("ets-2", Credentials.x509(device.keys().getPrivate(), device.certificate(),
                bootstrapCertificate.certificate(), CertificateUsage.DOMAIN_ISSUED_CERTIFICATE),
                new RecordingBootstrapEvents());

        BootstrapResult result = awaitBootstrapped("ets-2");
        assertThat(result.session().peer().identity()).as("CN = endpoint").isEqualTo(PeerIdentity.x509("ets-2"));
        assertRegisteredOverCoaps(client, "ets-2", PeerIdentity.x509("ets-2"));
        ObjectInstance account = deliveredAccount(client);
        assertThat(integer(account, 2)).as("Security Mode X.509").isEqualTo(2L);
        assertThat(opaque(account, 3)).as("client certificate").isEqualTo(device.certificate().getEncoded());
        assertThat(opaque(account, 4)).as("server certificate")
                .isEqualTo(serverCertificate.certificate().getEncoded());
        assertThat(opaque(account, 5)).as("private key").isEqualTo(device.keys().getPrivate().getEncoded());
        assertThat(account.resource(15)).as("no Certificate Usage written: domain-issued by default").isNull();
    }

    /**
     * The account's Security instance carries Certificate Usage 2 (trust anchor assertion), set through the
     * Bootstrap-Server's X.509 credentials and written to /0/x/15, and the CA's certificate, not the server's, in
     * /0/x/4: the client must accept the server's chain up to that anchor. Without the usage the client would take
     * its default (3, domain-issued), expect the CA's certificate as the server's own and fail the handshake.
     */
    @Test
    void int_2_client_initiated_bootstrap_full_cert_with_trust_anchor_usage() throws Exception {
        Issued device = TestCertificates.leaf("ets-2-anchor", ca);
        bootstrap.configs().put("ets-2-anchor", securedAccount(io.wisp.bootstrap.config.Credentials.x509(
                device.certificate().getEncoded(), device.keys().getPrivate().getEncoded(),
                ca.certificate().getEncoded(), io.wisp.bootstrap.config.CertificateUsage.TRUST_ANCHOR_ASSERTION)));
        server.securityStore().add(SecurityInfo.x509("ets-2-anchor"));

        WispClient client = start("ets-2-anchor", Credentials.x509(device.keys().getPrivate(), device.certificate(),
                bootstrapCertificate.certificate(), CertificateUsage.DOMAIN_ISSUED_CERTIFICATE),
                new RecordingBootstrapEvents());

        awaitBootstrapped("ets-2-anchor");
        assertRegisteredOverCoaps(client, "ets-2-anchor", PeerIdentity.x509("ets-2-anchor"));
        ObjectInstance account = deliveredAccount(client);
        assertThat(integer(account, 15)).as("Certificate Usage").isEqualTo(2L);
        assertThat(opaque(account, 4)).as("trust anchor").isEqualTo(ca.certificate().getEncoded());
    }

    // --- refused in the handshake, next to a healthy bootstrap ---

    @Test
    void int_2_a_certificate_from_an_untrusted_authority_gets_no_bootstrap_session() {
        Issued rogueCa = TestCertificates.certificateAuthority("Rogue CA");
        Issued rogue = TestCertificates.leaf("ets-2-untrusted", rogueCa);
        refusedInHandshake("ets-2-untrusted", Credentials.x509(rogue.keys().getPrivate(), rogue.certificate(),
                bootstrapCertificate.certificate(), CertificateUsage.DOMAIN_ISSUED_CERTIFICATE),
                Reason.UNTRUSTED_CERTIFICATE);
    }

    @Test
    void int_1_an_rpk_not_in_the_bootstrap_store_gets_no_bootstrap_session() {
        KeyPair unknown = TestCertificates.ecKeyPair();
        refusedInHandshake("ets-1-rpk-unknown", Credentials.rpk(unknown.getPrivate(), unknown.getPublic(),
                bootstrapCertificate.keys().getPublic()), Reason.UNTRUSTED_PUBLIC_KEY);
    }

    private void refusedInHandshake(String endpoint, Credentials refusedCredentials, Reason reason) {
        bootstrap.configs().put(endpoint, securedAccount(io.wisp.bootstrap.config.Credentials.psk(endpoint + "-dm",
                "refused-dm-key-1".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        long before = bootstrap.handshakeFailures().count(reason);
        String healthy = endpoint + "-healthy";
        KeyPair healthyBs = TestCertificates.ecKeyPair();
        KeyPair healthyDm = TestCertificates.ecKeyPair();
        bootstrap.securityStore().add(SecurityInfo.rpk(healthy, healthyBs.getPublic()));
        bootstrap.configs().put(healthy, securedAccount(io.wisp.bootstrap.config.Credentials.rpk(
                healthyDm.getPublic().getEncoded(), healthyDm.getPrivate().getEncoded(),
                serverCertificate.keys().getPublic().getEncoded())));
        server.securityStore().add(SecurityInfo.rpk(healthy, healthyDm.getPublic()));
        RecordingBootstrapEvents refusedEvents = new RecordingBootstrapEvents();

        WispClient refused = start(endpoint, refusedCredentials, refusedEvents);
        WispClient bystander = start(healthy, Credentials.rpk(healthyBs.getPrivate(), healthyBs.getPublic(),
                bootstrapCertificate.keys().getPublic()), new RecordingBootstrapEvents());

        waiting().until(() -> bootstrap.handshakeFailures().count(reason) > before);
        waiting().until(() -> refusedEvents.failures.stream().anyMatch(f -> f.contains("DTLS handshake")));
        awaitBootstrapped(healthy);
        assertRegisteredOverCoaps(bystander, healthy, PeerIdentity.rpk(healthyDm.getPublic()));
        assertThat(sessions.started).noneMatch(s -> s.endpoint().equals(endpoint));
        assertThat(ended(endpoint)).isEmpty();
        assertThat(refusedEvents.finished).isEmpty();
        assertThat(refused.isRegistered()).isFalse();
        assertThat(server.registrations().byEndpoint(endpoint)).isEmpty();
    }
}
