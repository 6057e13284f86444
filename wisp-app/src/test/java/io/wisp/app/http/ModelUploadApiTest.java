package io.wisp.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.app.http.models.UploadableModels;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.server.WispServer;
import java.net.InetAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /api/v1/models}: a valid DDF file joins the models the server decodes with and is listed; a file with
 * errors is a 400 carrying the validator's findings, and adds nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelUploadApiTest {
    private WispServer server;
    private HttpApi api;
    private Http http;

    @BeforeAll
    void start() throws Exception {
        server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0)
                .models(new UploadableModels(ModelRegistry.bundled())).build();
        server.start();
        api = HttpApi.start(server, HttpSettings.loopback(0), null);
        http = new Http(api.port());
    }

    @AfterAll
    void stop() {
        api.close();
        server.close();
    }

    @Test
    void a_valid_file_joins_the_models() {
        Http.Reply r = http.post("/api/v1/models?name=level.xml", TestDdf.oneResource(33001, "Level Meter", "Integer"),
                "application/xml");

        assertThat(r.status()).as("%s", r).isEqualTo(201);
        assertThat(r.json().path("models").get(0).path("id").asInt()).isEqualTo(33001);
        assertThat(server.models().find(33001)).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("Level Meter"));
        assertThat(http.get("/api/v1/models").json().path("items").findValuesAsText("name")).contains("Level Meter");
        assertThat(http.get("/api/v1/models/33001").json().path("source").asText()).isEqualTo("upload:level.xml");
    }

    @Test
    void a_file_with_errors_is_refused_with_the_findings() {
        Http.Reply r = http.post("/api/v1/models", TestDdf.oneResource(33002, "Broken", "Integr"), "application/xml");

        assertThat(r.status()).as("%s", r).isEqualTo(400);
        assertThat(r.contentType()).startsWith(ApiProblem.CONTENT_TYPE);
        assertThat(r.json().path("errors").asInt()).isPositive();
        assertThat(r.json().path("findings").findValuesAsText("severity")).contains("error");
        assertThat(server.models().find(33002)).isEmpty();
        assertThat(http.post("/api/v1/models", "", "application/xml").json().path("field").asText())
                .isEqualTo("body");
    }
}
