package io.wisp.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code wisp server} really serves the registration interface on a UDP port and the HTTP API on a TCP port, and
 * reports what happens.
 */
class ServerCommandTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serves_register_and_deregister_prints_each_event_and_shows_the_client_over_http() throws Exception {
        RunningServer server = RunningServer.start("--coap-port", "0", "--coaps-port", "0", "--bootstrap-port", "0",
                "--bootstrap-coaps-port", "0", "--coap-bind", "127.0.0.1", "--http-port", "0", "--data",
                data.toString());
        try {
            String base = "coap://127.0.0.1:" + server.find("coap://127\\.0\\.0\\.1:(\\d+)");
            String api = "http://127.0.0.1:" + server.find("http://127\\.0\\.0\\.1:(\\d+)/api/v1");

            CoapClient client = new CoapClient(base + "/rd?ep=app-test&lt=60&lwm2m=1.1&b=U");
            Request register = Request.newPost();
            register.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_LINK_FORMAT);
            register.setPayload("</1/0>,</3/0>");
            CoapResponse created = client.advanced(register);
            assertThat(created.getCode()).isEqualTo(CoAP.ResponseCode.CREATED);
            String location = created.getOptions().getLocationPathString();
            assertThat(location).startsWith("rd/");

            HttpResponse<String> shown = get(api + "/api/v1/clients/app-test", null);
            assertThat(shown.statusCode()).isEqualTo(200);
            assertThat(shown.body()).contains("\"endpoint\":\"app-test\"", "\"lifetime\":60");

            CoapResponse deleted = new CoapClient(base + "/" + location).delete();
            assertThat(deleted.getCode()).isEqualTo(CoAP.ResponseCode.DELETED);
            client.shutdown();

            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> server.output().contains("deregistered app-test"));
            assertThat(server.output()).contains("registered   app-test lwm2m=1.1 lt=60s");
            assertThat(get(api + "/api/v1/clients/app-test", null).statusCode()).isEqualTo(404);
            assertThat(server.output()).doesNotContain("API token");
        } finally {
            server.command().stop();
        }
        assertThat(server.exit().get()).isZero();
        assertThat(server.output()).contains("Wisp LwM2M server stopped.");
    }

    @Test
    void serves_the_consoles_operator_routes_over_its_stores_and_roles() throws Exception {
        RunningServer server = RunningServer.start("--coap-port", "0", "--coaps-port", "0", "--bootstrap-port", "0",
                "--bootstrap-coaps-port", "0", "--coap-bind", "127.0.0.1", "--http-port", "0", "--data",
                data.toString());
        try {
            String api = "http://127.0.0.1:" + server.find("http://127\\.0\\.0\\.1:(\\d+)/api/v1") + "/api/v1";

            HttpResponse<String> config = send("PUT", api + "/bootstrap/configs/app-bs", "application/json",
                    "{\"securities\":[{\"serverUri\":\"coap://127.0.0.1:5683\",\"shortServerId\":1}],"
                            + "\"servers\":[{\"shortServerId\":1,\"lifetime\":300}]}");
            assertThat(config.statusCode()).as(config.body()).isEqualTo(201);
            assertThat(get(api + "/bootstrap/configs", null).body()).contains("\"endpoint\":\"app-bs\"");
            assertThat(get(api + "/bootstrap/sessions", null).statusCode()).as("a bootstrap server runs")
                    .isEqualTo(200);

            HttpResponse<String> credentials = send("PUT", api + "/security/app-psk", "application/json",
                    "{\"mode\":\"PSK\",\"identity\":\"app-psk-id\",\"key\":\"0a0b0c0d\"}");
            assertThat(credentials.statusCode()).as(credentials.body()).isEqualTo(201);
            assertThat(get(api + "/security", null).body()).contains("app-psk-id").doesNotContain("0a0b0c0d");

            String ddf = "<?xml version=\"1.0\" encoding=\"utf-8\"?><LWM2M><Object ObjectType=\"MODefinition\">"
                    + "<Name>App Level</Name><Description1>A level.</Description1><ObjectID>33020</ObjectID>"
                    + "<ObjectURN>urn:oma:lwm2m:x:33020</ObjectURN><LWM2MVersion>1.1</LWM2MVersion>"
                    + "<ObjectVersion>1.0</ObjectVersion><MultipleInstances>Multiple</MultipleInstances>"
                    + "<Mandatory>Optional</Mandatory><Resources><Item ID=\"0\"><Name>Level</Name>"
                    + "<Operations>R</Operations><MultipleInstances>Single</MultipleInstances>"
                    + "<Mandatory>Mandatory</Mandatory><Type>Integer</Type><RangeEnumeration></RangeEnumeration>"
                    + "<Units></Units><Description>The level.</Description></Item></Resources>"
                    + "<Description2></Description2></Object></LWM2M>";
            HttpResponse<String> upload = send("POST", api + "/models", "application/xml", ddf);
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
            assertThat(get(api + "/models/33020", null).body()).contains("App Level");
        } finally {
            server.command().stop();
        }
        assertThat(server.exit().get()).isZero();
    }

    private static HttpResponse<String> send(String method, String url, String type, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_required_token_is_printed_once_stored_hashed_and_asked_for() throws Exception {
        String[] args = {"--coap-port", "0", "--coaps-port", "0", "--bootstrap-port", "0",
            "--bootstrap-coaps-port", "0", "--coap-bind", "127.0.0.1", "--http-port", "0", "--data", data.toString(),
            "--api-token-required"};
        RunningServer first = RunningServer.start(args);
        String token;
        try {
            token = first.find("API token \\(shown once[^)]*\\): (\\S+)");
            String api = "http://127.0.0.1:" + first.find("http://127\\.0\\.0\\.1:(\\d+)/api/v1");
            assertThat(get(api + "/api/v1/clients", null).statusCode()).isEqualTo(401);
            assertThat(get(api + "/api/v1/clients", token).statusCode()).isEqualTo(200);
        } finally {
            first.command().stop();
        }
        assertThat(first.exit().get()).isZero();
        assertThat(Files.readString(data.resolve("api-token.sha256"))).doesNotContain(token);

        RunningServer second = RunningServer.start(args);
        try {
            assertThat(second.output()).doesNotContain("API token");
            String api = "http://127.0.0.1:" + second.find("http://127\\.0\\.0\\.1:(\\d+)/api/v1");
            assertThat(get(api + "/api/v1/clients", token).statusCode()).isEqualTo(200);
        } finally {
            second.command().stop();
        }
        assertThat(second.exit().get()).isZero();
    }

    @Test
    void a_port_in_use_stops_the_start_with_a_message_and_leaves_the_data_directory_free() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            int code = new CommandLine(new ServerCommand()).setOut(new PrintWriter(new StringWriter(), true))
                    .setErr(new PrintWriter(err, true)).execute("--coap-port", "0", "--coaps-port", "-1",
                            "--bootstrap-port", "-1", "--coap-bind", "127.0.0.1", "--http-port",
                            Integer.toString(taken.getLocalPort()), "--data", data.toString());
            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).startsWith("Wisp could not start: ").contains("--http-port");
        }
        RunningServer again = RunningServer.start("--coap-port", "0", "--coaps-port", "-1", "--bootstrap-port", "-1", "--coap-bind",
                "127.0.0.1", "--http-port", "0", "--data", data.toString());
        again.command().stop();
        assertThat(again.exit().get()).isZero();
    }
}
