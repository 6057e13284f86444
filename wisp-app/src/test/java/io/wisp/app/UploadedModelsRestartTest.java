package io.wisp.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.app.persistence.StoredModel;
import io.wisp.app.persistence.WispDatabase;
import io.wisp.client.WispClient;
import io.wisp.client.simulator.SimulatedObjects;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.ddf.DdfReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Object definitions uploaded to {@code wisp server} outlive a restart: they are stored in its database and loaded
 * again before clients register, so a client registering with such an object after the restart is still decoded
 * with its types. A stored definition that no longer reads is skipped and the server starts anyway.
 */
class UploadedModelsRestartTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path data;

    private RunningServer start() {
        return RunningServer.start("--coap-port", "0", "--coaps-port", "-1", "--bootstrap-port", "-1",
                "--coap-bind", "127.0.0.1", "--http-port", "0", "--data", data.toString());
    }

    private static String api(RunningServer server) {
        return "http://127.0.0.1:" + server.find("http://127\\.0\\.0\\.1:(\\d+)/api/v1");
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).build());
    }

    private static HttpResponse<String> upload(String api, String name, String ddf) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(api + "/api/v1/models?name=" + name))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(ddf)).build());
    }

    /** A one-resource object whose resource 0 has {@code type}. */
    private static String ddf(int id, String name, String type) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<LWM2M>"
                + "<Object ObjectType=\"MODefinition\"><Name>" + name + "</Name>"
                + "<Description1>An object uploaded by a test.</Description1><ObjectID>" + id + "</ObjectID>"
                + "<ObjectURN>urn:oma:lwm2m:x:" + id + "</ObjectURN><LWM2MVersion>1.1</LWM2MVersion>"
                + "<ObjectVersion>1.0</ObjectVersion><MultipleInstances>Multiple</MultipleInstances>"
                + "<Mandatory>Optional</Mandatory><Resources>"
                + "<Item ID=\"0\"><Name>Level</Name><Operations>R</Operations>"
                + "<MultipleInstances>Single</MultipleInstances><Mandatory>Mandatory</Mandatory>"
                + "<Type>" + type + "</Type><RangeEnumeration></RangeEnumeration><Units></Units>"
                + "<Description>The level.</Description></Item>"
                + "</Resources><Description2></Description2></Object></LWM2M>\n";
    }

    private static void stop(RunningServer server) throws Exception {
        server.command().stop();
        assertThat(server.exit().get()).isZero();
    }

    @Test
    void an_uploaded_definition_is_served_and_decoded_after_a_restart() throws Exception {
        String level = ddf(33001, "Level Meter", "Integer");
        RunningServer first = start();
        try {
            assertThat(upload(api(first), "level.xml", level).statusCode()).isEqualTo(201);
        } finally {
            stop(first);
        }

        RunningServer second = start();
        try {
            String api = api(second);
            HttpResponse<String> model = get(api + "/api/v1/models/33001");
            assertThat(model.statusCode()).isEqualTo(200);
            assertThat(model.body()).contains("\"source\":\"upload:level.xml\"", "Level Meter");

            int port = Integer.parseInt(second.find("coap://127\\.0\\.0\\.1:(\\d+)"));
            ObjectModels uploaded = DdfReader.read(level.getBytes(StandardCharsets.UTF_8), "test").objectModels();
            WispClient.Builder builder = WispClient.builder("level-1")
                    .server(1, new InetSocketAddress("127.0.0.1", port), Duration.ofMinutes(5))
                    .bindAddress(new InetSocketAddress("127.0.0.1", 0));
            SimulatedObjects.of(List.of(33001), uploaded).create(Clock.systemUTC(), 1).forEach(builder::object);
            try (WispClient device = builder.build()) {
                device.start();
                Awaitility.await().atMost(TIMEOUT).until(device::isRegistered);

                HttpResponse<String> read = get(api + "/api/v1/clients/level-1/33001/0/0?format=tlv");
                assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
                assertThat(read.body()).as("TLV decoded with the restored model's type").contains("\"INTEGER\"");
            }
        } finally {
            stop(second);
        }
    }

    @Test
    void a_stored_definition_that_no_longer_reads_is_skipped_and_the_server_starts() throws Exception {
        try (WispDatabase db = WispDatabase.open(data)) {
            db.uploadedModels().save(new StoredModel(33002, "1.0", "upload:broken.xml", "<LWM2M><Object>",
                    Instant.EPOCH));
            db.uploadedModels().save(new StoredModel(33003, "1.0", "upload:fine.xml", ddf(33003, "Fine", "Float"),
                    Instant.EPOCH.plusSeconds(1)));
        }

        RunningServer server = start();
        try {
            String api = api(server);
            assertThat(get(api + "/api/v1/models/33002").statusCode()).isEqualTo(404);
            assertThat(get(api + "/api/v1/models/33003").body()).contains("\"source\":\"upload:fine.xml\"");
        } finally {
            stop(server);
        }
    }

    @Test
    void a_second_upload_of_an_object_replaces_the_stored_one() throws Exception {
        RunningServer first = start();
        try {
            String api = api(first);
            assertThat(upload(api, "v1.xml", ddf(33004, "First name", "Integer")).statusCode()).isEqualTo(201);
            assertThat(upload(api, "v2.xml", ddf(33004, "Second name", "Float")).statusCode()).isEqualTo(201);
        } finally {
            stop(first);
        }

        RunningServer second = start();
        try {
            HttpResponse<String> model = get(api(second) + "/api/v1/models/33004");
            assertThat(model.body()).contains("Second name", "\"source\":\"upload:v2.xml\"").doesNotContain(
                    "First name");
        } finally {
            stop(second);
        }
        try (WispDatabase db = WispDatabase.open(data)) {
            assertThat(db.uploadedModels().all()).extracting(StoredModel::objectId).containsExactly(33004);
        }
    }
}
