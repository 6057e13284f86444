package io.wisp.app.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM running {@link ServerChild} on the test's own class path: commands go to its stdin, its {@code @@}
 * lines come back in order, everything else it prints is kept for the failure message.
 */
final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final List<String> output = new ArrayList<>();

    ChildProcess(Path dataDir, int port) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), ServerChild.class.getName(), dataDir.toString(),
                Integer.toString(port));
        pb.redirectErrorStream(true);
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readOutput, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("@@ ")) {
                    answers.add(line.substring(3));
                } else {
                    synchronized (output) {
                        output.add(line);
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Sends a command without waiting. */
    void send(String command) {
        commands.println(command);
    }

    /** The next answer line, waiting at most {@code seconds}; fails at once when the process has ended. */
    String next(int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            while (System.nanoTime() < deadline) {
                String line = answers.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) {
                    return line;
                }
                if (!process.isAlive() && answers.isEmpty()) {
                    process.waitFor();
                    Thread.sleep(200);
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        synchronized (output) {
            throw new AssertionError("no answer from the server process within " + seconds + " s ("
                    + (process.isAlive() ? "still running" : "ended with " + process.exitValue())
                    + "); its output:\n" + String.join("\n", output));
        }
    }

    /** Sends a command and returns its answer. */
    String ask(String command) {
        send(command);
        return next(30);
    }

    /** SIGKILL: no shutdown hook, no flush, no close. Returns once the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the server process did not end within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the server process to end", e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
