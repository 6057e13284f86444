package io.wisp.app.console;

import io.wisp.app.http.ApiToken;
import io.wisp.app.http.HttpApi;
import io.wisp.app.http.HttpSettings;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.server.WispServer;
import io.wisp.server.queue.QueueConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * What {@code wisp server} runs, on ephemeral loopback ports: the LwM2M server with the bundled models and its HTTP
 * API, which serves the console. Queue-mode clients count as asleep {@link #AWAKE_TIME} after they last talked.
 */
final class ConsoleServer implements AutoCloseable {
    /** How long a queue-mode client counts as awake after it last talked: short, so tests see it fall asleep. */
    static final Duration AWAKE_TIME = Duration.ofSeconds(1);

    final WispServer server;
    final HttpApi api;

    private ConsoleServer(HttpSettings settings, ApiToken token) {
        try {
            server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0)
                    .models(ModelRegistry.bundled())
                    .queue(QueueConfig.defaults().withAwakeTime(AWAKE_TIME)).build();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        server.start();
        try {
            api = HttpApi.start(server, settings, token);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The server with its API on loopback, without a token. */
    static ConsoleServer start() {
        return new ConsoleServer(HttpSettings.loopback(0), null);
    }

    /** The server with its API requiring {@code token}, as it does when it listens beyond loopback. */
    static ConsoleServer startWithToken(ApiToken token) {
        return new ConsoleServer(HttpSettings.loopback(0).withTokenRequired(true), token);
    }

    /** Where the console is: {@code http://127.0.0.1:<port>}. */
    String url() {
        return "http://127.0.0.1:" + api.port();
    }

    InetSocketAddress coap() {
        return server.localAddress();
    }

    @Override
    public void close() {
        api.close();
        server.close();
    }
}
