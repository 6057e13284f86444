package io.wisp.bootstrap.session;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a session ended: every step in order, and the failure when it did not end with the client accepting its
 * configuration (a Bootstrap-Pack succeeds once its response is sent).
 */
public final class BootstrapResult {
    private final BootstrapSession session;
    private final List<BootstrapStep> steps;
    private final BootstrapFailure failure;

    private BootstrapResult(BootstrapSession session, List<BootstrapStep> steps, BootstrapFailure failure) {
        this.session = Objects.requireNonNull(session, "session");
        this.steps = List.copyOf(steps);
        this.failure = failure;
    }

    public static BootstrapResult finished(BootstrapSession session, List<BootstrapStep> steps) {
        return new BootstrapResult(session, steps, null);
    }

    public static BootstrapResult failed(BootstrapSession session, List<BootstrapStep> steps,
            BootstrapFailure failure) {
        return new BootstrapResult(session, steps, Objects.requireNonNull(failure, "failure"));
    }

    public BootstrapSession session() {
        return session;
    }

    /** The requests sent and the answers received, in order. */
    public List<BootstrapStep> steps() {
        return steps;
    }

    public boolean isSuccess() {
        return failure == null;
    }

    public Optional<BootstrapFailure> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public String toString() {
        return session + (failure == null ? " finished" : " failed: " + failure) + " after " + steps.size()
                + " steps";
    }
}
