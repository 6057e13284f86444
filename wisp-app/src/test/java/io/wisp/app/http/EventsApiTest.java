package io.wisp.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the API reports over time, against Leshan clients over real UDP: the registered clients, the live event
 * stream (registrations, notifications, queued request results), the value history, the queue of a sleeping
 * client, and the metrics.
 */
class EventsApiTest extends ApiFixture {

    @Test
    void the_registered_clients_page_by_prefix() {
        JsonNode page = http.get("/api/v1/clients?prefix=api-d").json();

        assertThat(page.path("total").asInt()).isEqualTo(1);
        JsonNode r = page.path("items").path(0);
        assertThat(r.path("endpoint").asText()).isEqualTo(EP);
        assertThat(r.path("registrationId").asText()).isEqualTo(server.registrations().byEndpoint(EP).orElseThrow()
                .id());
        assertThat(r.path("lifetime").asLong()).isEqualTo(LIFETIME);
        List<Integer> objects = new ArrayList<>();
        r.path("objects").forEach(o -> objects.add(o.path("id").asInt()));
        assertThat(objects).contains(1, 3, 3303);
        assertThat(http.get("/api/v1/clients?prefix=zzz").json().path("total").asInt()).isZero();
        assertThat(http.get("/api/v1/clients/" + EP).json().path("endpoint").asText()).isEqualTo(EP);
        Http.Reply bad = http.get("/api/v1/clients?limit=0");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("field").asText()).isEqualTo("limit");
    }

    @Test
    void int_101_a_registration_and_its_deregistration_are_seen_live_on_the_stream() throws Exception {
        try (EventStream mine = EventStream.open(http, "?endpoint=api-live");
                EventStream others = EventStream.open(http, "?endpoint=someone-else");
                LeshanPeer live = LeshanPeer.start("api-live", server.localAddress(), 120, false)) {
            EventStream.Event registered = mine.await("registration",
                    d -> d.path("endpoint").asText().equals("api-live"));

            assertThat(registered.data().path("registration").path("lifetime").asLong()).isEqualTo(120);
            assertThat(registered.data().path("registration").path("registrationId").asText()).isNotEmpty();
            assertThat(registered.id()).isNotBlank();

            live.deregisterAndStop();
            mine.await("deregistration", d -> d.path("registrationId").asText()
                    .equals(registered.data().path("registration").path("registrationId").asText()));
            assertThat(others.events).isEmpty();
        }
    }

    @Test
    void the_stream_answers_only_requests_that_accept_event_streams() {
        Http.Reply r = http.get("/api/v1/events");

        assertThat(r.status()).isEqualTo(406);
        assertThat(r.json().path("type").asText()).isEqualTo("urn:wisp:problem:not-acceptable");
    }

    @Test
    void int_301_observe_then_a_notification_arrives_on_the_stream_and_in_the_history() throws Exception {
        try (EventStream stream = EventStream.open(http, "?endpoint=" + EP)) {
            Http.Reply observed = http.post(client(EP, "/3303/0/5700/observe?format=TLV"), "", "text/plain");
            assertThat(observed.status()).as(observed.toString()).isEqualTo(200);
            String id = observed.json().path("observation").path("id").asText();
            assertThat(id).hasSize(16);
            assertThat(observed.json().path("content").path("value").doubleValue()).isEqualTo(21.5);
            assertThat(http.get(client(EP, "/observations")).json().path("items").findValuesAsText("id"))
                    .contains(id);

            device.set(5700, 30.5);

            EventStream.Event n = stream.await("notification",
                    d -> d.path("content").path("/3303/0/5700").path("value").asDouble() == 30.5);
            assertThat(n.data().path("observation").path("id").asText()).isEqualTo(id);
            JsonNode history = http.get(client(EP, "/history/3303/0/5700")).json();
            JsonNode last = history.path("items").path(history.path("items").size() - 1);
            assertThat(last.path("value").doubleValue()).isEqualTo(30.5);
            assertThat(last.path("source").asText()).isEqualTo("notification");
            assertThat(last.path("time").path("epochSeconds").asLong()).isPositive();

            Http.Reply cancelled = http.delete(client(EP, "/3303/0/5700/observe"));
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
            assertThat(cancelled.json().path("cancelled").path(0).path("code").asText()).isEqualTo("2.05");
            assertThat(http.get(client(EP, "/observations")).json().path("items").size()).isZero();
        }
    }

    @Test
    void int_370_data_a_client_sends_is_on_the_stream_and_in_the_history() throws Exception {
        try (EventStream stream = EventStream.open(http, "?endpoint=" + EP)) {
            device.set(5701, "Far");

            device.send("/3303/0/5701", "/3/0/0");

            EventStream.Event sent = stream.await("send", d -> true);
            assertThat(sent.data().path("format").asText()).isEqualTo("SENML_CBOR");
            JsonNode nodes = sent.data().path("data").path(0).path("nodes");
            assertThat(nodes.path("/3303/0/5701").path("value").asText()).isEqualTo("Far");
            assertThat(nodes.path("/3/0/0").path("value").asText()).isEqualTo("Wisp tests");
            JsonNode items = http.get(client(EP, "/history/3303/0")).json().path("items");
            assertThat(items.findValuesAsText("source")).contains("send");
            assertThat(items.findValuesAsText("value")).contains("Far");
            device.set(5701, "Cel");
        }
    }

    @Test
    void queue_mode_requests_wait_are_listed_cancelled_and_delivered_on_wake_up() throws Exception {
        try (EventStream stream = EventStream.open(http, "?endpoint=api-q");
                LeshanPeer sleepy = LeshanPeer.start("api-q", server.localAddress(), LIFETIME, true)) {
            sleepy.awaitRegistered();
            await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/clients/api-q").json()
                    .path("presence").asText().equals("SLEEPING"));
            stream.await("sleeping", d -> true);

            Http.Reply first = http.get(client("api-q", "/3/0/0"));
            Http.Reply second = http.get(client("api-q", "/3303/0/5701"));
            assertThat(first.status()).as(first.toString()).isEqualTo(202);
            assertThat(first.json().path("status").asText()).isEqualTo("QUEUED");
            long one = first.json().path("requestId").asLong();
            long two = second.json().path("requestId").asLong();

            JsonNode queue = http.get(client("api-q", "/queue")).json();
            assertThat(queue.path("presence").asText()).isEqualTo("SLEEPING");
            assertThat(queue.path("items").findValues("requestId")).extracting(JsonNode::asLong)
                    .containsExactly(one, two);

            assertThat(http.get("/metrics").body()).containsPattern("(?m)^wisp_queue_depth 2\\.0");
            assertThat(http.delete(client("api-q", "/queue/" + two)).status()).isEqualTo(204);
            assertThat(http.get("/metrics").body()).containsPattern("(?m)^wisp_queue_depth 1\\.0");
            assertThat(http.get(client("api-q", "/queue")).json().path("items").findValues("requestId"))
                    .extracting(JsonNode::asLong).containsExactly(one);
            assertThat(http.delete(client("api-q", "/queue/" + two)).status()).isEqualTo(404);
            stream.await("request-result", d -> d.path("requestId").asLong() == two && d.path("problem")
                    .path("type").asText().equals("urn:wisp:problem:request-cancelled"));

            sleepy.triggerUpdate();

            stream.await("awake", d -> true);
            EventStream.Event result = stream.await("request-result", d -> d.path("requestId").asLong() == one);
            assertThat(result.data().path("code").asText()).isEqualTo("2.05");
            assertThat(result.data().path("content").path("value").asText()).isEqualTo("Wisp tests");
            assertThat(http.get(client("api-q", "/queue")).json().path("items").size()).isZero();
        }
    }

    @Test
    void metrics_count_registrations_and_requests_without_endpoint_names() {
        assertThat(http.get(client(EP, "/3/0/0")).status()).isEqualTo(200);

        Http.Reply r = http.get("/metrics");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain");
        assertThat(r.body()).contains("wisp_registrations_total", "wisp_registration_updates_total",
                "wisp_registration_expiries_total", "wisp_notifications_total", "wisp_queue_depth",
                "wisp_registrations_active");
        assertThat(r.body()).containsPattern("wisp_requests_total\\{operation=\"read\",result=\"2\\.05\"} [1-9]");
        assertThat(r.body()).containsPattern("(?m)^wisp_registrations_total [1-9]");
        assertThat(r.body()).doesNotContain(EP);
    }

    @Test
    void health_answers() {
        JsonNode health = http.get("/health").json();

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("registrations").asInt()).isPositive();
    }
}
