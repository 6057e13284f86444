package io.wisp.app.http;

import io.wisp.core.SyntaxException;
import io.wisp.core.codec.CodecException;
import io.wisp.core.operation.InvalidRequestException;
import io.wisp.core.operation.LwM2mResponse;
import io.wisp.core.operation.OperationException;
import io.wisp.core.operation.ResponseCode;
import io.wisp.server.queue.QueueException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where failures become HTTP problems: a device's error code, the server's typed failures
 * ({@link OperationException}, {@link QueueException}) and the core's refusals of a request as built
 * ({@link InvalidRequestException}, {@link SyntaxException}, {@link CodecException}).
 */
public final class Problems {
    /** Core messages start with the field they blame: {@code "format: ..."}, {@code "nodes[/3/0/1]: ..."}. */
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z]+(?:\\[[^\\]]*\\])?): ");

    private Problems() {
    }

    /** The device answered {@code response} with an error code (4.xx, 5.xx). */
    public static ApiProblem deviceError(String endpoint, LwM2mResponse response) {
        ResponseCode code = response.code();
        String detail = "the client answered " + code + response.errorMessage().map(m -> ": " + m).orElse("");
        return ApiProblem.deviceError(endpoint, httpStatus(code), code.codeClass() + "."
                + (code.detail() < 10 ? "0" : "") + code.detail(), detail);
    }

    /**
     * The HTTP status that fits a device's error code: the 4.xx codes that have an HTTP namesake keep it (4.04 →
     * 404, 4.05 → 405...), 4.01 becomes 403 (the device refused; 401 is kept for this API's own authentication),
     * any other 4.xx is 400, and a 5.xx is 502 (the device, behind this gateway, failed).
     */
    public static int httpStatus(ResponseCode code) {
        if (code.codeClass() == 5) {
            return 502;
        }
        switch (code.detail()) {
            case 1:
            case 3:
                return 403;
            case 4:
                return 404;
            case 5:
                return 405;
            case 6:
                return 406;
            case 9:
                return 409;
            case 12:
                return 412;
            case 13:
                return 413;
            case 15:
                return 415;
            default:
                return 400;
        }
    }

    /** Any failure of handling a request about {@code endpoint} (null when none), as a problem. */
    public static ApiProblem from(Throwable failure, String endpoint, String defaultField) {
        Throwable t = unwrap(failure);
        ApiProblem problem;
        if (t instanceof ApiProblem p) {
            problem = p;
        } else if (t instanceof OperationException o) {
            problem = operation(o);
        } else if (t instanceof QueueException q) {
            problem = queue(q);
        } else if (t instanceof SyntaxException s) {
            problem = ApiProblem.badRequest(defaultField, s.getMessage());
        } else if (t instanceof CodecException c) {
            problem = ApiProblem.badRequest(defaultField, c.getMessage());
        } else if (t instanceof IllegalArgumentException i) {
            problem = invalid(i.getMessage(), defaultField);
        } else {
            problem = ApiProblem.of(500, "internal", "Internal error", "the server failed to handle the request: "
                    + t.getClass().getSimpleName());
        }
        return endpoint == null || problem.status() == 500 ? problem : problem.about(endpoint);
    }

    /** A refused request whose message may start with the field it blames. */
    static ApiProblem invalid(String message, String defaultField) {
        String text = message == null ? "invalid request" : message;
        Matcher m = FIELD.matcher(text);
        return m.find() ? ApiProblem.badRequest(m.group(1), text.substring(m.end()))
                : ApiProblem.badRequest(defaultField, text);
    }

    private static ApiProblem operation(OperationException o) {
        switch (o.reason()) {
            case TIMEOUT:
                return ApiProblem.of(504, "device-timeout", "The device did not answer in time", o.getMessage());
            case NOT_REGISTERED:
                return ApiProblem.of(404, "unknown-endpoint", "Unknown endpoint", o.getMessage());
            case UNSUPPORTED_BY_CLIENT:
                return ApiProblem.of(409, "unsupported-by-client", "The client cannot take this request",
                        o.getMessage());
            case INVALID_RESPONSE:
                return ApiProblem.of(502, "invalid-device-response", "The device's answer cannot be understood",
                        o.getMessage());
            case REJECTED:
                return ApiProblem.of(502, "device-rejected", "The device rejected the request (CoAP Reset)",
                        o.getMessage());
            case CANCELLED:
                return ApiProblem.of(503, "cancelled", "The request was cancelled", o.getMessage());
            case SEND_FAILED:
            default:
                return ApiProblem.of(502, "send-failed", "The request could not be sent", o.getMessage());
        }
    }

    private static ApiProblem queue(QueueException q) {
        switch (q.reason()) {
            case FULL:
                return ApiProblem.of(503, "queue-full", "The client's request queue is full", q.getMessage());
            case EXPIRED:
                return ApiProblem.of(504, "queue-expired", "The client did not wake up in time", q.getMessage());
            case CANCELLED:
                return ApiProblem.of(409, "request-cancelled", "The queued request was cancelled", q.getMessage());
            case REGISTRATION_ENDED:
                return ApiProblem.of(410, "registration-ended", "The client's registration ended", q.getMessage());
            case STOPPED:
            default:
                return ApiProblem.of(503, "server-stopped", "The server stopped", q.getMessage());
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
