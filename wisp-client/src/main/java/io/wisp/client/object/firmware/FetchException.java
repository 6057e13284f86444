package io.wisp.client.object.firmware;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Why a {@link PackageFetcher} could not fetch a package, as the Update Result the server will read (Core TS
 * Appendix E.6): 3 out of RAM, 4 connection lost, 7 invalid URI, 9 unsupported protocol. The message is for the
 * device's log.
 */
public final class FetchException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final Set<UpdateResult> ALLOWED = EnumSet.of(UpdateResult.OUT_OF_RAM, UpdateResult.CONNECTION_LOST,
            UpdateResult.INVALID_URI, UpdateResult.UNSUPPORTED_PROTOCOL);

    private final UpdateResult result;

    public FetchException(UpdateResult result, String message, Throwable cause) {
        super(message, cause);
        this.result = Objects.requireNonNull(result, "result");
        if (!ALLOWED.contains(result)) {
            throw new IllegalArgumentException("result must be one of " + ALLOWED + " for a failed fetch, got "
                    + result);
        }
    }

    public FetchException(UpdateResult result, String message) {
        this(result, message, null);
    }

    /** The Update Result this failure ends the download with. */
    public UpdateResult result() {
        return result;
    }
}
