package io.wisp.client.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.client.WispClient;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.operation.ObserveRequest;
import io.wisp.core.operation.ResponseCode;
import io.wisp.server.WispServer;
import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.CoapTransport;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.Peer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a client owes its servers beyond the happy path: it answers only them (a stranger gets 4.01 and reads
 * nothing), and when it registers again — here because the server lost its registration and answered the Update
 * with 4.04 — it drops the observations of the old registration, which the server forgot (Core TS §6.4.1).
 */
class WispClientReRegistrationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void int_103_registering_again_drops_the_old_observations() throws Exception {
        WispServer server = WispServer.builder().bindAddress(LOOPBACK).port(0).models(ModelRegistry.bundled()).build();
        server.start();
        InetSocketAddress address = server.localAddress();
        try (WispClient client = WispClient.builder("rereg").bindAddress(LOOPBACK)
                .server(1, address, Duration.ofMinutes(5)).build()) {
            client.start();
            await().atMost(TIMEOUT).until(client::isRegistered);
            assertThat(server.sendAndWait("rereg", ObserveRequest.of("/3/0/13"), TIMEOUT).code())
                    .isEqualTo(ResponseCode.CONTENT);
            await().atMost(TIMEOUT).until(() -> client.observationCount() == 1);
            String firstLocation = client.location(1).orElseThrow();

            server.close();
            server = WispServer.builder().bindAddress(LOOPBACK).port(address.getPort())
                    .models(ModelRegistry.bundled()).build();
            server.start();
            client.triggerUpdate(1);

            WispServer restarted = server;
            await().atMost(TIMEOUT).until(() -> restarted.registrations().byEndpoint("rereg").isPresent()
                    && client.isRegistered() && !client.location(1).orElse(firstLocation).equals(firstLocation));
            await().atMost(TIMEOUT).until(() -> client.observationCount() == 0);
        } finally {
            server.close();
        }
    }

    @Test
    void a_peer_that_is_none_of_the_clients_servers_gets_401() throws Exception {
        WispServer server = WispServer.builder().bindAddress(LOOPBACK).port(0).build();
        server.start();
        CoapTransport stranger = CoapTransport.builder().udp("coap", new InetSocketAddress(LOOPBACK, 0)).build();
        stranger.start();
        try (WispClient client = WispClient.builder("guarded").bindAddress(LOOPBACK)
                .server(1, server.localAddress(), Duration.ofMinutes(5)).build()) {
            client.start();
            await().atMost(TIMEOUT).until(client::isRegistered);
            DownlinkResponse answer = stranger.downlinks().send(Peer.unsecured("coap", client.localAddress()),
                    DownlinkRequest.of(CoapMethod.GET, List.of("3", "0", "2")), TIMEOUT).get(15, TimeUnit.SECONDS);
            assertThat(answer.code()).isEqualTo(CoapCode.UNAUTHORIZED);
            assertThat(answer.payloadAsString()).doesNotContain("guarded");
        } finally {
            stranger.close();
            server.close();
        }
    }
}
