package io.wisp.bench.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every scenario of the harness by name, including those that wait for server features: they are listed with what
 * they need and refuse to run rather than report a number that measures nothing.
 */
public final class Scenarios {
    private static final List<Scenario> RUNNABLE = List.of(new RegisterStorm(), new UpdateSteady(),
            new ReadRoundtrip(), new NotifyIngest(), new SendIngest(), new HeapPerRegistration(),
            new IdleRegistrations());

    private static final Map<String, String> PLANNED = plannedScenarios();

    private Scenarios() {
    }

    private static Map<String, String> plannedScenarios() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dtls-handshake", "DTLS PSK handshake storm — needs DTLS in wisp-transport — not yet");
        return m;
    }

    public static List<Scenario> runnable() {
        return RUNNABLE;
    }

    public static Optional<Scenario> find(String name) {
        return RUNNABLE.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The scenarios that cannot run yet, with what they wait for. */
    public static Map<String, String> planned() {
        return PLANNED;
    }
}
