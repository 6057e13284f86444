package io.wisp.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import picocli.CommandLine;

/** A {@code wisp server} started in this JVM with its arguments, and what it printed. */
record RunningServer(ServerCommand command, StringWriter text, CompletableFuture<Integer> exit) {

    /** Starts {@code wisp server args} and waits until its HTTP API listens. */
    static RunningServer start(String... args) {
        StringWriter text = new StringWriter();
        ServerCommand command = new ServerCommand();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(text, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(args));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> text.toString().contains("Wisp HTTP API on") || exit.isDone());
        assertThat(exit).as(text.toString()).isNotDone();
        return new RunningServer(command, text, exit);
    }

    String output() {
        return text.toString();
    }

    /** The first group of {@code regex} in the output; fails when it is not there. */
    String find(String regex) {
        Matcher m = Pattern.compile(regex).matcher(output());
        assertThat(m.find()).as("%s in %s", regex, output()).isTrue();
        return m.group(1);
    }
}
