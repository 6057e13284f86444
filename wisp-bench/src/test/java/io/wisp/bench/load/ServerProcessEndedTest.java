package io.wisp.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server process that has ended (in a real run: Leshan out of heap under 5 minutes of Updates) answers no more
 * questions, and says so with {@link ServerProcess.Ended}, which a scenario can tell apart from other I/O trouble and
 * report as a server that died, instead of losing the whole run.
 */
class ServerProcessEndedTest {

    @Test
    void asking_an_ended_server_process_throws_ended(@TempDir Path out) throws Exception {
        ServerProcess server = ServerProcess.start(ServerKind.WISP, "256m", List.of(), Security.NONE,
                out.resolve("wisp.log"));
        assertThat(server.registrations()).isZero();

        server.close();

        assertThatThrownBy(server::cpuNanos).isInstanceOf(ServerProcess.Ended.class)
                .hasMessageContaining("WISP server process ended");
    }
}
