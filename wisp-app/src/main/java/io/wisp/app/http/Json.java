package io.wisp.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON mapper of the HTTP API. Documents are built as Jackson trees by the {@code *Json} classes, so the
 * shapes are spelled out in code next to the OpenAPI file that documents them, not inferred from Java classes.
 */
public final class Json {
    /** The content type of every JSON answer. */
    public static final String CONTENT_TYPE = "application/json";
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** Reads a request body; a body that is not JSON is a 400 naming {@code body}. */
    public static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            throw ApiProblem.badRequest("body", "a JSON body is required");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("body", "not JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
    }

    /** Answers {@code status} with a JSON document, in UTF-8 (RFC 8259 §8.1). */
    public static void respond(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType(CONTENT_TYPE).result(write(body).getBytes(StandardCharsets.UTF_8));
    }
}
