package io.wisp.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Californium type stays inside wisp-transport's {@code io.wisp.transport.californium} package: the roles, the
 * application and the transport's own API see only Wisp types (ARCHITECTURE.md). Checked over the main sources of
 * every product module from here, the module that depends on all of them; wisp-bench is left out, since driving the
 * Leshan server side by side is its job.
 */
class ArchitectureTest {
    private static final String CALIFORNIUM_HOME = "wisp-transport/src/main/java/io/wisp/transport/californium/";

    @Test
    void only_the_transport_californium_package_uses_californium() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> modules;
        try (Stream<Path> dirs = Files.list(root)) {
            modules = dirs.filter(d -> d.getFileName().toString().startsWith("wisp-"))
                    .filter(d -> !d.getFileName().toString().equals("wisp-bench"))
                    .map(d -> d.resolve("src/main/java")).filter(Files::isDirectory).collect(Collectors.toList());
        }
        assertThat(modules).extracting(m -> root.relativize(m).getName(0).toString())
                .contains("wisp-core", "wisp-transport", "wisp-server", "wisp-app");

        List<String> offenders;
        try (Stream<Path> files = modules.stream().flatMap(ArchitectureTest::javaFiles)) {
            offenders = files.map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(CALIFORNIUM_HOME))
                    .filter(p -> read(root.resolve(p)).contains("org.eclipse.californium"))
                    .collect(Collectors.toList());
        }
        assertThat(offenders).isEmpty();
    }

    private static Stream<Path> javaFiles(Path dir) {
        try {
            return Files.walk(dir).filter(p -> p.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
