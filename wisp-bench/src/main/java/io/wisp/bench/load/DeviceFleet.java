package io.wisp.bench.load;

import java.io.IOException;
import java.io.PrintStream;

/**
 * The registered fleet of the scenarios where the server talks to its clients (Reads, observations, Sends): one
 * socket per client, because a server knows a client by its address, all registered before the measurement.
 */
final class DeviceFleet {
    static final long LIFETIME = 86_400;

    private DeviceFleet() {
    }

    static int clients(ScenarioOptions o) {
        int n = o.integer("clients", 1_000);
        if (n < 1) {
            throw new IllegalArgumentException("--clients must be at least 1");
        }
        return n;
    }

    /** Opens one socket per client ({@code --sockets} may not be lower: clients cannot share an address here). */
    static LoadGenerator open(ServerProcess server, ScenarioOptions o, int clients) throws IOException {
        int sockets = o.integer("sockets", clients);
        if (sockets < clients) {
            throw new IllegalArgumentException("--sockets must be at least --clients in this scenario: the server "
                    + "tells its clients apart by their address");
        }
        return new LoadGenerator(server.address(), sockets);
    }

    /** Registers devices 0..n-1, each from its own socket; fails unless every one got a 2.01. */
    static RegisterWorkload register(LoadGenerator generator, int n, PrintStream log) throws IOException {
        RegisterWorkload registered = new RegisterWorkload(0, n, LIFETIME);
        generator.run(registered, 256);
        if (registered.registered() != n) {
            throw new IllegalStateException("only " + registered.registered() + " of " + n + " clients registered");
        }
        log.printf("  %d clients registered%n", n);
        return registered;
    }
}
