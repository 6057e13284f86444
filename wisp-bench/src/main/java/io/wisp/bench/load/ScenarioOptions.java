package io.wisp.bench.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code --name value} options of one scenario run, with the options every scenario shares:
 * {@code --rounds}, {@code --window}, {@code --sockets}, {@code --server-heap}, {@code --server-jvm}, {@code --servers}
 * and {@code --out}.
 */
public final class ScenarioOptions {
    /** Options every scenario understands. */
    public static final Set<String> COMMON =
            Set.of("rounds", "window", "sockets", "server-heap", "server-jvm", "servers", "out");

    private final Map<String, String> values;

    private ScenarioOptions(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Reads {@code --name value} pairs; throws naming the first argument that is not one. */
    public static ScenarioOptions parse(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || a.length() == 2) {
                throw new IllegalArgumentException("expected an option --name value, got '" + a + "'");
            }
            if (i + 1 == args.size()) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
            values.put(a.substring(2), args.get(++i));
        }
        return new ScenarioOptions(values);
    }

    public static ScenarioOptions of(Map<String, String> values) {
        return new ScenarioOptions(new LinkedHashMap<>(values));
    }

    /** Throws naming an option that is neither common nor in {@code specific}. */
    public void check(Set<String> specific) {
        for (String name : values.keySet()) {
            if (!COMMON.contains(name) && !specific.contains(name)) {
                Set<String> known = new TreeSet<>(COMMON);
                known.addAll(specific);
                throw new IllegalArgumentException("unknown option --" + name + "; this scenario takes --"
                        + String.join(", --", known));
            }
        }
    }

    public int integer(String name, int defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.replace("_", "").replace("k", "000").replace("M", "000000"));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a non-negative integer (e.g. 50000, 50k, 1M),"
                    + " got '" + v + "'", e);
        }
    }

    public String text(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    /** Extra JVM options for both server processes ({@code --server-jvm "-XX:A -XX:B"}); none by default. */
    public List<String> serverJvmOptions() {
        String v = values.get("server-jvm");
        return v == null || v.isBlank() ? List.of() : List.of(v.strip().split("\\s+"));
    }

    /** The servers to run, in the order they alternate; both by default. */
    public List<ServerKind> servers() {
        String v = values.get("servers");
        if (v == null) {
            return List.of(ServerKind.WISP, ServerKind.LESHAN);
        }
        List<ServerKind> kinds = new ArrayList<>();
        for (String s : v.split(",")) {
            kinds.add(ServerKind.parse(s));
        }
        return List.copyOf(kinds);
    }

    /** Where reports and server logs go. */
    public Path out(Path defaultDir) {
        String v = values.get("out");
        return v == null ? defaultDir : Path.of(v);
    }

    /** The options as given, for the report. */
    public Map<String, String> asMap() {
        return values;
    }
}
