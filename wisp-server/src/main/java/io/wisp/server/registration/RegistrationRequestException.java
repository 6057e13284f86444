package io.wisp.server.registration;

import java.util.Objects;

/**
 * A Register, Update or De-register request Wisp refuses, with the reason in words a client developer can act on.
 * The {@link Problem} decides the CoAP code (Core TS §6.2, Transport TS §6.2): 4.12 for an unsupported LwM2M
 * version, so that clients step down to an older one, 4.03 for a client not authorized to act for the endpoint,
 * 4.00 for everything else.
 */
public final class RegistrationRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the request. */
    public enum Problem {
        /** A missing, repeated or malformed query parameter. */
        BAD_PARAMETER,
        /** A well-formed {@code lwm2m=} version this server does not implement. */
        UNSUPPORTED_VERSION,
        /** A payload that is not a valid CoRE link list. */
        BAD_PAYLOAD,
        /** A payload announced in another format than application/link-format. */
        BAD_CONTENT_FORMAT,
        /**
         * The client's security does not match the endpoint: a DTLS identity bound to another endpoint, a NoSec
         * request for an endpoint with credentials, or an Update or De-register from another identity than the
         * Register (Core TS §6.2.1 "Not Authorized", Transport TS §5.2).
         */
        NOT_AUTHORIZED
    }

    private final Problem problem;

    public RegistrationRequestException(Problem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }
}
