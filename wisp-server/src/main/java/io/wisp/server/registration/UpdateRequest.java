package io.wisp.server.registration;

import java.util.Objects;

/**
 * An Update request (Core TS §6.2.2, Transport TS §6.2: {@code POST /rd/{id}}): any subset of the registration's
 * parameters, and optionally a new object-link list. A {@code null} field means "unchanged"; an Update with nothing
 * at all is the plain "I am still here" that only renews the lifetime.
 *
 * @param registrationId the ID from the Location-Path of the Register response
 * @param lifetime the new lifetime in seconds, or {@code null}
 * @param binding the new binding, or {@code null}
 * @param queueMode the new queue mode, or {@code null}
 * @param smsNumber the new MSISDN, or {@code null}
 * @param objectLinks the new object links, or {@code null}
 */
public record UpdateRequest(String registrationId, Long lifetime, Binding binding, Boolean queueMode,
        String smsNumber, CompactObjectLinks objectLinks) {

    public UpdateRequest {
        Objects.requireNonNull(registrationId, "registrationId");
        if (lifetime != null && (lifetime < 0 || lifetime > RegisterRequest.MAX_LIFETIME)) {
            throw new IllegalArgumentException(
                    "lifetime must be in 0.." + RegisterRequest.MAX_LIFETIME + ", got " + lifetime);
        }
    }

    /** An Update that changes nothing and only renews the lifetime. */
    public static UpdateRequest renew(String registrationId) {
        return new UpdateRequest(registrationId, null, null, null, null, null);
    }
}
