package io.wisp.server.registration;

import io.wisp.core.model.Version;
import java.util.Map;
import java.util.Objects;

/**
 * A Register request as read from the wire (Core TS §6.2.1, Transport TS §6.2: {@code POST /rd?ep=..&lt=..}), with
 * the TS defaults filled in: lifetime 86400 s, version 1.0, binding U.
 *
 * @param endpoint the Endpoint Client Name ({@code ep}), unique per client on this server
 * @param lifetime seconds until the registration expires without an Update; 0 means never (Server object 1/x/1)
 * @param lwm2mVersion the enabler version the client implements ({@code lwm2m})
 * @param binding the transports the client can be reached on ({@code b})
 * @param queueMode whether the client sleeps between exchanges ({@code Q}, or the 1.0 letter in {@code b=UQ})
 * @param smsNumber the MSISDN for the SMS binding ({@code sms}), or {@code null}
 * @param profileId the LwM2M 1.2 profile ID ({@code pid}), or {@code null}
 * @param additionalAttributes query parameters the TS does not define, kept as sent
 * @param objectLinks the objects and instances the client announced in its payload
 */
public record RegisterRequest(String endpoint, long lifetime, Version lwm2mVersion, Binding binding, boolean queueMode,
        String smsNumber, String profileId, Map<String, String> additionalAttributes, CompactObjectLinks objectLinks) {

    /** The lifetime a client that sends no {@code lt} gets (Core TS §6.2.1). */
    public static final long DEFAULT_LIFETIME = 86_400;
    /** The largest lifetime: the Lifetime resource is an unsigned 32-bit integer. */
    public static final long MAX_LIFETIME = 0xFFFF_FFFFL;

    public RegisterRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.isEmpty()) {
            throw new IllegalArgumentException("endpoint must not be empty");
        }
        if (lifetime < 0 || lifetime > MAX_LIFETIME) {
            throw new IllegalArgumentException("lifetime must be in 0.." + MAX_LIFETIME + ", got " + lifetime);
        }
        Objects.requireNonNull(lwm2mVersion, "lwm2mVersion");
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(objectLinks, "objectLinks");
        additionalAttributes = Map.copyOf(additionalAttributes);
    }
}
