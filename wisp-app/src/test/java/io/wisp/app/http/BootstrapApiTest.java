package io.wisp.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.wisp.bootstrap.WispBootstrapServer;
import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.CertificateUsage;
import io.wisp.bootstrap.config.Credentials;
import io.wisp.bootstrap.config.SecurityInstance;
import io.wisp.client.WispClient;
import io.wisp.client.bootstrap.BootstrapSettings;
import io.wisp.client.engine.RetryPolicy;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.server.WispServer;
import io.wisp.transport.testing.TestCertificates;
import io.wisp.transport.testing.TestCertificates.Issued;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /api/v1/bootstrap} over real HTTP with a Wisp Bootstrap-Server in the process: configurations are checked
 * as the Bootstrap-Server checks them (a refusal names the member), keys are write-only yet kept when an edit leaves
 * them out, and a real client's bootstrap over UDP shows up in the sessions and as {@code bootstrap-session} events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BootstrapApiTest {
    private static final String KEY_HEX = "a1b2c3d4e5f60718";

    private WispServer server;
    private WispBootstrapServer bootstrap;
    private HttpApi api;
    private Http http;

    @BeforeAll
    void start() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        server = WispServer.builder().bindAddress(loopback).port(0).models(ModelRegistry.bundled()).build();
        server.start();
        bootstrap = WispBootstrapServer.builder().bindAddress(loopback).port(0)
                .requestTimeout(Duration.ofSeconds(5)).build();
        bootstrap.start();
        api = HttpApi.start(ApiServices.of(server).withBootstrap(bootstrap), HttpSettings.loopback(0), null);
        http = new Http(api.port());
    }

    @AfterAll
    void stop() {
        api.close();
        bootstrap.close();
        server.close();
    }

    private String pskConfig(String key) {
        return "{\"securities\":[{\"serverUri\":\"coaps://127.0.0.1:5684\",\"shortServerId\":7,\"mode\":\"PSK\","
                + "\"identity\":\"bs-psk-id\"" + (key == null ? "" : ",\"key\":\"" + key + "\"") + "}],"
                + "\"servers\":[{\"shortServerId\":7,\"lifetime\":300,\"binding\":\"U\"}]}";
    }

    /** An X.509 account; {@code usage} is the raw JSON of {@code certificateUsage}, or null to leave it out. */
    private static String x509Config(Issued device, Issued serverCa, String usage) throws Exception {
        Base64.Encoder b64 = Base64.getEncoder();
        return "{\"securities\":[{\"serverUri\":\"coaps://127.0.0.1:5684\",\"shortServerId\":8,\"mode\":\"X509\","
                + "\"certificate\":\"" + b64.encodeToString(device.certificate().getEncoded()) + "\","
                + "\"privateKey\":\"" + b64.encodeToString(device.keys().getPrivate().getEncoded()) + "\","
                + "\"serverCertificate\":\"" + b64.encodeToString(serverCa.certificate().getEncoded()) + "\""
                + (usage == null ? "" : ",\"certificateUsage\":" + usage) + "}],"
                + "\"servers\":[{\"shortServerId\":8,\"lifetime\":300}]}";
    }

    @Test
    void an_x509_certificate_usage_is_stored_written_to_0_x_15_and_shown_without_the_keys() throws Exception {
        Issued ca = TestCertificates.certificateAuthority("Usage CA");
        Issued device = TestCertificates.leaf("bs-x509-usage", ca);
        Http.Reply created = http.put("/api/v1/bootstrap/configs/bs-x509-usage", x509Config(device, ca, "2"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        SecurityInstance stored = bootstrap.configs().get("bs-x509-usage").orElseThrow().securities().get(0);
        assertThat(((Credentials.X509) stored.credentials()).certificateUsage())
                .contains(CertificateUsage.TRUST_ANCHOR_ASSERTION);
        assertThat(stored.toNode(0).resource(15)).isEqualTo(SingleResource.of(15, Value.unsigned(2)));
        Http.Reply read = http.get("/api/v1/bootstrap/configs/bs-x509-usage");
        JsonNode security = read.json().path("securities").get(0);
        assertThat(security.path("certificateUsage").isInt()).as("%s", security).isTrue();
        assertThat(security.path("certificateUsage").asInt()).isEqualTo(2);
        assertThat(security.path("keys").asText()).isEqualTo("stored");
        assertThat(read.body()).doesNotContain(Base64.getEncoder().encodeToString(
                device.keys().getPrivate().getEncoded())).doesNotContain("privateKey");

        // the console sends back what it read, keys left out: the usage and the keys stay
        Http.Reply saved = http.put("/api/v1/bootstrap/configs/bs-x509-usage",
                read.body().replace("\"lifetime\":300", "\"lifetime\":900"));
        assertThat(saved.status()).as("%s", saved).isEqualTo(200);
        assertThat(bootstrap.configs().get("bs-x509-usage").orElseThrow().securities().get(0).credentials())
                .isEqualTo(Credentials.x509(device.certificate().getEncoded(), device.keys().getPrivate().getEncoded(),
                        ca.certificate().getEncoded(), CertificateUsage.TRUST_ANCHOR_ASSERTION));

        // left out, nothing is written to /0/x/15 and the answer has no usage
        String withoutUsage = read.body().replace(",\"certificateUsage\":2", "");
        assertThat(withoutUsage).doesNotContain("certificateUsage");
        assertThat(http.put("/api/v1/bootstrap/configs/bs-x509-usage", withoutUsage).status()).isEqualTo(200);
        assertThat(bootstrap.configs().get("bs-x509-usage").orElseThrow().securities().get(0).toNode(0)
                .resource(15)).isNull();
        assertThat(http.get("/api/v1/bootstrap/configs/bs-x509-usage").body()).doesNotContain("certificateUsage");
        assertThat(http.delete("/api/v1/bootstrap/configs/bs-x509-usage").status()).isEqualTo(204);
    }

    @Test
    void a_bad_certificate_usage_is_refused_naming_it_and_stores_nothing() throws Exception {
        Issued ca = TestCertificates.certificateAuthority("Bad Usage CA");
        Issued device = TestCertificates.leaf("bs-x509-bad", ca);

        for (String bad : new String[] {"4", "-1", "1.5", "\"2\"", "true", "[2]"}) {
            Http.Reply r = http.put("/api/v1/bootstrap/configs/bs-x509-bad", x509Config(device, ca, bad));
            assertThat(field(r)).as("certificateUsage %s", bad).isEqualTo("securities[0].certificateUsage");
            assertThat(r.json().path("detail").asText()).as("certificateUsage %s", bad).contains("0..3");
        }
        Http.Reply psk = http.put("/api/v1/bootstrap/configs/bs-x509-bad",
                pskConfig(KEY_HEX).replace("\"mode\":\"PSK\",", "\"mode\":\"PSK\",\"certificateUsage\":3,"));
        assertThat(field(psk)).isEqualTo("securities[0].certificateUsage");
        assertThat(psk.json().path("detail").asText()).contains("X509");
        assertThat(bootstrap.configs().get("bs-x509-bad")).isEmpty();
    }

    @Test
    void a_refused_configuration_names_the_member_and_stores_nothing() {
        Http.Reply r = http.put("/api/v1/bootstrap/configs/bs-bad",
                "{\"securities\":[{\"serverUri\":\"coap://127.0.0.1:5683\",\"shortServerId\":1}],"
                        + "\"servers\":[{\"shortServerId\":2,\"lifetime\":300}]}");

        assertThat(r.status()).as("%s", r).isEqualTo(400);
        assertThat(r.json().path("field").asText()).isEqualTo("servers[0].shortServerId");
        assertThat(bootstrap.configs().get("bs-bad")).isEmpty();
        assertThat(field(http.put("/api/v1/bootstrap/configs/bs-bad", pskConfig("not-hex"))))
                .isEqualTo("securities[0].key");
        assertThat(field(http.put("/api/v1/bootstrap/configs/bs-bad", pskConfig(null))))
                .as("a new account needs its key").isEqualTo("securities[0].key");
        assertThat(field(http.put("/api/v1/bootstrap/configs/bs-bad",
                "{\"servers\":[{\"shortServerId\":1,\"lifetime\":0}]}"))).isEqualTo("servers[0].lifetime");
        assertThat(field(http.put("/api/v1/bootstrap/configs/bs-bad",
                "{\"securities\":[{\"serverUri\":\"http://x\",\"shortServerId\":1}]}")))
                .isEqualTo("securities[0].serverUri");
        assertThat(bootstrap.configs().get("bs-bad")).isEmpty();
    }

    @Test
    void keys_are_write_only_and_an_edit_without_them_keeps_them() {
        Http.Reply created = http.put("/api/v1/bootstrap/configs/bs-psk", pskConfig(KEY_HEX));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        BootstrapConfig stored = bootstrap.configs().get("bs-psk").orElseThrow();
        assertThat(stored.securities().get(0).credentials().secretKey()).isEqualTo(HexFormat.of().parseHex(KEY_HEX));
        Http.Reply read = http.get("/api/v1/bootstrap/configs/bs-psk");
        Http.Reply list = http.get("/api/v1/bootstrap/configs");
        for (Http.Reply r : new Http.Reply[] {created, read, list}) {
            assertThat(r.body()).doesNotContainIgnoringCase(KEY_HEX);
        }
        JsonNode security = read.json().path("securities").get(0);
        assertThat(security.path("keys").asText()).isEqualTo("stored");
        assertThat(security.path("identity").asText()).isEqualTo("bs-psk-id");
        assertThat(list.json().path("items").findValuesAsText("endpoint")).contains("bs-psk");

        // the console sends back what it read, with a change and without the key
        String edited = read.body().replace("\"lifetime\":300", "\"lifetime\":600");
        Http.Reply saved = http.put("/api/v1/bootstrap/configs/bs-psk", edited);

        assertThat(saved.status()).as("%s", saved).isEqualTo(200);
        BootstrapConfig after = bootstrap.configs().get("bs-psk").orElseThrow();
        assertThat(after.servers().get(0).lifetime()).isEqualTo(600);
        assertThat(after.securities().get(0).credentials()).isEqualTo(
                Credentials.psk("bs-psk-id", HexFormat.of().parseHex(KEY_HEX)));

        assertThat(http.delete("/api/v1/bootstrap/configs/bs-psk").status()).isEqualTo(204);
        assertThat(http.get("/api/v1/bootstrap/configs/bs-psk").status()).isEqualTo(404);
    }

    @Test
    void the_default_configuration_is_set_read_and_removed() {
        assertThat(http.get("/api/v1/bootstrap/default").status()).isEqualTo(404);
        assertThat(http.put("/api/v1/bootstrap/default", pskConfig(KEY_HEX)).status()).isEqualTo(201);

        assertThat(bootstrap.configs().lookup("any-device")).as("an endpoint without its own gets it").isPresent();
        Http.Reply read = http.get("/api/v1/bootstrap/default");
        assertThat(read.json().path("default").asBoolean()).isTrue();
        assertThat(read.body()).doesNotContainIgnoringCase(KEY_HEX);
        assertThat(field(http.put("/api/v1/bootstrap/default", "{\"servers\":[{\"lifetime\":5}]}")))
                .isEqualTo("servers[0].shortServerId");

        assertThat(http.delete("/api/v1/bootstrap/default").status()).isEqualTo(204);
        assertThat(bootstrap.configs().defaultConfig()).isEmpty();
    }

    @Test
    void a_client_bootstrap_is_listed_in_the_sessions_and_streamed() throws Exception {
        String config = "{\"securities\":[{\"serverUri\":\"coap://127.0.0.1:" + server.localAddress().getPort()
                + "\",\"shortServerId\":3}],\"servers\":[{\"shortServerId\":3,\"lifetime\":300}]}";
        assertThat(http.put("/api/v1/bootstrap/configs/bs-dev", config).status()).isEqualTo(201);

        try (EventStream events = EventStream.open(http, "");
                WispClient client = WispClient.builder("bs-dev").bindAddress(InetAddress.getByName("127.0.0.1"))
                        .requestTimeout(Duration.ofSeconds(5)).bootstrapServer(bootstrap.localAddress())
                        .bootstrap(BootstrapSettings.DEFAULT.withSessionTimeout(Duration.ofSeconds(10))
                                .withRetry(new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(1), 1)))
                        .build()) {
            client.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> server.registrations().byEndpoint("bs-dev")
                    .isPresent());

            EventStream.Event finished = events.await("bootstrap-session",
                    d -> d.path("session").path("outcome").asText().equals("FINISHED"));
            assertThat(finished.data().path("endpoint").asText()).isEqualTo("bs-dev");
            JsonNode sessions = http.get("/api/v1/bootstrap/sessions").json();
            JsonNode newest = sessions.path("items").get(0);
            assertThat(newest.path("endpoint").asText()).isEqualTo("bs-dev");
            assertThat(newest.path("outcome").asText()).isEqualTo("FINISHED");
            assertThat(newest.path("kind").asText()).isEqualTo("CLIENT_INITIATED");
            assertThat(newest.path("steps").asInt()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void a_client_without_a_configuration_is_listed_as_refused_with_the_code() throws Exception {
        try (WispClient client = WispClient.builder("bs-unknown").bindAddress(InetAddress.getByName("127.0.0.1"))
                .requestTimeout(Duration.ofSeconds(5)).bootstrapServer(bootstrap.localAddress())
                .bootstrap(BootstrapSettings.DEFAULT.withSessionTimeout(Duration.ofSeconds(10))
                        .withRetry(new RetryPolicy(1, Duration.ofMillis(200), Duration.ofSeconds(1), 1)))
                .build()) {
            client.start();
            JsonNode refused = await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (JsonNode s : http.get("/api/v1/bootstrap/sessions").json().path("items")) {
                    if (s.path("endpoint").asText().equals("bs-unknown")) {
                        return s;
                    }
                }
                return null;
            }, s -> s != null);
            assertThat(refused.path("outcome").asText()).isEqualTo("REFUSED");
            assertThat(refused.path("lwm2mCode").asText()).matches("4\\.\\d\\d");
            assertThat(refused.path("failure").asText()).isNotBlank();
        }
    }

    @Test
    void without_a_bootstrap_server_configurations_are_kept_and_sessions_answer_503() throws Exception {
        try (HttpApi alone = HttpApi.start(server, HttpSettings.loopback(0), null)) {
            Http other = new Http(alone.port());
            assertThat(other.get("/api/v1/bootstrap/configs").status()).isEqualTo(200);
            Http.Reply sessions = other.get("/api/v1/bootstrap/sessions");
            assertThat(sessions.status()).isEqualTo(503);
            assertThat(sessions.json().path("type").asText()).endsWith("no-bootstrap-server");
        }
    }

    private static String field(Http.Reply r) {
        assertThat(r.status()).as("%s", r).isEqualTo(400);
        return r.json().path("field").asText();
    }
}
