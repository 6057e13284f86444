package io.wisp.server.registration;

import java.util.Objects;

/** A registration before and after an Update (Core TS §6.2.2). */
public record UpdatedRegistration(Registration previous, Registration current) {
    public UpdatedRegistration {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        if (!previous.id().equals(current.id())) {
            throw new IllegalArgumentException("an update keeps the ID: " + previous.id() + " vs " + current.id());
        }
    }
}
