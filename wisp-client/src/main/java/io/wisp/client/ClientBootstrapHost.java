package io.wisp.client;

import io.wisp.client.bootstrap.BootstrapHost;
import io.wisp.client.engine.ServerAccount;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the bootstrap engine does to a client's registrations: suspends them for a session, resumes them from the
 * accounts the session left in /0 and /1 (with their new credentials), and says why those accounts are unusable.
 */
final class ClientBootstrapHost implements BootstrapHost {
    private final Supplier<CompletableFuture<Void>> stop;
    private final BooleanSupplier start;
    private final Supplier<List<ServerAccount>> accounts;

    ClientBootstrapHost(Supplier<CompletableFuture<Void>> stop, BooleanSupplier start,
            Supplier<List<ServerAccount>> accounts) {
        this.stop = stop;
        this.start = start;
        this.accounts = accounts;
    }

    @Override
    public CompletableFuture<Void> suspendRegistrations() {
        return stop.get();
    }

    @Override
    public CompletableFuture<Boolean> resumeRegistrations() {
        return stop.get().handle((v, e) -> start.getAsBoolean());
    }

    @Override
    public Optional<String> accountProblem() {
        try {
            return accounts.get().isEmpty() ? Optional.of("no LwM2M Server account") : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }
}
