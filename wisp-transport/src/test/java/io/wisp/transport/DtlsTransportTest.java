package io.wisp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wisp.transport.HandshakeFailures.Reason;
import io.wisp.transport.testing.Closer;
import io.wisp.transport.testing.DtlsTestClient;
import io.wisp.transport.testing.NatRelay;
import io.wisp.transport.testing.ScriptedPeer;
import io.wisp.transport.testing.TestCertificates.Issued;
import io.wisp.transport.testing.TestCertificates;
import io.wisp.transport.testing.TestServerSecurity;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DTLS connector over real sockets on 127.0.0.1 against a Scandium client written without the code under test:
 * handshakes in PSK, RPK and X.509 mode with the mandatory cipher suites, the authenticated identity each uplink
 * carries, the counted refusals, and a plain CoAP connector on the same transport undisturbed by them.
 */
class DtlsTransportTest {
    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress("127.0.0.1", 0);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final byte[] KEY_1 = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final Closer closer = new Closer();
    private final AtomicReference<UplinkRequest> lastUplink = new AtomicReference<>();
    private TestServerSecurity serverSecurity;
    private Issued ca;
    private Issued serverCertificate;
    private CoapTransport transport;

    @BeforeEach
    void start() {
        serverSecurity = TestServerSecurity.issue("wisp-server").putPsk("dev-psk", KEY_1);
        ca = serverSecurity.ca();
        serverCertificate = serverSecurity.certificate();
        transport = closer.closeLater(CoapTransport.builder()
                .udp("coap", ANY_LOOPBACK_PORT)
                .dtls("coaps", ANY_LOOPBACK_PORT, serverSecurity.security())
                .route("echo", request -> {
                    lastUplink.set(request);
                    PeerIdentity identity = request.peer().identity();
                    return UplinkResponse.content(CoapCode.CONTENT, 0,
                            String.valueOf(identity).getBytes(StandardCharsets.UTF_8));
                })
                .build());
        transport.start();
    }

    @AfterEach
    void closeAll() throws Exception {
        closer.closeAll();
    }

    private InetSocketAddress coaps() {
        return transport.localAddress("coaps");
    }

    private static Request echo() {
        Request get = Request.newGet();
        get.getOptions().setUriPath("echo");
        return get;
    }

    @Test
    void a_psk_client_is_served_with_its_identity_on_the_secure_connector() {
        DtlsTestClient client = closer.closeLater(DtlsTestClient.psk("dev-psk", KEY_1));

        Response response = client.send(coaps(), echo());

        assertThat(response).isNotNull();
        assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(response.getPayloadString()).isEqualTo("psk:dev-psk");
        Peer peer = lastUplink.get().peer();
        assertThat(peer.connector()).isEqualTo("coaps");
        assertThat(peer.address()).isEqualTo(client.address());
        assertThat(peer.identity()).isEqualTo(PeerIdentity.psk("dev-psk"));
        assertThat(transport.handshakeFailures("coaps").total()).isZero();
    }

    @Test
    void an_rpk_client_with_a_trusted_key_is_identified_by_its_key_fingerprint() {
        KeyPair keys = TestCertificates.ecKeyPair();
        serverSecurity.trustRawPublicKey(keys.getPublic());
        DtlsTestClient client = closer.closeLater(DtlsTestClient.rpk(keys, serverCertificate.keys().getPublic()));

        Response response = client.send(coaps(), echo());

        assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
        PeerIdentity expected = PeerIdentity.rpk(keys.getPublic());
        assertThat(lastUplink.get().peer().identity()).isEqualTo(expected);
        assertThat(expected.name()).startsWith("ni:///sha-256;");
        assertThat(response.getPayloadString()).isEqualTo("rpk:" + expected.name());
    }

    @Test
    void an_x509_client_with_a_chain_to_the_trust_anchor_is_identified_by_its_common_name() {
        Issued device = TestCertificates.leaf("dev-x509", ca);
        DtlsTestClient client = closer.closeLater(DtlsTestClient.x509(device.keys(), device.chain(), ca.certificate()));

        Response response = client.send(coaps(), echo());

        assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(lastUplink.get().peer().identity()).isEqualTo(PeerIdentity.x509("dev-x509"));
    }

