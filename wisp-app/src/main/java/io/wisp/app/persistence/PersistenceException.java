package io.wisp.app.persistence;

/**
 * A database operation failed: the message names what was being done (e.g. "saving the credentials of dev-7"), the
 * cause is the driver's exception. Never carries key material or a document's content.
 */
public final class PersistenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
