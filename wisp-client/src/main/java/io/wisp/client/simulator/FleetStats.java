package io.wisp.client.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a fleet has done so far, read at one moment: the figures of the simulator's live summary line.
 *
 * @param clients the fleet's size
 * @param started clients whose socket is open and who have begun to register
 * @param registered clients registered now (a gauge: up on each Register answered 2.01, down on a failed Update,
 *     which sends the client back to Register, and on De-register)
 * @param registrations Registers answered 2.01 in total, re-registrations included
 * @param updates Updates answered 2.04
 * @param deregistrations De-registers answered (2.02, or 4.04 from a server that already forgot the client)
 * @param served requests from the server answered by the clients, whatever the code
 * @param notifications notifications handed to the transport
 * @param errors failed Registers, Updates and De-registers, and clients that could not start
 * @param lastError the most recent error, for the operator ({@code ""} when none)
 * @param elapsed time since the fleet started
 * @param timeToRegisterAll how long after the start every client was registered at once for the first time; null
 *     until then
 */
public record FleetStats(int clients, int started, int registered, long registrations, long updates,
        long deregistrations, long served, long notifications, long errors, String lastError, Duration elapsed,
        Duration timeToRegisterAll) {

    public FleetStats {
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** When every client was first registered at the same time, measured from the start. */
    public Optional<Duration> allRegisteredAfter() {
        return Optional.ofNullable(timeToRegisterAll);
    }
}
