package io.wisp.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Device management (Core TS §6.3) and observation (§6.4) through the HTTP API, against a Leshan client over real
 * UDP ({@link WispClientDeviceManagementApiTest} runs the same against a Wisp client): every operation, its JSON, the
 * notifications on the event stream, and the problem documents of the ways it can fail.
 */
class DeviceManagementApiTest extends ApiFixture {

    /** The structured formats both the client and the server speak. */
    List<String> structuredFormats() {
        return List.of("TLV", "SENML_JSON", "SENML_CBOR", "JSON");
    }

    @ParameterizedTest
    @MethodSource("structuredFormats")
    void int_203_read_of_the_device_instance_in_each_structured_format(String format) {
        Http.Reply r = http.get(client(EP, "/3/0?format=" + format));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.path("code").asText()).isEqualTo("2.05");
        assertThat(json.path("format").asText()).isEqualTo(format);
        JsonNode content = json.path("content");
        assertThat(content.path("kind").asText()).isEqualTo("instance");
        JsonNode manufacturer = content.path("resources").path("0");
        assertThat(manufacturer.path("value").asText()).isEqualTo("Wisp tests");
        assertThat(manufacturer.path("type").asText()).isEqualTo("STRING");
        assertThat(manufacturer.path("name").asText()).isEqualTo("Manufacturer");
        assertThat(content.path("resources").path("1").path("value").asText()).isEqualTo("api");
    }

    @Test
    void a_float_resource_read_as_text_is_a_json_number() {
        JsonNode json = http.get(client(EP, "/3303/0/5700?format=TEXT")).json();

        assertThat(json.path("content").path("type").asText()).isEqualTo("FLOAT");
        assertThat(json.path("content").path("value").isNumber()).isTrue();
        assertThat(json.path("content").path("value").doubleValue()).isEqualTo(21.5);
    }

    @Test
    void int_220_write_replaces_a_resource_and_a_read_gives_it_back() {
        Http.Reply written = http.put(client(EP, "/3303/0/5750"), "{\"value\": \"boiler\"}");

        assertThat(written.status()).as(written.toString()).isEqualTo(200);
        assertThat(written.json().path("code").asText()).isEqualTo("2.04");
        assertThat(http.get(client(EP, "/3303/0/5750")).json().path("content").path("value").asText())
                .isEqualTo("boiler");
    }

    @Test
    void int_225_write_in_update_mode_changes_only_the_given_resources() {
        Http.Reply written = http.put(client(EP, "/3303/0?mode=update&format=SENML_CBOR"),
                "{\"resources\": {\"5750\": {\"value\": \"hall\"}}}");

        assertThat(written.status()).as(written.toString()).isEqualTo(200);
        assertThat(written.json().path("code").asText()).isEqualTo("2.04");
        JsonNode instance = http.get(client(EP, "/3303/0?format=SENML_JSON")).json().path("content");
        assertThat(instance.path("resources").path("5750").path("value").asText()).isEqualTo("hall");
        assertThat(instance.path("resources").path("5701").path("value").asText()).as("untouched").isEqualTo("Cel");
    }

    @Test
    void int_301_observe_a_resource_a_notification_reaches_the_stream_then_cancel() throws Exception {
        try (EventStream stream = EventStream.open(http, "?endpoint=" + EP)) {
            Http.Reply observed = http.post(client(EP, "/3303/0/5700/observe?format=SENML_CBOR"), "", "text/plain");
            assertThat(observed.status()).as(observed.toString()).isEqualTo(200);
            String id = observed.json().path("observation").path("id").asText();

            device.set(5700, 24.75);

            EventStream.Event n = stream.await("notification",
                    d -> d.path("content").path("/3303/0/5700").path("value").asDouble() == 24.75);
            assertThat(n.data().path("observation").path("id").asText()).isEqualTo(id);
            Http.Reply cancelled = http.delete(client(EP, "/3303/0/5700/observe"));
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
            assertThat(cancelled.json().path("cancelled").path(0).path("code").asText()).isEqualTo("2.05");
            assertThat(http.get(client(EP, "/observations")).json().path("items").size()).isZero();
        } finally {
            device.set(5700, 21.5);
        }
    }

    @Test
    void int_304_observe_composite_a_notification_reaches_the_stream_then_cancel() throws Exception {
        String paths = "paths=/3/0/0,/3303/0/5701";
        try (EventStream stream = EventStream.open(http, "?endpoint=" + EP)) {
            Http.Reply observed = http.post(client(EP, "/composite/observe?format=SENML_CBOR&" + paths), "",
                    "text/plain");
            assertThat(observed.status()).as(observed.toString()).isEqualTo(200);
            assertThat(observed.json().path("content").path("/3/0/0").path("value").asText()).isEqualTo("Wisp tests");

            device.set(5701, "Far");

            EventStream.Event n = stream.await("notification",
                    d -> d.path("content").path("/3303/0/5701").path("value").asText().equals("Far"));
            assertThat(n.data().path("content").path("/3/0/0").path("value").asText()).isEqualTo("Wisp tests");
            Http.Reply cancelled = http.delete(client(EP, "/composite/observe?" + paths));
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
            assertThat(http.get(client(EP, "/observations")).json().path("items").size()).isZero();
        } finally {
            device.set(5701, "Cel");
        }
    }

    @Test
    void what_a_read_returns_can_be_written_back_as_it_is() {
        JsonNode read = http.get(client(EP, "/3303/0/5750?format=TLV")).json().path("content");

        Http.Reply written = http.put(client(EP, "/3303/0/5750"), read.toString());

        assertThat(written.status()).as(written.toString()).isEqualTo(200);
    }

    @Test
    void a_value_that_does_not_match_the_model_type_is_a_400_naming_the_member_and_nothing_is_sent() {
        http.put(client(EP, "/3303/0/5750"), "{\"value\": \"kitchen\"}");

        Http.Reply single = http.put(client(EP, "/3303/0/5750"), "{\"value\": 12}");
        Http.Reply nested = http.put(client(EP, "/3303/0"), "{\"resources\": {\"5750\": {\"value\": true}}}");

        assertThat(single.status()).isEqualTo(400);
        assertThat(single.contentType()).startsWith("application/problem+json");
        assertThat(single.json().path("field").asText()).isEqualTo("body.value");
        assertThat(single.json().path("detail").asText()).contains("STRING");
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.json().path("field").asText()).isEqualTo("body.resources.5750.value");
        assertThat(http.get(client(EP, "/3303/0/5750")).json().path("content").path("value").asText())
                .isEqualTo("kitchen");
    }

    @Test
    void int_241_execute_hands_the_argument_string_to_the_device() {
        Http.Reply r = http.post(client(EP, "/3303/0/5605/execute"), "0='now',1", "text/plain");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("code").asText()).isEqualTo("2.04");
        assertThat(device.executions()).contains("5605:0='now',1");
    }

    @Test
    void execute_with_a_broken_argument_string_is_a_400_naming_the_body() {
        Http.Reply r = http.post(client(EP, "/3303/0/5605/execute"), "0='unterminated", "text/plain");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("field").asText()).isEqualTo("body");
    }

    @Test
    void int_250_create_then_delete_an_instance() {
        Http.Reply created = http.post(client(EP, "/3303"),
                "{\"id\": 1, \"resources\": {\"5700\": {\"value\": 19.25}, \"5701\": {\"value\": \"Cel\"}}}",
                "application/json");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("code").asText()).isEqualTo("2.01");
        assertThat(created.json().path("location").asText()).isEqualTo("/3303/1");
        assertThat(created.raw().headers().firstValue("Location")).contains("/api/v1/clients/" + EP + "/3303/1");
        assertThat(http.get(client(EP, "/3303/1/5700")).json().path("content").path("value").doubleValue())
                .isEqualTo(19.25);

        Http.Reply deleted = http.delete(client(EP, "/3303/1"));
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(deleted.json().path("code").asText()).isEqualTo("2.02");

        Http.Reply gone = http.get(client(EP, "/3303/1"));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("type").asText()).isEqualTo("urn:wisp:problem:lwm2m-error");
        assertThat(gone.json().path("lwm2mCode").asText()).isEqualTo("4.04");
        assertThat(gone.json().path("endpoint").asText()).isEqualTo(EP);
    }

    @Test
    void int_260_write_attributes_then_discover_shows_them() {
        Http.Reply set = http.method("PUT", client(EP, "/3303/0/5700/attributes?pmin=2&pmax=30"), null);
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().path("code").asText()).isEqualTo("2.04");

        JsonNode discover = http.get(client(EP, "/3303/0/discover")).json();

        assertThat(discover.path("code").asText()).isEqualTo("2.05");
        JsonNode link = null;
        for (JsonNode l : discover.path("links")) {
            if (l.path("path").asText().equals("/3303/0/5700")) {
                link = l;
            }
        }
        assertThat(link).as("link of /3303/0/5700 in %s", discover).isNotNull();
        assertThat(link.path("attributes").path("pmin").asText()).isEqualTo("2");
        assertThat(link.path("attributes").path("pmax").asText()).isEqualTo("30");
    }

    @Test
    void int_235_read_composite_of_two_objects() {
        Http.Reply r = http.get(client(EP, "/composite?paths=/3/0/0,/3303/0/5701&format=SENML_JSON"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode content = r.json().path("content");
        assertThat(content.path("/3/0/0").path("value").asText()).isEqualTo("Wisp tests");
        assertThat(content.path("/3303/0/5701").path("value").asText()).isEqualTo("Cel");
    }

    @Test
    void write_composite_then_read_back() {
        Http.Reply r = http.put(client(EP, "/composite?format=SENML_CBOR"),
                "{\"nodes\": {\"/3303/0/5750\": {\"value\": \"attic\"}}}");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("code").asText()).isEqualTo("2.04");
        assertThat(http.get(client(EP, "/3303/0/5750")).json().path("content").path("value").asText())
                .isEqualTo("attic");
    }

    @Test
    void an_unknown_endpoint_is_a_404_problem() {
        Http.Reply r = http.get(client("nobody", "/3/0"));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("type").asText()).isEqualTo("urn:wisp:problem:unknown-endpoint");
        assertThat(r.json().path("endpoint").asText()).isEqualTo("nobody");
        assertThat(r.json().path("instance").asText()).isEqualTo("/api/v1/clients/nobody/3/0");
    }

    @Test
    void a_bad_format_name_is_a_400_naming_the_field_and_the_valid_names() {
        Http.Reply r = http.get(client(EP, "/3/0?format=XML"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("type").asText()).isEqualTo("urn:wisp:problem:bad-request");
        assertThat(r.json().path("field").asText()).isEqualTo("format");
        assertThat(r.json().path("detail").asText()).contains("XML").contains("SENML_CBOR");
    }

    @Test
    void a_bad_path_is_a_400_naming_the_path() {
        Http.Reply r = http.get(client(EP, "/3/x"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("field").asText()).isEqualTo("path");
    }

    @Test
    void delete_of_a_resource_is_refused_before_it_reaches_the_device_with_the_rule_in_utf8() {
        Http.Reply r = http.delete(client(EP, "/3303/0/5700"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("field").asText()).isEqualTo("path");
        assertThat(r.json().path("detail").asText()).contains("§6.3.7");
    }

    @Test
    void a_device_that_does_not_answer_gives_504() {
        try (LeshanPeer mute = LeshanPeer.start("api-mute", server.localAddress(), LIFETIME, false)) {
            mute.awaitRegistered();
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> server.registrations().byEndpoint("api-mute").isPresent());
            mute.goSilent();

            Http.Reply r = http.get(client("api-mute", "/3/0?timeout=1"));

            assertThat(r.status()).as(r.toString()).isEqualTo(504);
            assertThat(r.json().path("type").asText()).isEqualTo("urn:wisp:problem:device-timeout");
            assertThat(r.json().path("endpoint").asText()).isEqualTo("api-mute");
        }
    }
}
