package io.wisp.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wisp.app.http.ApiToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console as a browser fetches it, without a browser: the page at {@code /}, its import map pointing every bare
 * module name at a webjar file the server really serves, every module the console imports (followed from
 * {@code app.js}) served as JavaScript, Pico CSS found, and the console's files public while the API behind them
 * keeps asking for its token.
 */
class ConsolePageTest {
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>",
            Pattern.DOTALL);
    private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\">");
    private static final Pattern RELATIVE_IMPORT = Pattern.compile("(?:import|from)\\s*['\"](\\./[^'\"]+)['\"]");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_page_maps_every_library_to_a_served_webjar_file() throws Exception {
        try (ConsoleServer server = ConsoleServer.start()) {
            HttpResponse<String> page = get(server.url() + "/", null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");

            Matcher map = IMPORT_MAP.matcher(page.body());
            assertThat(map.find()).as("the page has an import map").isTrue();
            JsonNode imports = new ObjectMapper().readTree(map.group(1)).path("imports");
            assertThat(imports.fieldNames()).toIterable()
                    .contains("lit", "lit-html", "lit-element", "@lit/reactive-element", "chart.js", "@kurkle/color");
            for (Map.Entry<String, JsonNode> e : imports.properties()) {
                String url = e.getValue().asText();
                assertThat(url).as(e.getKey()).startsWith("/webjars/");
                if (!url.endsWith("/")) {
                    assertJavaScript(server.url() + url);
                }
            }

            Matcher css = STYLESHEET.matcher(page.body());
            int sheets = 0;
            while (css.find()) {
                HttpResponse<String> sheet = get(server.url() + css.group(1), null);
                assertThat(sheet.statusCode()).as(css.group(1)).isEqualTo(200);
                assertThat(sheet.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
                sheets++;
            }
            assertThat(sheets).as("Pico CSS and the console's own styles").isEqualTo(2);
        }
    }

    @Test
    void every_module_of_the_console_is_served() throws Exception {
        try (ConsoleServer server = ConsoleServer.start()) {
            Set<String> seen = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>();
            todo.add("/console/app.js");
            while (!todo.isEmpty()) {
                String path = todo.pop();
                if (!seen.add(path)) {
                    continue;
                }
                String source = assertJavaScript(server.url() + path);
                Matcher m = RELATIVE_IMPORT.matcher(source);
                while (m.find()) {
                    todo.add("/console/" + m.group(1).substring(2));
                }
            }
            assertThat(seen).contains("/console/clients.js", "/console/client.js", "/console/node-panel.js",
                    "/console/plot.js", "/console/editor.js", "/console/objects.js", "/console/bootstrap.js",
                    "/console/security.js", "/console/composite.js");
            assertThat(get(server.url() + "/console/no-such-file.js", null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void the_console_files_are_public_while_the_api_keeps_asking_for_its_token() throws Exception {
        String secret = "wisp_console-test-secret";
        try (ConsoleServer server = ConsoleServer.startWithToken(ApiToken.ofSecret(secret))) {
            assertThat(get(server.url() + "/", null).statusCode()).isEqualTo(200);
            assertThat(get(server.url() + "/console/app.js", null).statusCode()).isEqualTo(200);
            assertThat(get(server.url() + "/console/console.css", null).statusCode()).isEqualTo(200);

            assertThat(get(server.url() + "/api/v1/clients", null).statusCode()).isEqualTo(401);
            assertThat(get(server.url() + "/api/v1/models", null).statusCode()).isEqualTo(401);
            assertThat(get(server.url() + "/api/v1/clients", secret).statusCode()).isEqualTo(200);
        }
    }

    private String assertJavaScript(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = get(url, null);
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(url).contains("javascript");
        return r.body();
    }

    private HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
