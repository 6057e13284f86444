package io.wisp.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The settings of {@code wisp server}: a YAML {@code --config} file sets what no flag gives, a flag wins over the
 * file, relative paths in the file are relative to it, and every mistake stops the start with a message naming the
 * setting. {@code --models} reaches the API's object definitions.
 */
class ServerConfigTest {
    @TempDir
    Path dir;

    private static ServerSettings settings(String... args) {
        ServerCommand command = new ServerCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings();
    }

    /** Runs {@code wisp server} with {@code args} expecting it to refuse to start; returns what it printed. */
    private static String refused(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new ServerCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
        assertThat(code).as(out + "\n" + err).isEqualTo(2);
        return err.toString();
    }

    @Test
    void the_file_sets_what_no_flag_gives_and_a_flag_wins() throws Exception {
        Path file = dir.resolve("wisp.yaml");
        Files.writeString(file, "coap-port: 15683\ncoaps-port: -1\nbootstrap-port: 15783\n"
                + "bootstrap-coaps-port: 15784\nhttp-port: 18080\n"
                + "http-bind: 127.0.0.1\ndata: state\nmodels:\n  - extra-models\ncors-origin: https://ops.example\n");

        ServerSettings fromFile = settings("--config", file.toString());
        assertThat(fromFile.coapPort()).isEqualTo(15683);
        assertThat(fromFile.coapsPort()).isEqualTo(-1);
        assertThat(fromFile.bootstrapPort()).isEqualTo(15783);
        assertThat(fromFile.bootstrapCoapsPort()).isEqualTo(15784);
        assertThat(fromFile.httpPort()).isEqualTo(18080);
        assertThat(fromFile.data()).isEqualTo(dir.toAbsolutePath().resolve("state"));
        assertThat(fromFile.models()).containsExactly(dir.toAbsolutePath().resolve("extra-models"));
        assertThat(fromFile.corsOrigins()).containsExactly("https://ops.example");

        ServerSettings flagsWin = settings("--config", file.toString(), "--http-port", "0", "--coaps-port", "5699",
                "--data", "elsewhere");
        assertThat(flagsWin.httpPort()).isZero();
        assertThat(flagsWin.coapsPort()).isEqualTo(5699);
        assertThat(flagsWin.data()).isEqualTo(Path.of("elsewhere"));
        assertThat(flagsWin.coapPort()).isEqualTo(15683);

        ServerSettings defaults = settings();
        assertThat(defaults.coapPort()).isEqualTo(5683);
        assertThat(defaults.coapsPort()).isEqualTo(5684);
        assertThat(defaults.bootstrapPort()).isEqualTo(5783);
        assertThat(defaults.bootstrapCoapsPort()).isEqualTo(5784);
        assertThat(defaults.httpPort()).isEqualTo(8080);
        assertThat(defaults.httpBind().isLoopbackAddress()).isTrue();
        assertThat(defaults.data()).isEqualTo(Path.of("wisp-data"));
    }

    @Test
    void a_mistake_names_the_setting_and_what_would_be_valid() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "coap-port: 5683\ncolour: blue\n");
        assertThat(refused("--config", file.toString())).contains(file + ": colour: unknown setting",
                "coap-port", "http-bind");

        Files.writeString(file, "coap-port: fifty\n");
        assertThat(refused("--config", file.toString())).contains(file + ": coap-port: must be a port number, "
                + "got 'fifty'");

        Files.writeString(file, "coap-port: [5683\n");
        assertThat(refused("--config", file.toString())).contains(file + ": not valid YAML at line");

        assertThat(refused("--coap-port", "70000")).contains("coap-port: must be a port in 0..65535",
                "got 70000");
        assertThat(refused("--bootstrap-port", "5683")).contains("bootstrap-port: 5683 is the coap-port too");
        assertThat(refused("--bootstrap-coaps-port", "5684")).contains("bootstrap-coaps-port: 5684 is the "
                + "coaps-port too");
        assertThat(refused("--config", dir.resolve("missing.yaml").toString())).contains("--config: ",
                "missing.yaml is not a readable file");
        assertThat(refused("--models", dir.resolve("no-such-dir").toString(), "--data", dir.toString()))
                .contains("models: ", "no-such-dir is not a directory");
    }

    @Test
    void models_of_the_models_directory_are_served_by_the_api() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        assertThat(Main.run("objects", "new", "--id", "33001", "--name", "Greenhouse Vent", "-o",
                models.resolve("33001.xml").toString())).isZero();
        StringWriter text = new StringWriter();
        ServerCommand command = new ServerCommand();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(text, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("--coap-bind", "127.0.0.1",
                "--coap-port", "0", "--coaps-port", "-1", "--bootstrap-port", "-1", "--http-port", "0", "--data",
                dir.resolve("data").toString(), "--models", models.toString()));
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> text.toString().contains("Wisp HTTP API on") || exit.isDone());
            Matcher port = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/api/v1").matcher(text.toString());
            assertThat(port.find()).as(text.toString()).isTrue();
            assertThat(text.toString()).doesNotContain("coaps://", "bootstrap server listening");
            HttpResponse<String> model = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port.group(1) + "/api/v1/models/33001")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(model.statusCode()).as(model.body()).isEqualTo(200);
            assertThat(model.body()).contains("Greenhouse Vent");
        } finally {
            command.stop();
        }
        assertThat(exit.get()).isZero();
    }
}
