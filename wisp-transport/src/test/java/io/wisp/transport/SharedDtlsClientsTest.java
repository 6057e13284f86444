package io.wisp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.transport.testing.Closer;
import io.wisp.transport.testing.TestServerSecurity;
import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Client-role DTLS connectors on shared {@link TransportResources}, as the fleet simulator runs secured devices: each
 * client has its own socket and its own DTLS session, and none adds a thread (Scandium alone would start a receiver
 * and a timer thread per connector). Real DTLS 1.2 with PSK over 127.0.0.1.
 */
class SharedDtlsClientsTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Closer closer = new Closer();
    private final TransportResources resources = TransportResources.create(2);
    private final TestServerSecurity serverSecurity = TestServerSecurity.issue("localhost");
    private CoapTransport server;

    @BeforeEach
    void startServer() {
        server = closer.closeLater(CoapTransport.builder()
                .dtls("coaps", LOOPBACK, serverSecurity.security())
                .route("echo", request -> UplinkResponse.content(CoapCode.CONTENT, 0,
                        String.valueOf(request.peer().identity()).getBytes(StandardCharsets.UTF_8)))
                .build());
        server.start();
    }

    @AfterEach
    void closeAll() throws Exception {
        closer.closeAll();
        resources.close();
    }

    private static byte[] key(int k) {
        return String.format("key-of-device-%02d", k % 100).getBytes(StandardCharsets.US_ASCII);
    }

    /** A shared client transport with one PSK connector, {@code coaps}, as device {@code k}. */
    private CoapTransport startDevice(int k) {
        serverSecurity.putPsk("dev-" + k, key(k));
        CoapTransport t = closer.closeLater(CoapTransport.builder().udp("coap", LOOPBACK)
                .config(TransportConfig.client()).resources(resources).build());
        t.start();
        t.addConnector(new ConnectorSpec.DtlsClient("coaps", LOOPBACK, DtlsClientSecurity.psk("dev-" + k, key(k))));
        return t;
    }

    /** Every device's GET of /echo, 50 in flight at a time; returns the identities the server saw. */
    private List<String> echoAll(List<CoapTransport> devices) {
        List<String> seen = new ArrayList<>();
        Peer target = Peer.unsecured("coaps", server.localAddress("coaps"));
        for (int start = 0; start < devices.size(); start += 50) {
            List<CompletableFuture<DownlinkResponse>> answers = new ArrayList<>();
            for (int k = start; k < Math.min(devices.size(), start + 50); k++) {
                answers.add(devices.get(k).downlinks().send(target, DownlinkRequest.of(CoapMethod.GET,
                        List.of("echo")), TIMEOUT));
            }
            for (CompletableFuture<DownlinkResponse> answer : answers) {
                DownlinkResponse response = answer.orTimeout(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS).join();
                assertThat(response.code()).isEqualTo(CoapCode.CONTENT);
                seen.add(response.payloadAsString());
            }
        }
        return seen;
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    @Test
    void int_401_two_hundred_psk_devices_handshake_from_their_own_sockets_without_a_thread_each() {
        List<CoapTransport> devices = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            devices.add(startDevice(k));
        }
        assertThat(echoAll(devices)).hasSize(10);
        int withTen = liveThreads();
        for (int k = 10; k < 200; k++) {
            devices.add(startDevice(k));
        }

        List<String> identities = echoAll(devices);
        int withTwoHundred = liveThreads();

        Set<String> expected = new HashSet<>();
        for (int k = 0; k < 200; k++) {
            expected.add("psk:dev-" + k);
        }
        assertThat(new HashSet<>(identities)).as("each device's own DTLS identity").isEqualTo(expected);
        Set<Integer> ports = new HashSet<>();
        devices.forEach(d -> ports.add(d.localAddress("coaps").getPort()));
        assertThat(ports).as("distinct DTLS source ports").hasSize(200);
        assertThat(withTwoHundred - withTen).as("threads added by 190 more DTLS devices").isLessThanOrEqualTo(1);
        devices.forEach(d -> assertThat(d.handshakeFailures("coaps").total()).isZero());
    }

    @Test
    void a_removed_dtls_connector_frees_its_port_and_the_other_devices_keep_their_sessions() throws Exception {
        CoapTransport first = startDevice(1);
        CoapTransport second = startDevice(2);
        assertThat(echoAll(List.of(first, second))).containsExactly("psk:dev-1", "psk:dev-2");
        InetSocketAddress firstAddress = first.localAddress("coaps");

        assertThat(first.removeConnector("coaps")).isTrue();

        try (DatagramSocket rebound = new DatagramSocket(firstAddress)) {
            assertThat(rebound.getLocalPort()).isEqualTo(firstAddress.getPort());
        }
        assertThat(echoAll(List.of(second))).containsExactly("psk:dev-2");
        assertThat(second.handshakeFailures("coaps").total()).isZero();
    }

    @Test
    void a_wrong_key_fails_only_that_devices_handshake() {
        CoapTransport good = startDevice(3);
        serverSecurity.putPsk("dev-bad", key(4));
        CoapTransport bad = closer.closeLater(CoapTransport.builder().udp("coap", LOOPBACK)
                .config(TransportConfig.client().toBuilder().ackTimeout(Duration.ofMillis(200)).maxRetransmit(2)
                        .build())
                .resources(resources).build());
        bad.start();
        bad.addConnector(new ConnectorSpec.DtlsClient("coaps", LOOPBACK, DtlsClientSecurity.psk("dev-bad", key(5))));

        Peer target = Peer.unsecured("coaps", server.localAddress("coaps"));
        CompletableFuture<DownlinkResponse> refused = bad.downlinks().send(target,
                DownlinkRequest.of(CoapMethod.GET, List.of("echo")), TIMEOUT);

        assertThat(refused).failsWithin(TIMEOUT).withThrowableThat().havingCause()
                .isInstanceOf(DownlinkException.class);
        assertThat(bad.handshakeFailures("coaps").total()).isPositive();
        assertThat(echoAll(List.of(good))).containsExactly("psk:dev-3");
    }
}
