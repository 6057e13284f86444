package io.wisp.client.object;

import io.wisp.core.operation.ResponseCode;
import java.util.Objects;

/**
 * An operation on an object that cannot be done, with the CoAP code the server gets for it (Core TS §6.3 and
 * Transport TS §6.4 list them: 4.04 for a missing instance or resource, 4.05 for an operation the model does not
 * allow, 4.00 for a value of the wrong type, 4.01/4.03 for access control...). The message names what was wrong and
 * is sent to the server as the diagnostic payload, so it never holds a secret.
 */
public final class ObjectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ResponseCode code;

    public ObjectException(ResponseCode code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        if (code.isSuccess()) {
            throw new IllegalArgumentException("code must be an error code, got " + code);
        }
    }

    public static ObjectException notFound(String message) {
        return new ObjectException(ResponseCode.NOT_FOUND, message);
    }

    public static ObjectException methodNotAllowed(String message) {
        return new ObjectException(ResponseCode.METHOD_NOT_ALLOWED, message);
    }

    public static ObjectException badRequest(String message) {
        return new ObjectException(ResponseCode.BAD_REQUEST, message);
    }

    public ResponseCode code() {
        return code;
    }
}