    @Test
    void credentials_added_after_start_work_at_the_next_handshake_and_removed_ones_are_refused() {
        byte[] key = "late-key-16bytes".getBytes(StandardCharsets.US_ASCII);
        serverSecurity.putPsk("dev-late", key);
        assertThat(closer.closeLater(DtlsTestClient.psk("dev-late", key)).send(coaps(), echo()).getPayloadString())
                .isEqualTo("psk:dev-late");

        serverSecurity.removePsk("dev-late");
        refused(DtlsTestClient.psk("dev-late", key), Reason.UNKNOWN_PSK_IDENTITY);
    }

    @Test
    void a_wrong_psk_key_is_refused_as_bad_key() {
        refused(DtlsTestClient.psk("dev-psk", "fedcba9876543210".getBytes(StandardCharsets.US_ASCII)),
                Reason.BAD_KEY);
    }

    @Test
    void an_unknown_psk_identity_is_refused() {
        refused(DtlsTestClient.psk("dev-nobody", KEY_1), Reason.UNKNOWN_PSK_IDENTITY);
    }

    @Test
    void an_untrusted_raw_public_key_is_refused() {
        refused(DtlsTestClient.rpk(TestCertificates.ecKeyPair(), serverCertificate.keys().getPublic()),
                Reason.UNTRUSTED_PUBLIC_KEY);
    }

    @Test
    void a_certificate_from_another_authority_is_refused() {
        Issued otherCa = TestCertificates.certificateAuthority("Other CA");
        Issued device = TestCertificates.leaf("dev-psk", otherCa);
        refused(DtlsTestClient.x509(device.keys(), device.chain(), ca.certificate()), Reason.UNTRUSTED_CERTIFICATE);
    }

