package io.wisp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The transport's API package is Californium-free; only io.wisp.transport.californium touches the library. */
class ArchitectureTest {

    @Test
    void the_api_package_does_not_use_californium() throws IOException {
        Path api = Path.of("src/main/java/io/wisp/transport");
        assertThat(api).isDirectory();
        List<Path> offenders;
        try (Stream<Path> files = Files.list(api)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).contains("org.eclipse.californium")).collect(Collectors.toList());
        }
        assertThat(offenders).isEmpty();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
