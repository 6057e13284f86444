package io.wisp.app.console;

import io.wisp.app.http.ApiServices;
import io.wisp.app.http.ApiToken;
import io.wisp.app.http.HttpApi;
import io.wisp.app.http.HttpSettings;
import io.wisp.app.http.models.UploadableModels;
import io.wisp.bootstrap.WispBootstrapServer;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.server.WispServer;
import io.wisp.server.queue.QueueConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * What {@code wisp server} runs, on ephemeral loopback ports: the LwM2M server (CoAP, and CoAPs with the credentials
 * of its security store) with the bundled models (to which
 * uploads add), a Bootstrap-Server, and the HTTP API, which serves the console. Queue-mode clients count as asleep
 * {@link #AWAKE_TIME} after they last talked.
 */
final class ConsoleServer implements AutoCloseable {
    /** How long a queue-mode client counts as awake after it last talked: short, so tests see it fall asleep. */
    static final Duration AWAKE_TIME = Duration.ofSeconds(1);

    final WispServer server;
    final WispBootstrapServer bootstrap;
    final HttpApi api;

    private ConsoleServer(HttpSettings settings, ApiToken token) {
        try {
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            server = WispServer.builder().bindAddress(loopback).port(0).securePort(0)
                    .models(new UploadableModels(ModelRegistry.bundled()))
                    .queue(QueueConfig.defaults().withAwakeTime(AWAKE_TIME)).build();
            bootstrap = WispBootstrapServer.builder().bindAddress(loopback).port(0)
                    .requestTimeout(Duration.ofSeconds(5)).build();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        server.start();
        bootstrap.start();
        try {
            api = HttpApi.start(ApiServices.of(server).withBootstrap(bootstrap), settings, token);
        } catch (RuntimeException e) {
            bootstrap.close();
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

    /** The CoAPs (DTLS, PSK) address. */
    InetSocketAddress coaps() {
        return server.secureAddress();
    }

    @Override
    public void close() {
        api.close();
        bootstrap.close();
        server.close();
    }
}
