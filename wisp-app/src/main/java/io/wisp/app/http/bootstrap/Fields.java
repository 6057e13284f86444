package io.wisp.app.http.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.wisp.app.http.ApiProblem;
import io.wisp.core.SyntaxException;
import io.wisp.core.path.LwM2mPath;

/** Reads members of a configuration document; a member of the wrong kind is a 400 naming it. */
final class Fields {

    private Fields() {
    }

    static void requireObject(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw ApiProblem.badRequest(field, "must be a JSON object");
        }
    }

    static void requireArray(JsonNode node, String field) {
        if (!node.isArray()) {
            throw ApiProblem.badRequest(field, "must be a JSON array");
        }
    }

    /** The array member {@code name}; an empty array when absent. */
    static JsonNode array(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        requireArray(node, name);
        return node;
    }

    static String text(JsonNode parent, String name, String field, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiProblem.badRequest(field, "is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw ApiProblem.badRequest(field, "must be a string");
        }
        return node.asText();
    }

    static boolean bool(JsonNode parent, String name, String field, boolean otherwise) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return otherwise;
        }
        if (!node.isBoolean()) {
            throw ApiProblem.badRequest(field, "must be true or false");
        }
        return node.booleanValue();
    }

    /** The integer member {@code parent.name}; the field is {@code prefix.name}. */
    static Integer integer(JsonNode parent, String name, String prefix, boolean required) {
        JsonNode node = parent.get(name);
        String field = prefix + "." + name;
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            if (required) {
                throw ApiProblem.badRequest(field, "is required");
            }
            return null;
        }
        if (node.isTextual() && node.asText().strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(node.asText().strip());
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw ApiProblem.badRequest(field, "must be a whole number, got " + node);
        }
        return node.intValue();
    }

    /** The whole-number member {@code parent.name} (seconds), or null; the field is {@code prefix.name}. */
    static Long longValue(JsonNode parent, String name, String prefix) {
        JsonNode node = parent.get(name);
        String field = prefix + "." + name;
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return null;
        }
        if (node.isTextual() && node.asText().strip().matches("-?\\d{1,18}")) {
            return Long.parseLong(node.asText().strip());
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ApiProblem.badRequest(field, "must be a whole number, got " + node);
        }
        return node.longValue();
    }

    static LwM2mPath path(JsonNode node, String field) {
        if (node == null || !node.isTextual()) {
            throw ApiProblem.badRequest(field, "must be an LwM2M path such as /1 or /0/1");
        }
        try {
            return LwM2mPath.parse(node.asText().strip());
        } catch (SyntaxException e) {
            throw ApiProblem.badRequest(field, e.getMessage());
        }
    }
}
