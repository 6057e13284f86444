package io.wisp.core.operation;

import java.util.Objects;

/**
 * Cancel Observation (Core TS §6.4): ends an observation made with Observe, telling the client. The same GET as the
 * observe, with the same token and {@code Observe: 1} (Transport TS §6; RFC 7641 §3.6); the client answers with
 * the current value. To end an observation without telling the client, forget it: its next notification is then
 * answered with a Reset.
 *
 * @param observation the observation to cancel, a single (non-composite) one
 */
public record CancelObservationRequest(Observation observation) implements LwM2mRequest<CancelObservationResponse> {
    public CancelObservationRequest {
        Objects.requireNonNull(observation, "observation");
        if (observation.composite()) {
            throw new InvalidRequestException("observation: " + observation
                    + " is composite; cancel it with Cancel Observation-Composite");
        }
    }
}
