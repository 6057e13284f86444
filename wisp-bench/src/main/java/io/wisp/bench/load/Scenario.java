package io.wisp.bench.load;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * One load scenario: what a round does against one server process, and the figures it reports. The
 * {@link BenchRunner} starts a fresh server process per round and alternates the servers.
 */
public interface Scenario {

    /** The name on the command line, e.g. {@code register-storm}. */
    String name();

    /** One line for the scenario list. */
    String description();

    /** The options this scenario takes besides {@link ScenarioOptions#COMMON}. */
    Set<String> options();

    /** The table's columns, in order. */
    List<Metric> metrics();

    /** One line describing the settings of this run, for the report. */
    String settings(ScenarioOptions options);

    default int defaultRounds() {
        return 3;
    }

    /** The server JVM's -Xmx unless {@code --server-heap} says otherwise. */
    default String defaultServerHeap() {
        return "4g";
    }

    /** Whether (and how) the servers also listen for CoAP over DTLS in this run; not by default. */
    default Security security(ScenarioOptions options) {
        return Security.NONE;
    }

    /** Runs round {@code round} against {@code server}; progress goes to {@code log}. */
    RoundResult run(ServerProcess server, int round, ScenarioOptions options, PrintStream log) throws Exception;
}
