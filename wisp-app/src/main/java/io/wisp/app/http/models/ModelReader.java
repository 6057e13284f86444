package io.wisp.app.http.models;

import com.fasterxml.jackson.databind.JsonNode;
import io.wisp.app.http.ApiProblem;
import io.wisp.core.model.ArgumentModel;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.Operations;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.node.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads an object definition sent as JSON (the shape {@link ModelJson} writes) into an {@link ObjectModel}. Only
 * what a model cannot hold at all is refused, with a 400 naming the member ({@code body.resources[2].id}): a missing
 * or non-numeric ID, an ID out of range, a version that is not {@code major.minor}, an unknown type or operations
 * value, two resources with one ID. Everything a model can hold but the object template forbids (an empty name, a
 * type on an executable resource, a long description...) is left to the validator, which reports it as a finding.
 */
final class ModelReader {

    private ModelReader() {
    }

    static ObjectModel read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("body", "expected a JSON object describing the object definition");
        }
        int id = integer(body, "id", "body.id", 0, 65534);
        SortedMap<Integer, ResourceModel> resources = new TreeMap<>();
        Map<Integer, Integer> seenAt = new HashMap<>();
        JsonNode list = body.path("resources");
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            throw ApiProblem.badRequest("body.resources", "expected an array of resources");
        }
        for (int k = 0; k < list.size(); k++) {
            String at = "body.resources[" + k + "]";
            ResourceModel r = resource(list.get(k), at);
            Integer first = seenAt.putIfAbsent(r.id(), k);
            if (first != null) {
                throw ApiProblem.badRequest(at + ".id", "resource ID " + r.id() + " is already used by resources["
                        + first + "]; give each resource its own ID");
            }
            resources.put(r.id(), r);
        }
        return new ObjectModel(id, text(body, "name", "body.name"), text(body, "description", "body.description"),
                text(body, "description2", "body.description2"), flag(body, "multiple", "body.multiple"),
                flag(body, "mandatory", "body.mandatory"), text(body, "urn", "body.urn"),
                version(body, "objectVersion", "body.objectVersion"),
                version(body, "lwm2mVersion", "body.lwm2mVersion"), text(body, "license", "body.license"),
                resources);
    }

    private static ResourceModel resource(JsonNode json, String at) {
        if (json == null || !json.isObject()) {
            throw ApiProblem.badRequest(at, "expected a JSON object describing a resource");
        }
        int id = integer(json, "id", at + ".id", 0, 65534);
        String ops = text(json, "operations", at + ".operations");
        Operations operations = Operations.fromDdfName(ops).orElseThrow(() -> ApiProblem.badRequest(
                at + ".operations", "expected one of R, W, RW, E or empty, got '" + ops + "'"));
        List<ArgumentModel> arguments = new ArrayList<>();
        JsonNode list = json.path("arguments");
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            throw ApiProblem.badRequest(at + ".arguments", "expected an array of arguments");
        }
        for (int k = 0; k < list.size(); k++) {
            arguments.add(argument(list.get(k), at + ".arguments[" + k + "]"));
        }
        return new ResourceModel(id, text(json, "name", at + ".name"), operations,
                flag(json, "multiple", at + ".multiple"), flag(json, "mandatory", at + ".mandatory"),
                type(json, at + ".type"), text(json, "rangeEnumeration", at + ".rangeEnumeration"),
                text(json, "units", at + ".units"), text(json, "description", at + ".description"), arguments);
    }

    private static ArgumentModel argument(JsonNode json, String at) {
        if (json == null || !json.isObject()) {
            throw ApiProblem.badRequest(at, "expected a JSON object describing an argument");
        }
        return new ArgumentModel(integer(json, "order", at + ".order", 0, 9), text(json, "name", at + ".name"),
                type(json, at + ".type"), text(json, "rangeEnumeration", at + ".rangeEnumeration"),
                text(json, "units", at + ".units"), text(json, "description", at + ".description"));
    }

    /** A type by the API's name ({@code UNSIGNED_INTEGER}) or the DDF's ({@code Unsigned Integer}); none when blank. */
    private static DataType type(JsonNode json, String field) {
        String name = text(json, "type", field).strip();
        if (name.isEmpty() || name.equalsIgnoreCase("NONE")) {
            return DataType.NONE;
        }
        for (DataType t : DataType.values()) {
            if (t.name().equals(name.toUpperCase(Locale.ROOT))) {
                return t;
            }
        }
        Optional<DataType> ddf = DataType.fromDdfName(name);
        return ddf.orElseThrow(() -> ApiProblem.badRequest(field, "unknown type '" + name + "'; expected one of "
                + "STRING, INTEGER, UNSIGNED_INTEGER, FLOAT, BOOLEAN, OPAQUE, TIME, OBJLNK, CORELNK or NONE"));
    }

    private static int integer(JsonNode json, String member, String field, int min, int max) {
        JsonNode v = json.path(member);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw ApiProblem.badRequest(field, "expected a whole number in " + min + ".." + max + ", got "
                    + (v.isMissingNode() ? "nothing" : v.toString()));
        }
        int value = v.intValue();
        if (value < min || value > max) {
            throw ApiProblem.badRequest(field, "must be in " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    private static String text(JsonNode json, String member, String field) {
        JsonNode v = json.path(member);
        if (v.isMissingNode() || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw ApiProblem.badRequest(field, "expected a string, got " + v);
        }
        return v.asText();
    }

    private static boolean flag(JsonNode json, String member, String field) {
        JsonNode v = json.path(member);
        if (v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw ApiProblem.badRequest(field, "expected true or false, got " + v);
        }
        return v.booleanValue();
    }

    private static Version version(JsonNode json, String member, String field) {
        String text = text(json, member, field).strip();
        if (text.isEmpty()) {
            return Version.V1_0;
        }
        if (!Version.isValid(text)) {
            throw ApiProblem.badRequest(field, "expected a version such as 1.0 (digits '.' digits), got '"
                    + text + "'");
        }
        return Version.parse(text);
    }
}
