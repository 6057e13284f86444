package io.wisp.app.persistence;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.operation.Observation;
import io.wisp.core.operation.ObservationId;
import io.wisp.core.path.LwM2mPath;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An observation the server holds at a client (Core TS §6.4), as much as the server needs after a restart to accept
 * its notifications again: the token every notification echoes, the registration and endpoint it belongs to, the
 * observed paths and the content format its notifications were asked in.
 *
 * @param observation the token, registration ID, paths and whether it is an Observe-Composite
 * @param endpoint the client's endpoint name
 * @param format the content format asked for (notifications usually carry their own), or {@code null}
 * @param createdAt when the client accepted the observation
 */
public record StoredObservation(Observation observation, String endpoint, ContentFormat format, Instant createdAt) {
    public StoredObservation {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(createdAt, "createdAt");
        if (endpoint.isEmpty()) {
            throw new IllegalArgumentException("endpoint must not be empty");
        }
    }

    public ObservationId id() {
        return observation.id();
    }

    public String registrationId() {
        return observation.registrationId();
    }

    public List<LwM2mPath> paths() {
        return observation.paths();
    }
}
