package io.wisp.core.operation;

import io.wisp.core.path.LwM2mPath;
import java.util.List;
import java.util.Objects;

/**
 * An observation the server holds at a client (Core TS §6.4: Observe and Observe-Composite): what is observed and
 * under which registration. Returned by a successful observe, named by every notification, and given back to cancel
 * it. An observation lives as long as the registration it was made under: a new Register, a De-register or an
 * expiry ends it.
 *
 * @param id             the observation's token
 * @param registrationId the registration it belongs to
 * @param paths          the observed path (one), or the paths of an Observe-Composite (one or more)
 * @param composite      whether it came from Observe-Composite (a FETCH) rather than Observe (a GET)
 */
public record Observation(ObservationId id, String registrationId, List<LwM2mPath> paths, boolean composite) {
    public Observation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(registrationId, "registrationId");
        paths = List.copyOf(Objects.requireNonNull(paths, "paths"));
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("paths: an observation observes at least one path");
        }
        if (!composite && paths.size() != 1) {
            throw new IllegalArgumentException("paths: a single observation observes one path, got " + paths);
        }
    }

    /** The observed path of a single (non-composite) observation. */
    public LwM2mPath path() {
        if (composite) {
            throw new IllegalStateException("a composite observation has several paths: " + paths);
        }
        return paths.get(0);
    }

    @Override
    public String toString() {
        return (composite ? "Observe-Composite " : "Observe ") + paths + " [" + id + "] of " + registrationId;
    }
}
