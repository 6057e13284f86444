package io.wisp.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in its own JVM ({@link BenchServerMain}), started with the same class path as this process
 * and the same JVM options for every kind, and driven through its stdin: heap after GC, process CPU time and the
 * number of registrations it holds are read from inside the child.
 */
public final class ServerProcess implements AutoCloseable {
    private final ServerKind kind;
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final InetSocketAddress address;
    private final InetSocketAddress secureAddress;

    private ServerProcess(ServerKind kind, Process process) throws IOException {
        this.kind = kind;
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String[] ready = readAnswer("READY").split(" ");
        this.address = new InetSocketAddress("127.0.0.1", Integer.parseInt(ready[0]));
        int secure = ready.length > 1 ? Integer.parseInt(ready[1]) : -1;
        this.secureAddress = secure < 0 ? null : new InetSocketAddress("127.0.0.1", secure);
    }

    /**
     * Starts a {@code kind} server with at most {@code maxHeap} of heap (a JVM size such as {@code 4g}) and the
     * extra JVM options {@code jvmOptions} (e.g. a profiler's, empty for none), and a CoAPs endpoint unless
     * {@code security} is {@link Security#NONE}; its log goes to {@code log}.
     */
    public static ServerProcess start(ServerKind kind, String maxHeap, List<String> jvmOptions, Security security,
            Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-XX:+UseG1GC");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BenchServerMain.class.getName());
        command.add("--kind");
        command.add(kind.name().toLowerCase(Locale.ROOT));
        command.add("--security");
        command.add(security.name().toLowerCase(Locale.ROOT));
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            return new ServerProcess(kind, p);
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    public ServerKind kind() {
        return kind;
    }

    /** The server's CoAP address on 127.0.0.1. */
    public InetSocketAddress address() {
        return address;
    }

    /** The server's CoAPs address on 127.0.0.1; throws when it was started without security. */
    public InetSocketAddress secureAddress() {
        if (secureAddress == null) {
            throw new IllegalStateException(kind + " server was started without a CoAPs endpoint");
        }
        return secureAddress;
    }

    /** Adds the DTLS credentials of devices {@code first..first+count-1}; returns how many the server holds. */
    public int addCredentials(long first, int count) throws IOException {
        return Integer.parseInt(ask("credentials " + first + " " + count, "CREDENTIALS"));
    }

    /** The child's used heap after forced full collections, in bytes. */
    public long heapAfterGc() throws IOException {
        return Long.parseLong(ask("heap", "HEAP"));
    }

    /** The CPU time the child process has used so far, all threads, in nanoseconds. */
    public long cpuNanos() throws IOException {
        return Long.parseLong(ask("cpu", "CPU"));
    }

    /** The number of registrations the server holds. */
    public int registrations() throws IOException {
        return Integer.parseInt(ask("count", "COUNT"));
    }

    /**
     * Runs {@link ServerUnderTest#readLoop} in the server process and waits for its result; the clients must be
     * answering meanwhile (from another thread of this process).
     */
    public ServerSideLoop.Result readLoop(String path, int format, int window, int seconds) throws IOException {
        return ServerSideLoop.Result.parse(ask("reads " + path + " " + format + " " + window + " " + seconds,
                "READS"));
    }

    /** Runs {@link ServerUnderTest#observeAll} in the server process and waits for its result. */
    public ServerSideLoop.Result observeAll(String path, int format, int window) throws IOException {
        return ServerSideLoop.Result.parse(ask("observe " + path + " " + format + " " + window, "OBSERVED"));
    }

    /** The notifications the server's listener got since the last {@link #resetCounters()}. */
    public EventCounter.Snapshot notifications() throws IOException {
        return EventCounter.Snapshot.parse(ask("notifications", "NOTIFICATIONS"));
    }

    /** The Sends the server's listener got since the last {@link #resetCounters()}. */
    public EventCounter.Snapshot sends() throws IOException {
        return EventCounter.Snapshot.parse(ask("sends", "SENDS"));
    }

    /** Zeroes the notification and Send counters of the server process. */
    public void resetCounters() throws IOException {
        ask("reset", "RESET");
    }

    private synchronized String ask(String command, String answer) throws IOException {
        try {
            in.write(command + "\n");
            in.flush();
        } catch (IOException e) {
            throw new Ended(kind + " server process ended before it was asked for " + answer + " (see its log)");
        }
        return readAnswer(answer);
    }

    private String readAnswer(String answer) throws IOException {
        String expected = BenchServerMain.PREFIX + answer + " ";
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(expected)) {
                return line.substring(expected.length()).strip();
            }
            if (line.startsWith(BenchServerMain.PREFIX)) {
                throw new IOException(kind + " server answered '" + line + "' instead of " + answer);
            }
        }
        throw new Ended(kind + " server process ended before answering " + answer + " (see its log)");
    }

    /** The server process ended (crashed, or ran out of heap) before it answered. */
    public static final class Ended extends IOException {
        private static final long serialVersionUID = 1L;

        Ended(String message) {
            super(message);
        }
    }

    /** Asks the child to stop, and kills it if it has not ended within 20 seconds. */
    @Override
    public void close() {
        try {
            in.write("quit\n");
            in.flush();
        } catch (IOException e) {
            // Already gone.
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
