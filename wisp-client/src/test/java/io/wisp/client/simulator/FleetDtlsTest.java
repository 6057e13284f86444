package io.wisp.client.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.client.security.Credentials;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ResponseCode;
import io.wisp.server.WispServer;
import io.wisp.server.registration.Registration;
import io.wisp.transport.PeerIdentity;
import io.wisp.transport.TransportConfig;
import io.wisp.transport.security.SecurityInfo;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fleet of PSK devices registering with the Wisp server over DTLS 1.2 on 127.0.0.1 (ETS int-401 at fleet scale):
 * each client handshakes with its own identity from its own socket, is served over the secure connector, and the
 * fleet's threads do not grow with its size; a client whose identity the server does not know is counted as an
 * error and disturbs no other.
 */
class FleetDtlsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int CLIENTS = 150;

    private WispServer server;

    @BeforeEach
    void startServer() {
        server = WispServer.builder().bindAddress(LOOPBACK).port(0).securePort(0).models(ModelRegistry.bundled())
                .build();
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** A device's own 16-byte key, derived from its endpoint name as a provisioning tool might. */
    private static byte[] keyOf(String endpoint) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("fleet-test:" + endpoint).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String identityOf(String endpoint) {
        return "id-" + endpoint;
    }

    private Fleet.Builder fleet(String prefix, int count) {
        for (int k = 0; k < count; k++) {
            String endpoint = prefix + String.format("%0" + Integer.toString(count - 1).length() + "d", k);
            server.securityStore().add(SecurityInfo.psk(endpoint, identityOf(endpoint), keyOf(endpoint)));
        }
        return Fleet.builder(server.secureAddress()).count(count).rate(1000).prefix(prefix)
                .bindAddresses(List.of(LOOPBACK)).protocolThreads(2).schedulerThreads(2)
                .credentials(endpoint -> Credentials.psk(identityOf(endpoint), keyOf(endpoint)));
    }

    /** Waits polling on the test's thread: Awaitility's own poller would be counted among the threads. */
    private static void waitAtMost(Duration bound, Callable<Boolean> condition) {
        Awaitility.await().pollInSameThread().atMost(bound).until(condition);
    }

    @Test
    void int_401_every_client_registers_over_dtls_with_its_own_identity_and_deregisters_on_stop() {
        Fleet warmUp = fleet("warm-", 10).build();
        warmUp.start();
        waitAtMost(Duration.ofSeconds(60), () -> warmUp.stats().registered() == 10);
        int threadsBefore = JvmGauges.threads();
        Fleet fleet = fleet("psk-", CLIENTS).build();

        fleet.start();

        waitAtMost(Duration.ofSeconds(90), () -> fleet.stats().registered() == CLIENTS);
        int fleetThreads = JvmGauges.threads() - threadsBefore;
        Set<Integer> ports = new HashSet<>();
        for (int k = 0; k < CLIENTS; k++) {
            String endpoint = fleet.endpointName(k);
            Registration r = server.registrations().byEndpoint(endpoint).orElseThrow();
            assertThat(r.peer().connector()).isEqualTo(WispServer.COAPS);
            assertThat(r.identity()).isEqualTo(PeerIdentity.psk(identityOf(endpoint)));
            ports.add(r.peer().address().getPort());
        }
        assertThat(ports).as("one DTLS source port per client").hasSize(CLIENTS);
        assertThat(fleet.stats().errors()).as(fleet.stats().lastError()).isZero();
        assertThat(fleetThreads).as("a second fleet's shared threads, not one or two per DTLS client")
                .isBetween(1, 7);
        for (int k = 0; k < 3; k++) {
            assertThat(server.sendAndWait(fleet.endpointName(k), ReadRequest.of("/3/0/0"), TIMEOUT).code())
                    .isEqualTo(ResponseCode.CONTENT);
        }

        assertThat(fleet.stop(Duration.ofSeconds(60))).isTrue();
        assertThat(fleet.stats().deregistrations()).isEqualTo(CLIENTS);
        assertThat(server.registrations().size()).isEqualTo(10);
        assertThat(warmUp.stop(Duration.ofSeconds(30))).isTrue();
        assertThat(server.registrations().size()).isZero();
    }

    @Test
    void a_client_with_an_unknown_identity_is_an_error_of_its_own() {
        Fleet fleet = fleet("mixed-", 5)
                // the client learns of the refused handshake only when its flight retransmissions end: quick ones
                .transportConfig(TransportConfig.client().toBuilder().ackTimeout(Duration.ofMillis(200))
                        .maxRetransmit(2).build())
                .credentials(endpoint -> Credentials.psk(endpoint.endsWith("3") ? "nobody" : identityOf(endpoint),
                        keyOf(endpoint)))
                .build();
        fleet.start();

        waitAtMost(Duration.ofSeconds(30), () -> fleet.stats().registered() == 4 && fleet.stats().errors() > 0);
        assertThat(fleet.stats().lastError()).startsWith("Register failed").contains("DTLS handshake");
        assertThat(server.registrations().byEndpoint("mixed-3")).isEmpty();
        assertThat(server.registrations().size()).isEqualTo(4);
        assertThat(fleet.stop(Duration.ofSeconds(30))).isTrue();
    }
}
