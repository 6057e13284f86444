package io.wisp.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.app.persistence.StoredRequest;
import io.wisp.app.persistence.WispDatabase;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.server.WispServer;
import io.wisp.server.queue.QueueConfig;
import io.wisp.app.http.device.RequestJournal;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API keeps the calls that wait for a sleeping queue-mode client (Core TS §6.5) in the H2 database: each
 * 202 answer has its row (method, URL, query and body, in submission order); a cancelled call loses its row, so does
 * a delivered one and one whose client de-registers; a server that stops keeps the rows of what was still waiting,
 * and an API over the same database and a server that knows the registration queues them again, in order. The
 * client is a Leshan client in queue mode.
 */
class QueuedRequestJournalTest {
    private static final String EP = "journal-q";

    @TempDir
    Path dir;

    @Test
    void queued_calls_are_stored_until_delivered_or_cancelled_and_kept_when_the_server_stops() throws Exception {
        try (WispDatabase db = WispDatabase.open(dir)) {
            WispServer server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0)
                    .models(ModelRegistry.bundled()).registrationStore(db.registrations())
                    .queue(QueueConfig.defaults().withAwakeTime(Duration.ofSeconds(1))).build();
            server.start();
            int coapPort = server.localAddress().getPort();
            HttpApi api = HttpApi.start(ApiServices.of(server).withQueuedRequests(db.queuedRequests()),
                    HttpSettings.loopback(0), null);
            Http http = new Http(api.port());
            try (LeshanPeer sleepy = LeshanPeer.start(EP, server.localAddress(), 300, true)) {
                sleepy.awaitRegistered();
                awaitPresence(http, "SLEEPING");

                Http.Reply read = http.get(ApiFixture.client(EP, "/3/0/0?format=TEXT"));
                Http.Reply write = http.put(ApiFixture.client(EP, "/3303/0/5750"), "{\"value\": \"attic\"}");
                Http.Reply cancelled = http.get(ApiFixture.client(EP, "/3303/0/5700"));
                assertThat(List.of(read.status(), write.status(), cancelled.status())).containsOnly(202);

                List<StoredRequest> rows = db.queuedRequests().byEndpoint(EP);
                assertThat(rows).hasSize(3);
                assertThat(rows.get(0).document()).contains("\"method\":\"GET\"", "/3/0/0", "format=TEXT");
                assertThat(rows.get(1).document()).contains("\"method\":\"PUT\"", "/3303/0/5750", "attic");
                assertThat(rows.get(1).registrationId())
                        .isEqualTo(server.registrations().byEndpoint(EP).orElseThrow().id());

                long third = cancelled.json().path("requestId").asLong();
                assertThat(http.delete(ApiFixture.client(EP, "/queue/" + third)).status()).isEqualTo(204);
                await().atMost(Duration.ofSeconds(10)).until(() -> db.queuedRequests().byEndpoint(EP).size() == 2);

                api.close();
                server.close();
                assertThat(db.queuedRequests().byEndpoint(EP)).as("a stopping server keeps what still waits")
                        .extracting(StoredRequest::document).containsExactly(rows.get(0).document(),
                                rows.get(1).document());

                WispServer again = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1"))
                        .port(coapPort).models(ModelRegistry.bundled())
                        .registrationStore(db.registrations())
                        .queue(QueueConfig.defaults().withAwakeTime(Duration.ofSeconds(1))).build();
                again.start();
                HttpApi second = HttpApi.start(ApiServices.of(again).withQueuedRequests(db.queuedRequests()),
                        HttpSettings.loopback(0), null);
                try {
                    Http http2 = new Http(second.port());
                    assertThat(second.restoreQueuedRequests()).isEqualTo(2);
                    assertThat(http2.get(ApiFixture.client(EP, "/queue")).json().path("items")
                            .findValues("description")).extracting(Object::toString)
                            .satisfiesExactly(d -> assertThat(d).contains("/3/0/0"),
                                    d -> assertThat(d).contains("/3303/0/5750"));

                    try (EventStream events = EventStream.open(http2, "?endpoint=" + EP)) {
                        sleepy.triggerUpdate();
                        assertThat(events.await("request-result", d -> d.path("operation").asText().equals("write"))
                                .data().path("code").asText()).isEqualTo("2.04");
                    }
                    await().atMost(Duration.ofSeconds(20)).until(() -> db.queuedRequests().all().isEmpty());
                } finally {
                    second.close();
                    again.close();
                }
            }
        }
    }

    @Test
    void the_stored_calls_of_a_client_that_de_registers_are_dropped() throws Exception {
        try (WispDatabase db = WispDatabase.open(dir)) {
            WispServer server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0)
                    .models(ModelRegistry.bundled()).registrationStore(db.registrations())
                    .queue(QueueConfig.defaults().withAwakeTime(Duration.ofSeconds(1))).build();
            server.start();
            HttpApi api = HttpApi.start(ApiServices.of(server).withQueuedRequests(db.queuedRequests()),
                    HttpSettings.loopback(0), null);
            try (LeshanPeer sleepy = LeshanPeer.start(EP, server.localAddress(), 300, true)) {
                Http http = new Http(api.port());
                sleepy.awaitRegistered();
                awaitPresence(http, "SLEEPING");
                assertThat(http.get(ApiFixture.client(EP, "/3/0/0")).status()).isEqualTo(202);
                assertThat(db.queuedRequests().byEndpoint(EP)).hasSize(1);

                long stored = db.queuedRequests().byEndpoint(EP).get(0).id();
                HttpResponse<String> claiming = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + api.port() + ApiFixture.client(EP, "/3/0/1")))
                        .header(RequestJournal.RESTORED_HEADER, Long.toString(stored)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(claiming.statusCode()).isEqualTo(202);
                assertThat(db.queuedRequests().byEndpoint(EP)).as("an outside caller cannot claim a stored call "
                        + "with the replay header: its call is stored as a new one").hasSize(2);

                try (EventStream events = EventStream.open(http, "?endpoint=" + EP)) {
                    sleepy.deregisterAndStop();
                    assertThat(events.await("request-result", d -> true).data().has("problem"))
                            .as("the call failed with the registration, it was not delivered").isTrue();
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> db.queuedRequests().all().isEmpty());
            } finally {
                api.close();
                server.close();
            }
        }
    }

    private static void awaitPresence(Http http, String presence) {
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get(ApiFixture.client(EP, "/queue")).json()
                .path("presence").asText().equals(presence));
    }
}
