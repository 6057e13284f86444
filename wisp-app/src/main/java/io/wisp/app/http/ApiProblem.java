package io.wisp.app.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An error answer of the HTTP API as an RFC 9457 problem details document ({@code application/problem+json}): a
 * {@code type} URI that names the kind of problem, a {@code title} for people, the HTTP {@code status}, a
 * {@code detail} about this occurrence, and Wisp's extension members: {@code field} (the parameter or body member at
 * fault, for a 400), {@code endpoint}, and {@code lwm2mCode} when a device answered with an error code.
 * Thrown by handlers and written by the API's exception handler.
 */
public final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The media type of a problem document (RFC 9457 §3). */
    public static final String CONTENT_TYPE = "application/problem+json";
    /** Set on a request once its problem document is written, so the generic 404/405 answers leave it alone. */
    static final String WRITTEN = "wisp.problem";

    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final String endpoint;
    private final String lwm2mCode;

    private ApiProblem(int status, String type, String title, String detail, String field, String endpoint,
            String lwm2mCode) {
        super(detail);
        this.status = status;
        this.type = "urn:wisp:problem:" + Objects.requireNonNull(type, "type");
        this.title = Objects.requireNonNull(title, "title");
        this.field = field;
        this.endpoint = endpoint;
        this.lwm2mCode = lwm2mCode;
    }

    /** A problem of any kind; {@code type} is the last part of the type URI ({@code urn:wisp:problem:<type>}). */
    public static ApiProblem of(int status, String type, String title, String detail) {
        return new ApiProblem(status, type, title, detail, null, null, null);
    }

    /** 400: the request names a bad value in {@code field} (a query parameter, path part or body member). */
    public static ApiProblem badRequest(String field, String detail) {
        return new ApiProblem(400, "bad-request", "Bad request", detail, Objects.requireNonNull(field, "field"),
                null, null);
    }

    /** 404: no client is registered under this endpoint name. */
    public static ApiProblem unknownEndpoint(String endpoint) {
        return new ApiProblem(404, "unknown-endpoint", "Unknown endpoint",
                "no client is registered with endpoint name '" + endpoint + "'", "ep", endpoint, null);
    }

    /** 404: a thing the request names (a queued request, an observation) does not exist. */
    public static ApiProblem notFound(String field, String detail) {
        return new ApiProblem(404, "not-found", "Not found", detail, field, null, null);
    }

    /** The device answered with an error code: its code in {@code lwm2mCode}, a fitting HTTP status. */
    public static ApiProblem deviceError(String endpoint, int status, String lwm2mCode, String detail) {
        return new ApiProblem(status, "lwm2m-error", "The device answered with an error", detail, null, endpoint,
                lwm2mCode);
    }

    /** The same problem, about the client {@code endpoint}. */
    public ApiProblem about(String client) {
        return new ApiProblem(status, type.substring("urn:wisp:problem:".length()), title, getMessage(), field, client,
                lwm2mCode);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String field() {
        return field;
    }

    /** The problem document, {@code instance} being the request path (left out when null). */
    public ObjectNode toJson(String instance) {
        ObjectNode json = Json.object();
        json.put("type", type);
        json.put("title", title);
        json.put("status", status);
        json.put("detail", getMessage());
        if (instance != null) {
            json.put("instance", instance);
        }
        if (field != null) {
            json.put("field", field);
        }
        if (endpoint != null) {
            json.put("endpoint", endpoint);
        }
        if (lwm2mCode != null) {
            json.put("lwm2mCode", lwm2mCode);
        }
        return json;
    }

    /** Writes this problem as the answer. */
    public void writeTo(Context ctx) {
        ctx.attribute(WRITTEN, Boolean.TRUE);
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        ctx.status(status).contentType(CONTENT_TYPE)
                .result(Json.write(toJson(ctx.path())).getBytes(StandardCharsets.UTF_8));
    }
}
