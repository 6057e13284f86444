package io.wisp.client.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.client.WispClient;
import io.wisp.client.engine.RetryPolicy;
import io.wisp.client.security.Credentials;
import io.wisp.server.WispServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.leshan.core.SecurityMode;
import org.eclipse.leshan.core.endpoint.Protocol;
import org.eclipse.leshan.core.request.BindingMode;
import org.eclipse.leshan.server.bootstrap.BootstrapConfig;
import org.eclipse.leshan.server.bootstrap.BootstrapFailureCause;
import org.eclipse.leshan.server.bootstrap.BootstrapSession;
import org.eclipse.leshan.server.bootstrap.BootstrapSessionAdapter;
import org.eclipse.leshan.server.bootstrap.InMemoryBootstrapConfigStore;
import org.eclipse.leshan.server.bootstrap.LeshanBootstrapServer;
import org.eclipse.leshan.server.bootstrap.LeshanBootstrapServerBuilder;
import org.eclipse.leshan.server.californium.bootstrap.endpoint.CaliforniumBootstrapServerEndpointsProvider;
import org.eclipse.leshan.server.californium.bootstrap.endpoint.coaps.CoapsBootstrapServerProtocolProvider;
import org.eclipse.leshan.server.security.BootstrapSecurityStoreAdapter;
import org.eclipse.leshan.server.security.InMemorySecurityStore;
import org.eclipse.leshan.server.security.SecurityInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bootstrap over DTLS (Core TS §6.1, Transport TS §5.2): the Wisp client holds a PSK Bootstrap-Server Account for
 * Leshan's bootstrap server (2.0.0-M15) listening on CoAPs only, bootstraps over that DTLS session, and registers
 * with the Wisp server it was given. A wrong bootstrap key gets no session and is reported as a handshake failure.
 */
class WispClientDtlsLeshanBootstrapTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final byte[] KEY = "bs-dtls-key-0001".getBytes(StandardCharsets.UTF_8);

    private final List<String> ended = new CopyOnWriteArrayList<>();
    private final RecordingBootstrapEvents clientEvents = new RecordingBootstrapEvents();
    private final InMemorySecurityStore security = new InMemorySecurityStore();
    private final InMemoryBootstrapConfigStore configs = new InMemoryBootstrapConfigStore();
    private LeshanBootstrapServer bootstrap;
    private WispServer server;
    private WispClient client;

    @BeforeEach
    void start() {
        CaliforniumBootstrapServerEndpointsProvider endpoints = new CaliforniumBootstrapServerEndpointsProvider
                .Builder(new CoapsBootstrapServerProtocolProvider())
                .addEndpoint(new InetSocketAddress(LOOPBACK, 0), Protocol.COAPS).build();
        bootstrap = new LeshanBootstrapServerBuilder().setEndpointsProviders(endpoints).setConfigStore(configs)
                .setSecurityStore(new BootstrapSecurityStoreAdapter(security)).build();
        bootstrap.addListener(new BootstrapSessionAdapter() {
            @Override
            public void end(BootstrapSession session) {
                ended.add("success");
            }

            @Override
            public void failed(BootstrapSession session, BootstrapFailureCause cause) {
                ended.add(cause.name());
            }
        });
        bootstrap.start();
        server = WispServer.builder().bindAddress(LOOPBACK).port(0).build();
        server.start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        bootstrap.destroy();
        server.close();
    }

    private URI bootstrapUri() {
        return URI.create("coaps://127.0.0.1:" + bootstrap.getEndpoint(Protocol.COAPS).getURI().getPort());
    }

    private BootstrapConfig plainAccount(int ssid) {
        BootstrapConfig config = new BootstrapConfig();
        config.toDelete.add("/0");
        config.toDelete.add("/1");
        BootstrapConfig.ServerSecurity account = new BootstrapConfig.ServerSecurity();
        account.uri = "coap://127.0.0.1:" + server.localAddress().getPort();
        account.securityMode = SecurityMode.NO_SEC;
        account.serverId = ssid;
        config.security.put(1, account);
        BootstrapConfig.ServerConfig s = new BootstrapConfig.ServerConfig();
        s.shortId = ssid;
        s.lifetime = 120;
        s.binding = EnumSet.of(BindingMode.U);
        config.servers.put(0, s);
        return config;
    }

    private WispClient.Builder client(String endpoint, byte[] key) {
        return WispClient.builder(endpoint).bindAddress(LOOPBACK).requestTimeout(Duration.ofSeconds(5))
                .transportConfig(io.wisp.transport.TransportConfig.client().toBuilder()
                        .ackTimeout(Duration.ofMillis(300)).maxRetransmit(2).build())
                .bootstrapServer(bootstrapUri(), Credentials.psk(endpoint + "-bs-id", key))
                .bootstrap(BootstrapSettings.DEFAULT.withEvents(clientEvents)
                        .withRetry(new RetryPolicy(2, Duration.ofMillis(300), Duration.ofSeconds(1), 1)));
    }

    @Test
    void int_0_client_initiated_bootstrap_over_dtls_psk() throws Exception {
        security.add(SecurityInfo.newPreSharedKeyInfo("bs-dtls", "bs-dtls-bs-id", KEY));
        configs.add("bs-dtls", plainAccount(61));

        client = client("bs-dtls", KEY).build();
        client.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> !ended.isEmpty());
        assertThat(ended).containsExactly("success");
        await().atMost(Duration.ofSeconds(30)).until(() -> client.isRegistered()
                && server.registrations().byEndpoint("bs-dtls").isPresent());
    }

    @Test
    void a_wrong_bootstrap_key_gets_no_session_and_is_reported() throws Exception {
        security.add(SecurityInfo.newPreSharedKeyInfo("bs-wrong", "bs-wrong-bs-id", KEY));
        configs.add("bs-wrong", plainAccount(62));

        client = client("bs-wrong", "another-key-0002".getBytes(StandardCharsets.UTF_8)).build();
        client.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> clientEvents.failures.stream()
                .anyMatch(f -> f.contains("DTLS handshake")));
        assertThat(ended).isEmpty();
        assertThat(client.isRegistered()).isFalse();
    }
}
