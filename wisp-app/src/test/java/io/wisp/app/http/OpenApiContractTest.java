package io.wisp.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hand-written OpenAPI document and the router agree: every route is documented, every documented operation
 * is a route that answers (with a status and media type the document lists for it), and the document parses as
 * OpenAPI 3.1 without errors (swagger-parser).
 */
class OpenApiContractTest extends ApiFixture {
    /** Values for path parameters: a real endpoint, a path the Leshan client has, IDs nothing has. */
    private static final Map<String, String> PATH_VALUES = Map.of("ep", EP, "path", "3303/0/5700",
            "requestId", "999999", "id", "00000000000000ff");

    private OpenAPI spec;
    private String text;

    @BeforeAll
    void parse() throws Exception {
        try (InputStream in = HttpApi.class.getResourceAsStream("/io/wisp/app/http/openapi.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        spec = result.getOpenAPI();
        assertThat(spec.getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void every_route_is_documented_and_every_documented_operation_is_a_route() {
        Set<String> routes = api.routes().stream().map(r -> r.method() + " " + r.openApiPath())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented()).isEqualTo(routes);
    }

    @Test
    void the_served_document_is_the_one_checked_here() {
        Http.Reply r = http.get("/api/v1/openapi.yaml");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(text);
    }

    @Test
    void every_documented_operation_answers_as_documented() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : spec.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                String method = op.getKey().name();
                String url = url(path.getKey(), path.getValue(), op.getValue());
                int status;
                String type;
                String problemType = "";
                String detail = "";
                if (path.getKey().equals("/api/v1/events")) {
                    HttpResponse<InputStream> r = http.client().send(http.request(url)
                            .header("Accept", "text/event-stream").GET().build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    status = r.statusCode();
                    type = r.headers().firstValue("Content-Type").orElse("");
                    r.body().close();
                } else {
                    Http.Reply r = http.method(method, url, null);
                    status = r.status();
                    type = r.contentType();
                    if (type.startsWith(ApiProblem.CONTENT_TYPE)) {
                        problemType = r.json().path("type").asText();
                        detail = r.json().path("detail").asText();
                    }
                }
                String seen = method + " " + url + " -> " + status + " " + type + " " + problemType + " " + detail;
                if (problemType.endsWith(":no-route") || problemType.endsWith(":method-not-allowed")) {
                    wrong.add("not routed: " + seen);
                    continue;
                }
                ApiResponse documented = op.getValue().getResponses().getOrDefault(Integer.toString(status),
                        status >= 400 ? op.getValue().getResponses().getDefault() : null);
                if (documented == null) {
                    wrong.add("status not documented: " + seen);
                } else if (documented.getContent() != null && !documented.getContent().isEmpty()
                        && !documented.getContent().containsKey(type.split(";")[0].strip())) {
                    wrong.add("media type not documented (" + documented.getContent().keySet() + "): " + seen);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private Set<String> documented() {
        Set<String> out = new TreeSet<>();
        spec.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(m -> out.add(m.name().toUpperCase(Locale.ROOT) + " " + path)));
        return out;
    }

    /** The path with its parameters filled in, and the required query parameters with a value that fits. */
    private String url(String template, PathItem item, Operation op) {
        String url = template;
        for (Map.Entry<String, String> e : PATH_VALUES.entrySet()) {
            url = url.replace("{" + e.getKey() + "}", e.getValue());
        }
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (op.getParameters() != null) {
            parameters.addAll(op.getParameters());
        }
        List<String> query = new ArrayList<>();
        for (Parameter given : parameters) {
            Parameter p = given.get$ref() == null ? given : spec.getComponents().getParameters()
                    .get(given.get$ref().substring(given.get$ref().lastIndexOf('/') + 1));
            if ("query".equals(p.getIn()) && Boolean.TRUE.equals(p.getRequired())) {
                query.add(p.getName() + "=/3/0/0");
            }
        }
        return query.isEmpty() ? url : url + "?" + String.join("&", query);
    }
}
