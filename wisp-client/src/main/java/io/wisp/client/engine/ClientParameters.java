package io.wisp.client.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * What a client says about itself when it registers (Core TS §6.2.1): its endpoint name and the LwM2M version it
 * implements, plus how long it waits for each answer.
 *
 * @param endpoint the endpoint client name ({@code ep})
 * @param lwm2mVersion the enabler version ({@code lwm2m}): 1.0, 1.1 or 1.2
 * @param requestTimeout how long one uplink (Register, Update, De-register) may take, retransmissions included
 */
public record ClientParameters(String endpoint, String lwm2mVersion, Duration requestTimeout) {
    public ClientParameters {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(lwm2mVersion, "lwm2mVersion");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (endpoint.isEmpty()) {
            throw new IllegalArgumentException("endpoint must not be empty");
        }
        if (!lwm2mVersion.equals("1.0") && !lwm2mVersion.equals("1.1") && !lwm2mVersion.equals("1.2")) {
            throw new IllegalArgumentException("lwm2mVersion must be 1.0, 1.1 or 1.2, got '" + lwm2mVersion + "'");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
        }
    }

    /** A LwM2M 1.1 client with a 93 s request timeout (MAX_TRANSMIT_WAIT with the RFC 7252 defaults). */
    public static ClientParameters of(String endpoint) {
        return new ClientParameters(endpoint, "1.1", Duration.ofSeconds(93));
    }
}
