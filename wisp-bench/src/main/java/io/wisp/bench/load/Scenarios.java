package io.wisp.bench.load;

import java.util.List;
import java.util.Optional;

/** Every scenario of the harness by name, in the order {@code ./bench list} and {@code ./bench all} use. */
public final class Scenarios {
    private static final List<Scenario> RUNNABLE = List.of(new RegisterStorm(), new UpdateSteady(),
            new ReadRoundtrip(), new NotifyIngest(), new SendIngest(), new HeapPerRegistration(),
            new IdleRegistrations(), new DtlsHandshake());

    private Scenarios() {
    }

    public static List<Scenario> runnable() {
        return RUNNABLE;
    }

    public static Optional<Scenario> find(String name) {
        return RUNNABLE.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
