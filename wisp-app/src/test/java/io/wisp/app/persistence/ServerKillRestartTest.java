package io.wisp.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.transport.testing.DtlsTestClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the real {@code wisp server} (issue 8: "nothing is lost"): the command a user runs, in its own JVM, on a
 * temporary data directory. Before the kill a plain client registers and is observed through the HTTP API and
 * notifies once, and a DTLS client registers with a PSK credential added through the HTTP API
 * ({@code PUT /api/v1/security/{ep}}); a bootstrap configuration is added the same way
 * ({@code PUT /api/v1/bootstrap/configs/{ep}}). After SIGKILL a new {@code wisp server} on the same ports must still
 * know both clients (the old location answers an Update 2.04), take the next notification of the observation made
 * before the kill (an ACK, not a Reset) into the value history next to the value from before, accept the PSK
 * handshake and registration, and answer a Bootstrap-Request for the configured endpoint.
 */
class ServerKillRestartTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final byte[] PSK = {0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88};

    @TempDir
    Path dir;

    @Test
    void after_a_kill_9_wisp_server_keeps_registrations_observations_credentials_configs_and_values()
            throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int coap;
        int coaps;
        int bootstrap;
        List<String> location;
        Token observation;
        try (RawClient device = new RawClient(100); RawClient booting = new RawClient(5000)) {
            try (WispServerProcess first = new WispServerProcess(List.of("--data", dir.toString(), "--coap-bind",
                    "127.0.0.1", "--coap-port", "0", "--coaps-port", "0", "--bootstrap-port", "0",
                    "--bootstrap-coaps-port", "-1", "--http-port", "0"))) {
                coap = Integer.parseInt(first.await("listening on coap://127\\.0\\.0\\.1:(\\d+)"));
                coaps = Integer.parseInt(first.await("and coaps://127\\.0\\.0\\.1:(\\d+)"));
                bootstrap = Integer.parseInt(first.await("bootstrap server listening on coap://127\\.0\\.0\\.1:(\\d+)"));
                String api = "http://127.0.0.1:" + first.await("HTTP API on http://127\\.0\\.0\\.1:(\\d+)/api/v1");
                InetSocketAddress server = new InetSocketAddress(loopback, coap);
                assertThat(put(api + "/api/v1/security/secure-1", "{\"mode\": \"PSK\", \"identity\": \"secure-1-id\","
                        + " \"key\": \"" + HexFormat.of().formatHex(PSK) + "\"}")).isEqualTo(201);
                assertThat(put(api + "/api/v1/bootstrap/configs/boot-1", "{\"securities\": [{\"serverUri\":"
                        + " \"coap://127.0.0.1:5683\", \"shortServerId\": 1, \"mode\": \"NO_SEC\"}], \"servers\":"
                        + " [{\"shortServerId\": 1, \"lifetime\": 300}]}")).isIn(200, 201);

                Response created = device.register(server, "kill-raw", 300);
                assertThat(created.getCode()).isEqualTo(CoAP.ResponseCode.CREATED);
                location = created.getOptions().getLocationPath();
                try (DtlsTestClient secure = DtlsTestClient.psk("secure-1-id", PSK)) {
                    assertThat(secure.send(new InetSocketAddress(loopback, coaps), register("secure-1")).getCode())
                            .isEqualTo(CoAP.ResponseCode.CREATED);
                }

                CompletableFuture<HttpResponse<String>> observed = HTTP.sendAsync(HttpRequest.newBuilder(
                        URI.create(api + "/api/v1/clients/kill-raw/3/0/9/observe?format=TEXT"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                observation = device.acceptObserve("80", 1).getToken();
                assertThat(observed.get().statusCode()).as(observed.get().body()).isEqualTo(200);
                assertThat(device.notify(server, observation, 2, "79").getType()).isEqualTo(CoAP.Type.ACK);
                // Reading the history has the database write everything pending, registrations included.
                await().atMost(Duration.ofSeconds(20)).until(() -> get(api + "/api/v1/clients/kill-raw/history/3/0/9")
                        .contains("\"value\":79"));

                first.kill();
            }

            try (WispServerProcess second = new WispServerProcess(List.of("--data", dir.toString(), "--coap-bind",
                    "127.0.0.1", "--coap-port", Integer.toString(coap), "--coaps-port", Integer.toString(coaps),
                    "--bootstrap-port", Integer.toString(bootstrap), "--bootstrap-coaps-port", "-1",
                    "--http-port", "0"))) {
                String api = "http://127.0.0.1:" + second.await("HTTP API on http://127\\.0\\.0\\.1:(\\d+)/api/v1");
                assertThat(second.output()).contains("2 registrations, 1 observations restored");
                InetSocketAddress server = new InetSocketAddress(loopback, coap);
                assertThat(get(api + "/api/v1/clients")).contains("\"kill-raw\"", "\"secure-1\"");

                Message answer = device.notify(server, observation, 3, "78");
                assertThat(answer.getType()).as("the observation made before the kill").isEqualTo(CoAP.Type.ACK);
                await().atMost(Duration.ofSeconds(20)).until(() -> get(api + "/api/v1/clients/kill-raw/history/3/0/9")
                        .contains("\"value\":78"));
                assertThat(get(api + "/api/v1/clients/kill-raw/history/3/0/9")).contains("\"value\":79");

                assertThat(device.update(server, location).getCode()).isEqualTo(CoAP.ResponseCode.CHANGED);
                try (DtlsTestClient secure = DtlsTestClient.psk("secure-1-id", PSK)) {
                    assertThat(secure.send(new InetSocketAddress(loopback, coaps), register("secure-1")).getCode())
                            .as("PSK handshake and registration with the stored credential")
                            .isEqualTo(CoAP.ResponseCode.CREATED);
                }
                InetSocketAddress bs = new InetSocketAddress(loopback, bootstrap);
                assertThat(booting.bootstrapRequest(bs, "boot-1").getCode()).isEqualTo(CoAP.ResponseCode.CHANGED);
                try (RawClient unknown = new RawClient(9000)) {
                    assertThat(unknown.bootstrapRequest(bs, "nobody").getCode())
                            .isNotEqualTo(CoAP.ResponseCode.CHANGED);
                }
            }
        }
    }

    private static Request register(String endpoint) {
        Request r = Request.newPost();
        r.getOptions().setUriPath("rd").addUriQuery("ep=" + endpoint).addUriQuery("lt=300").addUriQuery("lwm2m=1.1")
                .addUriQuery("b=U").setContentFormat(40);
        r.setPayload("</1/0>,</3/0>");
        return r;
    }

    private static int put(String url, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(url + ": " + r.body()).isLessThan(300);
        return r.statusCode();
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
        return r.body();
    }
}
