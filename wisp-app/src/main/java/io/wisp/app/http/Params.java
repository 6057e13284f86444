package io.wisp.app.http;

import io.javalin.http.Context;
import io.wisp.core.SyntaxException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.path.LwM2mPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads request parameters; a bad one is a 400 that names it. */
public final class Params {
    /** The formats a node can be read or written in, by the names the API uses. */
    public static final List<ContentFormat> NODE_FORMATS = List.of(ContentFormat.TLV, ContentFormat.SENML_JSON,
            ContentFormat.SENML_CBOR, ContentFormat.LWM2M_CBOR, ContentFormat.TEXT, ContentFormat.OPAQUE,
            ContentFormat.CBOR, ContentFormat.JSON);
    /** The formats of composite operations. */
    public static final List<ContentFormat> COMPOSITE_FORMATS = List.of(ContentFormat.SENML_JSON,
            ContentFormat.SENML_CBOR, ContentFormat.LWM2M_CBOR);
    /** The longest a caller may ask to wait for a device's answer. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    private Params() {
    }

    /** The endpoint name in the path ({@code {ep}}). */
    public static String endpoint(Context ctx) {
        return ctx.pathParam("ep");
    }

    /** The LwM2M path in the request path ({@code <path>}), e.g. {@code 3/0/1}. */
    public static LwM2mPath path(Context ctx) {
        return lwm2mPath(ctx.pathParam("path"), "path");
    }

    /** An LwM2M path such as {@code /3/0/1}; a 400 naming {@code field} when it is not one. */
    public static LwM2mPath lwm2mPath(String text, String field) {
        try {
            return LwM2mPath.parse(text);
        } catch (SyntaxException e) {
            throw ApiProblem.badRequest(field, e.getMessage());
        }
    }

    /** The {@code format} query parameter, one of {@code allowed}; null when absent. */
    public static ContentFormat format(Context ctx, List<ContentFormat> allowed) {
        String name = ctx.queryParam("format");
        if (name == null || name.isBlank()) {
            return null;
        }
        String upper = name.strip().toUpperCase(Locale.ROOT);
        for (ContentFormat f : allowed) {
            if (f.name().equals(upper)) {
                return f;
            }
        }
        throw ApiProblem.badRequest("format", "unknown format '" + name + "'; expected one of "
                + allowed.stream().map(ContentFormat::name).collect(Collectors.joining(", ")));
    }

    /** The {@code timeout} query parameter in seconds (1 to 300), else {@code otherwise}. */
    public static Duration timeout(Context ctx, Duration otherwise) {
        String text = ctx.queryParam("timeout");
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        return Duration.ofSeconds(integer("timeout", text, 1, (int) MAX_TIMEOUT.toSeconds()));
    }

    /** An integer query parameter in {@code min..max}, else {@code otherwise}. */
    public static int integer(Context ctx, String name, int otherwise, int min, int max) {
        String text = ctx.queryParam(name);
        return text == null || text.isBlank() ? otherwise : integer(name, text, min, max);
    }

    /** A boolean query parameter ({@code true} or {@code false}), else {@code false}. */
    public static boolean flag(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank() || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        throw ApiProblem.badRequest(name, "expected true or false, got '" + text + "'");
    }

    /** The {@code paths} query parameter: LwM2M paths, comma-separated or repeated; at least one. */
    public static List<LwM2mPath> paths(Context ctx) {
        List<LwM2mPath> out = new ArrayList<>();
        for (String value : ctx.queryParams("paths")) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(lwm2mPath(part.strip(), "paths"));
                }
            }
        }
        if (out.isEmpty()) {
            throw ApiProblem.badRequest("paths", "give at least one LwM2M path, e.g. paths=/3/0/0,/1/0/1");
        }
        return out;
    }

    static int integer(String name, String text, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name, "expected an integer, got '" + text + "'");
        }
        if (value < min || value > max) {
            throw ApiProblem.badRequest(name, "must be in " + min + ".." + max + ", got " + value);
        }
        return value;
    }
}