    @Test
    void an_expired_certificate_is_refused() {
        Instant now = Instant.now();
        Issued device = TestCertificates.leaf("dev-expired", ca, now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1)));
        refused(DtlsTestClient.x509(device.keys(), device.chain(), ca.certificate()), Reason.EXPIRED_CERTIFICATE);
    }

    /**
     * The client's request never reaches a handler, the connector counts exactly one failure of {@code reason},
     * and both a plain CoAP client and a valid DTLS client are still served.
     */
    private void refused(DtlsTestClient client, Reason reason) {
        closer.closeLater(client);
        lastUplink.set(null);
        long before = transport.handshakeFailures("coaps").total();
        client.sendAsync(coaps(), echo());

        await().atMost(Duration.ofSeconds(20))
                .until(() -> transport.handshakeFailures("coaps").total() > before);
        assertThat(transport.handshakeFailures("coaps").count(reason)).isEqualTo(1);
        assertThat(transport.handshakeFailures("coaps").total()).isEqualTo(before + 1);
        assertThat(lastUplink.get()).isNull();

        ScriptedPeer plain = closer.closeLater(new ScriptedPeer());
        assertThat(plain.send(transport.localAddress("coap"), echo()).getPayloadString()).isEqualTo("null");
        DtlsTestClient valid = closer.closeLater(DtlsTestClient.psk("dev-psk", KEY_1));
        assertThat(valid.send(coaps(), echo()).getPayloadString()).isEqualTo("psk:dev-psk");
    }

    @Test
    void a_plain_connector_has_no_handshake_failures_and_an_unknown_connector_is_an_error() {
        assertThat(transport.handshakeFailures("coap")).isEqualTo(HandshakeFailures.none());
        assertThatThrownBy(() -> transport.handshakeFailures("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void downlinks_and_notifications_reach_a_dtls_client_through_its_session() throws Exception {
        Counter counter = new Counter();
        DtlsTestClient client = closer.closeLater(DtlsTestClient.psk("dev-psk", KEY_1).serve(counter));
        client.send(coaps(), echo());
        Peer peer = lastUplink.get().peer();

        DownlinkResponse read = transport.downlinks()
                .send(peer, DownlinkRequest.of(CoapMethod.GET, List.of("counter")), TIMEOUT)
                .get(10, TimeUnit.SECONDS);
        assertThat(read.code()).isEqualTo(CoapCode.CONTENT);
        assertThat(read.payloadAsString()).isEqualTo("0");

        List<Notification> notifications = new CopyOnWriteArrayList<>();
        ObserveResult observed = transport.observations()
                .observe(peer, DownlinkRequest.of(CoapMethod.GET, List.of("counter")), TIMEOUT, notifications::add)
                .get(10, TimeUnit.SECONDS);
        assertThat(observed.established()).isTrue();
        counter.increment();
        await().atMost(Duration.ofSeconds(10)).until(() -> !notifications.isEmpty());
        Notification n = notifications.get(0);
        assertThat(n.payload()).isEqualTo("1".getBytes(StandardCharsets.US_ASCII));
        assertThat(n.peer().identity()).isEqualTo(PeerIdentity.psk("dev-psk"));
        assertThat(n.peer().connector()).isEqualTo("coaps");
    }

    @Test
    void under_a_connection_id_a_client_behind_a_rebinding_nat_keeps_its_session_identity_and_observations()
            throws Exception {
        Counter counter = new Counter();
        NatRelay nat = closer.closeLater(new NatRelay(coaps()));
        DtlsTestClient client = closer.closeLater(DtlsTestClient.psk("dev-psk", KEY_1).serve(counter));
        client.send(nat.address(), echo());
        Peer before = lastUplink.get().peer();
        assertThat(before.address()).isEqualTo(nat.outsideAddress());
        List<Notification> notifications = new CopyOnWriteArrayList<>();
        transport.observations()
                .observe(before, DownlinkRequest.of(CoapMethod.GET, List.of("counter")), TIMEOUT, notifications::add)
                .get(10, TimeUnit.SECONDS);

        nat.rebind();
        counter.increment();

        await().atMost(Duration.ofSeconds(10)).until(() -> !notifications.isEmpty());
        Notification n = notifications.get(0);
        assertThat(n.peer().address()).isEqualTo(nat.outsideAddress()).isNotEqualTo(before.address());
        assertThat(n.peer().identity()).isEqualTo(before.identity());
        assertThat(transport.handshakeFailures("coaps").total()).isZero();

        Response again = client.send(nat.address(), echo());
        assertThat(again.getPayloadString()).isEqualTo("psk:dev-psk");
        assertThat(lastUplink.get().peer().address()).isEqualTo(nat.outsideAddress());

        DownlinkResponse toOldAddress = transport.downlinks()
                .send(before, DownlinkRequest.of(CoapMethod.GET, List.of("counter")), TIMEOUT)
                .get(10, TimeUnit.SECONDS);
        assertThat(toOldAddress.payloadAsString()).isEqualTo("1");
    }

    @Test
    void a_downlink_for_one_identity_never_leaves_through_the_session_of_another() throws Exception {
        Counter counter = new Counter();
        DtlsTestClient client = closer.closeLater(DtlsTestClient.psk("dev-psk", KEY_1).serve(counter));
        client.send(coaps(), echo());
        Peer real = lastUplink.get().peer();
        Peer impostor = new Peer(real.connector(), real.address(), PeerIdentity.psk("dev-other"));

        CompletableFuture<DownlinkResponse> sent = transport.downlinks()
                .send(impostor, DownlinkRequest.of(CoapMethod.GET, List.of("counter")), TIMEOUT);

        assertThatThrownBy(() -> sent.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(DownlinkException.class);
        assertThat(counter.reads.get()).isZero();
    }

    /** An observable resource {@code /counter} on the client. */
    private static final class Counter extends CoapResource {
        private final AtomicInteger value = new AtomicInteger();
        private final AtomicInteger reads = new AtomicInteger();

        Counter() {
            super("counter");
            setObservable(true);
        }

        void increment() {
            value.incrementAndGet();
            changed();
        }

        @Override
        public void handleGET(CoapExchange exchange) {
            reads.incrementAndGet();
            exchange.respond(ResponseCode.CONTENT, Integer.toString(value.get()));
        }
    }
}
