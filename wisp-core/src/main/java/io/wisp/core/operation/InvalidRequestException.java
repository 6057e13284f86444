package io.wisp.core.operation;

/**
 * A request that cannot be sent as built: a path at the wrong level for its operation, a node that does not match
 * its path, a format that cannot carry its content. Thrown at construction, so a bad request never reaches a client.
 */
public final class InvalidRequestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
