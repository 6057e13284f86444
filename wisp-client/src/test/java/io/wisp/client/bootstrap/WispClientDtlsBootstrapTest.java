package io.wisp.client.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.bootstrap.WispBootstrapServer;
import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.SecurityInstance;
import io.wisp.bootstrap.config.ServerInstance;
import io.wisp.client.WispClient;
import io.wisp.client.engine.RetryPolicy;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.server.WispServer;
import io.wisp.server.registration.Registration;
import io.wisp.transport.security.SecurityInfo;
import io.wisp.transport.PeerIdentity;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Wisp client provisioned with DTLS credentials by the Wisp Bootstrap-Server over plain CoAP, real sockets on
 * 127.0.0.1: the PSK account written to /0 (Security Mode 0, identity and key in /0/x/3 and /0/x/5) is what the next
 * Register to the Wisp server uses, over coaps with that identity; a second bootstrap that changes the key makes the
 * client register again with the new key.
 */
class WispClientDtlsBootstrapTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int SSID = 101;
    private static final String EP = "ets-bs-psk";

    private final BootstrapServerRecorder sessions = new BootstrapServerRecorder();
    private WispServer server;
    private WispBootstrapServer bootstrap;
    private WispClient client;

    @BeforeEach
    void start() {
        server = WispServer.builder().bindAddress(LOOPBACK).port(0).securePort(0).models(ModelRegistry.bundled())
                .build();
        server.start();
        bootstrap = WispBootstrapServer.builder().bindAddress(LOOPBACK).port(0)
                .requestTimeout(Duration.ofSeconds(5)).listener(sessions).build();
        bootstrap.start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        bootstrap.close();
        server.close();
    }

    private static ConditionFactory waiting() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20));
    }

    private BootstrapConfig pskAccount(String identity, byte[] key) {
        String uri = "coaps://127.0.0.1:" + server.secureAddress().getPort();
        return BootstrapConfig.builder()
                .account(SecurityInstance.psk(uri, SSID, identity, key), ServerInstance.of(SSID, 300)).build();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void int_0_bootstrap_provides_psk_credentials_used_for_registration_over_dtls() {
        server.securityStore().add(SecurityInfo.psk(EP, "bs-given-id", bytes("bootstrap-key-01")));
        bootstrap.configs().put(EP, pskAccount("bs-given-id", bytes("bootstrap-key-01")));

        client = WispClient.builder(EP).bindAddress(LOOPBACK).requestTimeout(Duration.ofSeconds(5))
                .bootstrapServer(bootstrap.localAddress())
                .bootstrap(BootstrapSettings.DEFAULT.withSessionTimeout(Duration.ofSeconds(10))
                        .withRetry(new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(1), 1)))
                .build();
        client.start();

        waiting().until(() -> server.registrations().byEndpoint(EP).isPresent() && client.isRegistered());
        Registration first = server.registrations().byEndpoint(EP).orElseThrow();
        assertThat(first.peer().connector()).isEqualTo(WispServer.COAPS);
        assertThat(first.identity()).isEqualTo(PeerIdentity.psk("bs-given-id"));

        // a new key, in the server's store and in the bootstrap configuration: the next Register must use it
        server.securityStore().add(SecurityInfo.psk(EP, "bs-second-id", bytes("bootstrap-key-02")));
        bootstrap.configs().put(EP, pskAccount("bs-second-id", bytes("bootstrap-key-02")));
        client.requestBootstrap();

        waiting().until(() -> server.registrations().byEndpoint(EP)
                .map(r -> PeerIdentity.psk("bs-second-id").equals(r.identity())).orElse(false)
                && client.isRegistered());
        assertThat(sessions.awaitEnded(2)).allMatch(r -> r.isSuccess());
    }

    /**
     * Bootstrap over DTLS with the Wisp Bootstrap-Server (PSK on its CoAPs connector, the client's identity bound to
     * its endpoint), which gives a PSK account for the Wisp server; the client then registers over coaps with it.
     */
    @Test
    void int_0_bootstrap_over_dtls_then_registration_over_dtls() {
        try (WispBootstrapServer secureBootstrap = WispBootstrapServer.builder().bindAddress(LOOPBACK).port(0)
                .securePort(0).requestTimeout(Duration.ofSeconds(5)).listener(sessions).build()) {
            secureBootstrap.start();
            secureBootstrap.securityStore().add(SecurityInfo.psk(EP, "bs-account-id", bytes("bootstrap-acct-k")));
            secureBootstrap.configs().put(EP, pskAccount("server-account-id", bytes("server-account-k")));
            server.securityStore().add(SecurityInfo.psk(EP, "server-account-id", bytes("server-account-k")));
            java.net.URI bootstrapUri = java.net.URI.create("coaps://127.0.0.1:"
                    + secureBootstrap.secureAddress().getPort());

            client = WispClient.builder(EP).bindAddress(LOOPBACK).requestTimeout(Duration.ofSeconds(5))
                    .bootstrapServer(bootstrapUri, io.wisp.client.security.Credentials.psk("bs-account-id",
                            bytes("bootstrap-acct-k")))
                    .bootstrap(BootstrapSettings.DEFAULT.withSessionTimeout(Duration.ofSeconds(10))
                            .withRetry(new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(1), 1)))
                    .build();
            client.start();

            waiting().until(() -> server.registrations().byEndpoint(EP).isPresent() && client.isRegistered());
            assertThat(sessions.awaitEnded(1).get(0).session().peer().identity())
                    .isEqualTo(PeerIdentity.psk("bs-account-id"));
            assertThat(server.registrations().byEndpoint(EP).orElseThrow().identity())
                    .isEqualTo(PeerIdentity.psk("server-account-id"));
        }
    }
}
