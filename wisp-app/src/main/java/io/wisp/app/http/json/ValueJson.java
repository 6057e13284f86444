package io.wisp.app.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wisp.app.http.ApiProblem;
import io.wisp.core.node.DataType;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.Value;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;

/**
 * LwM2M values (Core TS Appendix C) in JSON, keeping their model types: Integer, Unsigned Integer and Float as JSON
 * numbers, Boolean as a JSON boolean, String and Corelnk as strings, Opaque as base64, Objlnk as {@code "o:i"},
 * Time as {@code {"iso": "2023-11-14T22:13:20Z", "epochSeconds": 1700000000}}.
 */
public final class ValueJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ValueJson() {
    }

    /** The JSON form of a value. */
    public static JsonNode write(Value value) {
        if (value instanceof Value.StringValue v) {
            return F.textNode(v.value());
        } else if (value instanceof Value.IntegerValue v) {
            return F.numberNode(v.value());
        } else if (value instanceof Value.UnsignedIntegerValue v) {
            return F.numberNode(v.toBigInteger());
        } else if (value instanceof Value.FloatValue v) {
            return Double.isFinite(v.value()) ? F.numberNode(v.value()) : F.textNode(Double.toString(v.value()));
        } else if (value instanceof Value.BooleanValue v) {
            return F.booleanNode(v.value());
        } else if (value instanceof Value.OpaqueValue v) {
            return F.textNode(Base64.getEncoder().encodeToString(v.value()));
        } else if (value instanceof Value.TimeValue v) {
            return time(v.epochSeconds());
        } else if (value instanceof Value.ObjlnkValue v) {
            return F.textNode(v.value().objectId() + ":" + v.value().instanceId());
        } else if (value instanceof Value.CorelnkValue v) {
            return F.textNode(v.value());
        }
        throw new IllegalArgumentException("value: no JSON form for " + value.getClass().getName());
    }

    /** A time as ISO-8601 (UTC) and epoch seconds; {@code iso} is null beyond the years ±1,000,000,000. */
    public static ObjectNode time(long epochSeconds) {
        ObjectNode json = F.objectNode();
        try {
            json.put("iso", Instant.ofEpochSecond(epochSeconds).toString());
        } catch (DateTimeException e) {
            json.putNull("iso");
        }
        json.put("epochSeconds", epochSeconds);
        return json;
    }

    /** A time with milliseconds, for timestamps of events and history. */
    public static ObjectNode time(Instant instant) {
        ObjectNode json = F.objectNode();
        json.put("iso", instant.toString());
        json.put("epochSeconds", instant.getEpochSecond());
        return json;
    }

    /**
     * The value of type {@code type} that {@code json} stands for; a 400 naming {@code field} when it is not one.
     * Time takes the object form, an ISO-8601 string or a number of epoch seconds.
     */
    public static Value read(JsonNode json, DataType type, String field) {
        switch (type) {
            case STRING:
                return Value.of(text(json, type, field, "a string"));
            case CORELNK:
                return Value.corelnk(text(json, type, field, "a string of CoRE links"));
            case INTEGER:
                if (json.isIntegralNumber() && json.canConvertToLong()) {
                    return Value.of(json.longValue());
                }
                throw mismatch(json, type, field, "an integer in the signed 64-bit range");
            case UNSIGNED_INTEGER:
                if (json.isIntegralNumber()) {
                    BigInteger big = json.bigIntegerValue();
                    if (big.signum() >= 0 && big.compareTo(Value.UnsignedIntegerValue.MAX) <= 0) {
                        return Value.UnsignedIntegerValue.of(big);
                    }
                }
                throw mismatch(json, type, field, "an integer in 0..2^64-1");
            case FLOAT:
                if (json.isNumber()) {
                    return Value.of(json.doubleValue());
                }
                throw mismatch(json, type, field, "a number");
            case BOOLEAN:
                if (json.isBoolean()) {
                    return Value.of(json.booleanValue());
                }
                throw mismatch(json, type, field, "true or false");
            case OPAQUE:
                try {
                    return Value.of(Base64.getDecoder().decode(text(json, type, field, "base64 text")));
                } catch (IllegalArgumentException e) {
                    throw ApiProblem.badRequest(field, "Opaque is written in base64: " + e.getMessage());
                }
            case TIME:
                return Value.time(epochSeconds(json, field));
            case OBJLNK:
                try {
                    return Value.of(ObjectLink.parse(text(json, type, field, "an object link \"o:i\"")));
                } catch (IllegalArgumentException e) {
                    throw ApiProblem.badRequest(field, "Objlnk is written \"o:i\", e.g. \"3:0\": " + e.getMessage());
                }
            case NONE:
            default:
                throw ApiProblem.badRequest(field, "a resource of type " + type + " has no value to write");
        }
    }

    private static long epochSeconds(JsonNode json, String field) {
        if (json.isIntegralNumber() && json.canConvertToLong()) {
            return json.longValue();
        }
        if (json.isTextual()) {
            return parseIso(json.textValue(), field);
        }
        if (json.isObject() && json.has("epochSeconds")) {
            return epochSeconds(json.get("epochSeconds"), field + ".epochSeconds");
        }
        if (json.isObject() && json.has("iso")) {
            return epochSeconds(json.get("iso"), field + ".iso");
        }
        throw mismatch(json, DataType.TIME, field,
                "an ISO-8601 time, a number of epoch seconds, or {\"epochSeconds\": n}");
    }

    private static long parseIso(String text, String field) {
        try {
            return OffsetDateTime.parse(text).toEpochSecond();
        } catch (DateTimeException e) {
            throw ApiProblem.badRequest(field, "not an ISO-8601 time with offset (e.g. 2023-11-14T22:13:20Z): '"
                    + text + "'");
        }
    }

    private static String text(JsonNode json, DataType type, String field, String expected) {
        if (!json.isTextual()) {
            throw mismatch(json, type, field, expected);
        }
        return json.textValue();
    }

    private static ApiProblem mismatch(JsonNode json, DataType type, String field, String expected) {
        return ApiProblem.badRequest(field, "the resource is of type " + type + ": expected " + expected + ", got "
                + kind(json) + " " + abbreviate(json.toString()));
    }

    private static String kind(JsonNode json) {
        return json.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
