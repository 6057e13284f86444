package io.wisp.transport;

/**
 * The CoAP response codes a LwM2M peer can send or receive (RFC 7252 §12.1.2, RFC 7959 for 2.31 and 4.08, RFC 8132
 * for 4.09 and 4.22). Transport TS §6 lists which of them each LwM2M operation may answer.
 */
public enum CoapCode {
    CREATED(2, 1, "Created"),
    DELETED(2, 2, "Deleted"),
    VALID(2, 3, "Valid"),
    CHANGED(2, 4, "Changed"),
    CONTENT(2, 5, "Content"),
    CONTINUE(2, 31, "Continue"),
    BAD_REQUEST(4, 0, "Bad Request"),
    UNAUTHORIZED(4, 1, "Unauthorized"),
    BAD_OPTION(4, 2, "Bad Option"),
    FORBIDDEN(4, 3, "Forbidden"),
    NOT_FOUND(4, 4, "Not Found"),
    METHOD_NOT_ALLOWED(4, 5, "Method Not Allowed"),
    NOT_ACCEPTABLE(4, 6, "Not Acceptable"),
    REQUEST_ENTITY_INCOMPLETE(4, 8, "Request Entity Incomplete"),
    CONFLICT(4, 9, "Conflict"),
    PRECONDITION_FAILED(4, 12, "Precondition Failed"),
    REQUEST_ENTITY_TOO_LARGE(4, 13, "Request Entity Too Large"),
    UNSUPPORTED_CONTENT_FORMAT(4, 15, "Unsupported Content-Format"),
    UNPROCESSABLE_ENTITY(4, 22, "Unprocessable Entity"),
    TOO_MANY_REQUESTS(4, 29, "Too Many Requests"),
    INTERNAL_SERVER_ERROR(5, 0, "Internal Server Error"),
    NOT_IMPLEMENTED(5, 1, "Not Implemented"),
    BAD_GATEWAY(5, 2, "Bad Gateway"),
    SERVICE_UNAVAILABLE(5, 3, "Service Unavailable"),
    GATEWAY_TIMEOUT(5, 4, "Gateway Timeout"),
    PROXY_NOT_SUPPORTED(5, 5, "Proxying Not Supported");

    private static final CoapCode[] BY_VALUE = new CoapCode[256];

    static {
        for (CoapCode c : values()) {
            BY_VALUE[c.value()] = c;
        }
    }

    private final int codeClass;
    private final int detail;
    private final String reason;

    CoapCode(int codeClass, int detail, String reason) {
        this.codeClass = codeClass;
        this.detail = detail;
        this.reason = reason;
    }

    /** The class digit: 2 success, 4 client error, 5 server error. */
    public int codeClass() {
        return codeClass;
    }

    /** The two detail digits. */
    public int detail() {
        return detail;
    }

    /** The code byte as it travels on the wire: class in the top 3 bits, detail in the low 5. */
    public int value() {
        return codeClass << 5 | detail;
    }

    public boolean isSuccess() {
        return codeClass == 2;
    }

    /** The code with this wire value; an unlisted value of class 4 or 5 maps to the generic code of its class. */
    public static CoapCode ofValue(int value) {
        CoapCode c = value >= 0 && value < BY_VALUE.length ? BY_VALUE[value] : null;
        if (c != null) {
            return c;
        }
        int cls = value >> 5;
        if (cls == 4) {
            return BAD_REQUEST;
        }
        if (cls == 5) {
            return INTERNAL_SERVER_ERROR;
        }
        throw new IllegalArgumentException("not a CoAP response code: " + (value >> 5) + "." + (value & 31));
    }

    /** {@code 4.04 Not Found}. */
    @Override
    public String toString() {
        return codeClass + "." + (detail < 10 ? "0" : "") + detail + " " + reason;
    }
}
