package io.wisp.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import picocli.CommandLine;

/** A long-running command ({@code wisp client}, {@code wisp simulate}) executed in the background, and its output. */
final class RunningCommand {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Integer> exit;

    private RunningCommand(Callable<Integer> command, String... args) {
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        exit = CompletableFuture.supplyAsync(() -> cli.execute(args));
    }

    static RunningCommand start(Callable<Integer> command, String... args) {
        return new RunningCommand(command, args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** Waits until the output contains the text (the command must still be running or have printed it). */
    void awaitOutput(String text, Duration bound) {
        Awaitility.await().atMost(bound).until(() -> out().contains(text) || exit.isDone());
        assertThat(out()).as("stderr: %s", err()).contains(text);
    }

    /** Waits for the command to end and returns its exit code. */
    int awaitExit(Duration bound) {
        Awaitility.await().atMost(bound).until(exit::isDone);
        return exit.join();
    }
}
