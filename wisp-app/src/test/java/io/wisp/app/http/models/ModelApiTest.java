package io.wisp.app.http.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wisp.app.http.HttpApi;
import io.wisp.app.http.HttpSettings;
import io.wisp.core.model.ArgumentModel;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ddf.DdfReadResult;
import io.wisp.core.model.ddf.DdfReader;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.DataType;
import io.wisp.server.WispServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /api/v1/models} as a console or script uses it: the bundled definitions listed and shown with typed ranges,
 * their DDF files read back by Wisp's DDF reader, and definitions being edited judged by the validator of
 * {@code wisp objects validate}, with the 400s that name what a definition cannot hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private WispServer server;
    private HttpApi api;

    @BeforeAll
    void start() throws Exception {
        server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0)
                .models(ModelRegistry.bundled()).build();
        server.start();
        api = HttpApi.start(server, HttpSettings.loopback(0), null);
    }

    @AfterAll
    void stop() {
        if (api != null) {
            api.close();
        }
        server.close();
    }

    @Test
    void the_list_holds_every_known_definition_in_id_order_with_its_source() throws Exception {
        JsonNode list = json(get("/api/v1/models"), 200);

        List<Integer> ids = new ArrayList<>();
        list.path("items").forEach(m -> ids.add(m.path("id").asInt()));
        assertThat(ids).isSorted().contains(0, 1, 3, 3303).hasSize(ModelRegistry.bundled().all().size());
        assertThat(list.path("total").asInt()).isEqualTo(ids.size());
        JsonNode device = item(list, 3);
        assertThat(device.path("name").asText()).isEqualTo("Device");
        assertThat(device.path("source").asText()).isEqualTo("bundled:3.xml");
        assertThat(device.path("resourceCount").asInt()).isEqualTo(ModelRegistry.bundled().find(3).orElseThrow()
                .resources().size());
    }

    @Test
    void a_definition_shows_types_operations_units_and_ranges_read_for_the_type() throws Exception {
        JsonNode device = json(get("/api/v1/models/3"), 200);
        JsonNode battery = resource(device, 9);
        assertThat(battery.path("name").asText()).isEqualTo("Battery Level");
        assertThat(battery.path("type").asText()).isEqualTo("INTEGER");
        assertThat(battery.path("units").asText()).isEqualTo("/100");
        assertThat(battery.path("readable").asBoolean()).isTrue();
        assertThat(battery.path("writable").asBoolean()).isFalse();
        assertThat(battery.path("range").path("kind").asText()).isEqualTo("numbers");
        assertThat(battery.path("range").path("entries").get(0).path("min").asText()).isEqualTo("0");
        assertThat(battery.path("range").path("entries").get(0).path("max").asText()).isEqualTo("100");
        JsonNode reboot = resource(device, 4);
        assertThat(reboot.path("executable").asBoolean()).isTrue();
        assertThat(reboot.path("type").asText()).isEqualTo("NONE");

        JsonNode server = json(get("/api/v1/models/1"), 200);
        JsonNode transport = resource(server, 22);
        assertThat(transport.path("range").path("kind").asText()).isEqualTo("strings");
        assertThat(transport.path("range").path("values")).extracting(JsonNode::asText)
                .containsExactly("U", "M", "H", "T", "S", "N");
    }

    @Test
    void unknown_and_malformed_ids_are_problems_naming_the_field() throws Exception {
        HttpResponse<String> unknown = get("/api/v1/models/4242");
        assertThat(json(unknown, 404).path("field").asText()).isEqualTo("id");
        assertThat(json(get("/api/v1/models/door"), 400).path("field").asText()).isEqualTo("id");
        assertThat(json(get("/api/v1/models/3?version=one"), 400).path("field").asText()).isEqualTo("version");
    }

    @Test
    void the_ddf_file_of_a_definition_reads_back_as_the_same_definition() throws Exception {
        HttpResponse<String> r = get("/api/v1/models/3303/ddf");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        DdfReadResult read = DdfReader.read(r.body().getBytes(StandardCharsets.UTF_8), "3303.xml");
        assertThat(read.problems()).isEmpty();
        assertThat(read.models()).containsExactly(ModelRegistry.bundled().find(3303).orElseThrow());
    }

    @Test
    void a_definition_breaking_the_template_gets_the_validators_findings() throws Exception {
        ObjectNode body = doorSensor();
        ((ObjectNode) body.path("resources").get(0)).put("type", "NONE");
        body.put("urn", "urn:oma:lwm2m:x:33002");
        body.put("description", "x".repeat(135));

        JsonNode result = json(post("/api/v1/models/validate", body), 200);

        assertThat(result.path("valid").asBoolean()).isFalse();
        assertThat(rules(result, "error")).contains("resource.type.missing", "urn.id");
        assertThat(rules(result, "warning")).contains("description.too-long");
        assertThat(result.path("errors").asInt()).isEqualTo(rules(result, "error").size());
        assertThat(result.path("ddf").asText()).contains("<ObjectID>33001</ObjectID>");
    }

    @Test
    void a_valid_definition_comes_back_as_ddf_xml_that_reads_as_the_same_definition() throws Exception {
        JsonNode result = json(post("/api/v1/models/validate", doorSensor()), 200);

        assertThat(rules(result, "error")).isEmpty();
        assertThat(result.path("valid").asBoolean()).isTrue();
        DdfReadResult read = DdfReader.read(result.path("ddf").asText().getBytes(StandardCharsets.UTF_8), "door");
        assertThat(read.problems()).isEmpty();
        ObjectModel model = read.models().get(0);
        assertThat(model.id()).isEqualTo(33001);
        assertThat(model.name()).isEqualTo("Door Sensor");
        assertThat(model.resource(0).type()).isEqualTo(DataType.BOOLEAN);
        assertThat(model.resource(1).arguments()).containsExactly(
                new ArgumentModel(0, "Duration", DataType.INTEGER, "0..3600", "s", "How long it sounds."));
    }

    @Test
    void what_a_definition_cannot_hold_is_a_400_naming_the_member() throws Exception {
        ObjectNode twice = doorSensor();
        ((ObjectNode) twice.path("resources").get(1)).put("id", 0);
        assertThat(json(post("/api/v1/models/validate", twice), 400).path("field").asText())
                .isEqualTo("body.resources[1].id");

        ObjectNode outOfRange = doorSensor().put("id", 70000);
        assertThat(json(post("/api/v1/models/validate", outOfRange), 400).path("field").asText())
                .isEqualTo("body.id");

        ObjectNode badVersion = doorSensor().put("objectVersion", "1.x");
        assertThat(json(post("/api/v1/models/validate", badVersion), 400).path("field").asText())
                .isEqualTo("body.objectVersion");

        ObjectNode badType = doorSensor();
        ((ObjectNode) badType.path("resources").get(0)).put("type", "Decimal");
        assertThat(json(post("/api/v1/models/validate", badType), 400).path("field").asText())
                .isEqualTo("body.resources[0].type");
    }

    /** A vendor object that passes every rule: a Boolean resource and an executable one with one argument. */
    private static ObjectNode doorSensor() {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", 33001).put("name", "Door Sensor").put("description", "Reports whether a door is open.")
                .put("urn", "urn:oma:lwm2m:x:33001").put("objectVersion", "1.0").put("lwm2mVersion", "1.1")
                .put("multiple", true).put("mandatory", false)
                .put("license", "Copyright 2026 the Wisp authors. BSD-3-Clause");
        ArrayNode resources = body.putArray("resources");
        resources.addObject().put("id", 0).put("name", "Open").put("operations", "R").put("multiple", false)
                .put("mandatory", true).put("type", "BOOLEAN").put("description", "Whether the door is open.");
        ObjectNode alarm = resources.addObject().put("id", 1).put("name", "Sound Alarm").put("operations", "E")
                .put("multiple", false).put("mandatory", false).put("type", "NONE")
                .put("description", "Sounds the alarm.");
        alarm.putArray("arguments").addObject().put("order", 0).put("name", "Duration").put("type", "Integer")
                .put("rangeEnumeration", "0..3600").put("units", "s").put("description", "How long it sounds.");
        return body;
    }

    private static List<String> rules(JsonNode result, String severity) {
        List<String> out = new ArrayList<>();
        result.path("findings").forEach(f -> {
            if (f.path("severity").asText().equals(severity)) {
                out.add(f.path("rule").asText());
            }
        });
        return out;
    }

    private static JsonNode item(JsonNode list, int id) {
        for (JsonNode m : list.path("items")) {
            if (m.path("id").asInt() == id) {
                return m;
            }
        }
        throw new AssertionError("no model " + id + " in " + list);
    }

    private static JsonNode resource(JsonNode model, int id) {
        for (JsonNode r : model.path("resources")) {
            if (r.path("id").asInt() == id) {
                return r;
            }
        }
        throw new AssertionError("no resource " + id + " in " + model.path("name"));
    }

    private JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, JsonNode body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
