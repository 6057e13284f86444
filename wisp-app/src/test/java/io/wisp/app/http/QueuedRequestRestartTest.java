package io.wisp.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.wisp.app.persistence.WispServerProcess;
import io.wisp.client.WispClient;
import io.wisp.client.object.ModelEnabler;
import io.wisp.client.object.ObjectBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests queued for a sleeping client survive kill -9 of the real {@code wisp server} (issue 8, Core TS §6.5): a
 * Wisp client in queue mode with a text display (3341) registers; after a restart the server counts it as asleep,
 * and three calls of the HTTP API (Write "one", Read, Write "three") wait in its queue. The server is killed with
 * SIGKILL and started again: it queues the three calls again by itself, and when the client sends an Update they
 * reach it in their original order — the display is written "one" then "three", the Read in between sees "one" —
 * and their results arrive as {@code request-result} events in that order.
 */
class QueuedRequestRestartTest {
    private static final String EP = "sleepy-1";
    private static final String TEXT = "/api/v1/clients/" + EP + "/3341/0/5527";

    @TempDir
    Path dir;

    @Test
    void requests_queued_for_a_sleeping_client_are_delivered_in_order_after_a_kill_9() throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        int coap;
        WispClient client;
        try (WispServerProcess first = start("0")) {
            coap = Integer.parseInt(first.await("listening on coap://127\\.0\\.0\\.1:(\\d+)"));
            Http http = new Http(apiPort(first));
            ModelEnabler display = ObjectBuilder.of(3341).instances(0).onWriteString(5527, written::add).build();
            client = WispClient.builder(EP).bindAddress(InetAddress.getLoopbackAddress()).queueMode(true)
                    .awakeTime(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(5)).object(display)
                    .server(1, new InetSocketAddress(InetAddress.getLoopbackAddress(), coap), Duration.ofMinutes(10))
                    .build();
            client.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/clients").body().contains(EP));
            // Reading the history has the database write everything pending, the registration included.
            assertThat(http.get("/api/v1/clients/" + EP + "/history/3341/0/5527").status()).isEqualTo(200);
            first.kill();
        }
        try {
            try (WispServerProcess second = start(Integer.toString(coap))) {
                Http http = new Http(apiPort(second));
                assertThat(http.get("/api/v1/clients/" + EP + "/queue").json().path("presence").asText())
                        .as("a queue-mode client restored from the database counts as asleep").isEqualTo("SLEEPING");
                assertThat(http.put(TEXT, "{\"value\": \"one\"}").status()).isEqualTo(202);
                assertThat(http.get(TEXT + "?format=TEXT").status()).isEqualTo(202);
                assertThat(http.put(TEXT, "{\"value\": \"three\"}").status()).isEqualTo(202);
                assertThat(descriptions(http)).hasSize(3);
                second.kill();
            }
            assertThat(written).as("nothing reached the sleeping client before the restart").isEmpty();

            try (WispServerProcess third = start(Integer.toString(coap))) {
                Http http = new Http(apiPort(third));
                List<String> queued = descriptions(http);
                assertThat(queued).hasSize(3);
                assertThat(queued.get(0)).startsWith("Write").contains("/3341/0/5527");
                assertThat(queued.get(1)).startsWith("Read").contains("/3341/0/5527");
                assertThat(queued.get(2)).startsWith("Write").contains("/3341/0/5527");
                try (EventStream events = EventStream.open(http, "?endpoint=" + EP)) {
                    client.triggerUpdate(1);
                    await().atMost(Duration.ofSeconds(30)).until(() -> results(events).size() == 3);
                    List<JsonNode> results = results(events);
                    assertThat(written).containsExactly("one", "three");
                    assertThat(results).extracting(r -> r.path("operation").asText())
                            .containsExactly("write", "read", "write");
                    assertThat(results.get(1).toString()).as("the Read ran between the two Writes").contains("\"one\"")
                            .doesNotContain("three");
                    assertThat(results).allSatisfy(r -> assertThat(r.has("problem")).as(r.toString()).isFalse());
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> descriptions(http).isEmpty());
                client.close();
            }
        } finally {
            client.close();
        }
    }

    private static List<JsonNode> results(EventStream events) {
        List<JsonNode> out = new ArrayList<>();
        for (EventStream.Event e : events.events) {
            if (e.name().equals("request-result")) {
                out.add(e.data());
            }
        }
        return out;
    }

    private static List<String> descriptions(Http http) {
        Http.Reply r = http.get("/api/v1/clients/" + EP + "/queue");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().path("items").forEach(item -> out.add(item.path("description").asText()));
        return out;
    }

    private WispServerProcess start(String coapPort) {
        return new WispServerProcess(List.of("--data", dir.toString(), "--coap-bind", "127.0.0.1", "--coap-port",
                coapPort, "--coaps-port", "-1", "--bootstrap-port", "-1", "--http-port", "0"));
    }

    private static int apiPort(WispServerProcess process) {
        return Integer.parseInt(process.await("HTTP API on http://127\\.0\\.0\\.1:(\\d+)/api/v1"));
    }
}
