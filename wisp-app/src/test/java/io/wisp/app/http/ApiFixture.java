package io.wisp.app.http;

import static org.awaitility.Awaitility.await;

import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.server.WispServer;
import io.wisp.server.queue.QueueConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One Wisp server on 127.0.0.1 with its HTTP API, and one client registered to it ({@link #EP}; Leshan unless a
 * subclass overrides {@link #startPeer}), per test
 * class. Queue-mode clients count as asleep one second after they last talked (so queue tests need not wait 93 s).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiFixture {
    static final String EP = "api-dev";
    static final long LIFETIME = 300;

    WispServer server;
    HttpApi api;
    Http http;
    ApiPeer device;

    @BeforeAll
    void startAll() throws Exception {
        server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0)
                .models(ModelRegistry.bundled())
                .queue(QueueConfig.defaults().withAwakeTime(Duration.ofSeconds(1))).build();
        server.start();
        api = HttpApi.start(server, HttpSettings.loopback(0), null);
        http = new Http(api.port());
        device = startPeer(EP, server.localAddress(), LIFETIME);
        await().atMost(Duration.ofSeconds(20)).until(() -> server.registrations().byEndpoint(EP).isPresent());
        device.awaitRegistered();
    }

    @AfterAll
    void stopAll() {
        if (device != null) {
            device.close();
        }
        if (api != null) {
            api.close();
        }
        server.close();
    }

    /** The client under test: a Leshan client unless a subclass manages another. */
    ApiPeer startPeer(String endpoint, InetSocketAddress address, long lifetime) {
        return LeshanPeer.start(endpoint, address, lifetime, false);
    }

    /** {@code /api/v1/clients/<ep><rest>}. */
    static String client(String ep, String rest) {
        return "/api/v1/clients/" + ep + rest;
    }
}
