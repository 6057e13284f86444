package io.wisp.core.operation;

import java.util.Objects;

/**
 * Cancel Observation-Composite (Core TS §6.4): ends an observation made with Observe-Composite, telling the client.
 * The same FETCH as the observe — same path list, same token — with {@code Observe: 1} (Transport TS §6; ETS
 * int-305); the client answers with the current values.
 *
 * @param observation the composite observation to cancel
 */
public record CancelCompositeObservationRequest(Observation observation)
        implements LwM2mRequest<CancelCompositeObservationResponse> {
    public CancelCompositeObservationRequest {
        Objects.requireNonNull(observation, "observation");
        if (!observation.composite()) {
            throw new InvalidRequestException("observation: " + observation
                    + " is not composite; cancel it with Cancel Observation");
        }
    }
}
