package io.wisp.core.operation;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CoAP response code of a LwM2M operation (Transport TS §6.4 lists the codes each operation may answer; RFC 7252
 * §12.1.2, RFC 7959 for 2.31 and 4.08, RFC 8132 for 4.09). A record rather than an enum so that a code a client
 * sends outside the list (say 4.22) is passed on as it came; the listed codes are constants with names.
 */
public record ResponseCode(int codeClass, int detail) {
    public static final ResponseCode CREATED = new ResponseCode(2, 1);
    public static final ResponseCode DELETED = new ResponseCode(2, 2);
    public static final ResponseCode VALID = new ResponseCode(2, 3);
    public static final ResponseCode CHANGED = new ResponseCode(2, 4);
    public static final ResponseCode CONTENT = new ResponseCode(2, 5);
    public static final ResponseCode CONTINUE = new ResponseCode(2, 31);
    public static final ResponseCode BAD_REQUEST = new ResponseCode(4, 0);
    public static final ResponseCode UNAUTHORIZED = new ResponseCode(4, 1);
    public static final ResponseCode BAD_OPTION = new ResponseCode(4, 2);
    public static final ResponseCode FORBIDDEN = new ResponseCode(4, 3);
    public static final ResponseCode NOT_FOUND = new ResponseCode(4, 4);
    public static final ResponseCode METHOD_NOT_ALLOWED = new ResponseCode(4, 5);
    public static final ResponseCode NOT_ACCEPTABLE = new ResponseCode(4, 6);
    public static final ResponseCode REQUEST_ENTITY_INCOMPLETE = new ResponseCode(4, 8);
    public static final ResponseCode CONFLICT = new ResponseCode(4, 9);
    public static final ResponseCode PRECONDITION_FAILED = new ResponseCode(4, 12);
    public static final ResponseCode REQUEST_ENTITY_TOO_LARGE = new ResponseCode(4, 13);
    public static final ResponseCode UNSUPPORTED_CONTENT_FORMAT = new ResponseCode(4, 15);
    public static final ResponseCode INTERNAL_SERVER_ERROR = new ResponseCode(5, 0);
    public static final ResponseCode NOT_IMPLEMENTED = new ResponseCode(5, 1);
    public static final ResponseCode SERVICE_UNAVAILABLE = new ResponseCode(5, 3);

    private static final Map<ResponseCode, String> NAMES = Stream.of(
            new Object[] {CREATED, "Created"}, new Object[] {DELETED, "Deleted"}, new Object[] {VALID, "Valid"},
            new Object[] {CHANGED, "Changed"}, new Object[] {CONTENT, "Content"}, new Object[] {CONTINUE, "Continue"},
            new Object[] {BAD_REQUEST, "Bad Request"}, new Object[] {UNAUTHORIZED, "Unauthorized"},
            new Object[] {BAD_OPTION, "Bad Option"}, new Object[] {FORBIDDEN, "Forbidden"},
            new Object[] {NOT_FOUND, "Not Found"}, new Object[] {METHOD_NOT_ALLOWED, "Method Not Allowed"},
            new Object[] {NOT_ACCEPTABLE, "Not Acceptable"},
            new Object[] {REQUEST_ENTITY_INCOMPLETE, "Request Entity Incomplete"},
            new Object[] {CONFLICT, "Conflict"}, new Object[] {PRECONDITION_FAILED, "Precondition Failed"},
            new Object[] {REQUEST_ENTITY_TOO_LARGE, "Request Entity Too Large"},
            new Object[] {UNSUPPORTED_CONTENT_FORMAT, "Unsupported Content-Format"},
            new Object[] {INTERNAL_SERVER_ERROR, "Internal Server Error"},
            new Object[] {NOT_IMPLEMENTED, "Not Implemented"},
            new Object[] {SERVICE_UNAVAILABLE, "Service Unavailable"})
            .collect(Collectors.toUnmodifiableMap(e -> (ResponseCode) e[0], e -> (String) e[1]));

    private static final Map<Integer, ResponseCode> BY_VALUE =
            NAMES.keySet().stream().collect(Collectors.toUnmodifiableMap(ResponseCode::value, Function.identity()));

    /** A response code; the class must be 2, 4 or 5 and the detail 0..31. */
    public ResponseCode {
        if (codeClass != 2 && codeClass != 4 && codeClass != 5) {
            throw new IllegalArgumentException("codeClass must be 2, 4 or 5 for a response, got " + codeClass);
        }
        if (detail < 0 || detail > 31) {
            throw new IllegalArgumentException("detail must be in 0..31, got " + detail);
        }
    }

    /** The code with this wire value (class in the top 3 bits, detail in the low 5), the listed constant if any. */
    public static ResponseCode ofValue(int value) {
        ResponseCode known = BY_VALUE.get(value);
        return known != null ? known : new ResponseCode(value >> 5, value & 31);
    }

    /** The code written {@code "4.04"}; throws naming the text when it is not of that form. */
    public static ResponseCode parse(String text) {
        int dot = text == null ? -1 : text.indexOf('.');
        if (dot != 1 || text.length() != 4) {
            throw new IllegalArgumentException("response code must look like 4.04, got '" + text + "'");
        }
        try {
            return ofValue(Integer.parseInt(text.substring(0, 1)) << 5 | Integer.parseInt(text.substring(2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("response code must look like 4.04, got '" + text + "'", e);
        }
    }

    /** The code byte as it travels on the wire. */
    public int value() {
        return codeClass << 5 | detail;
    }

    public boolean isSuccess() {
        return codeClass == 2;
    }

    public boolean isError() {
        return codeClass != 2;
    }

    /** The RFC's name ("Not Found"), or "" for a code outside the list. */
    public String reason() {
        return NAMES.getOrDefault(this, "");
    }

    /** {@code 4.04 Not Found}. */
    @Override
    public String toString() {
        String reason = reason();
        return codeClass + "." + (detail < 10 ? "0" : "") + detail + (reason.isEmpty() ? "" : " " + reason);
    }
}
