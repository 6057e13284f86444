package io.wisp.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill -9 and restart (issue: "nothing is lost"): a real Wisp server in its own JVM with the database in a temporary
 * directory; clients register over real UDP, a credential, a bootstrap configuration and reported values are saved;
 * as soon as the writer has nothing pending the process gets SIGKILL (no shutdown hook runs, nothing is closed). A new
 * process on the same directory and port must know every client: a downlink reaches a client at the address it
 * registered from, every Update at the old location gets 2.04, a De-register works, and the credential,
 * configuration and values are all there.
 */
class KillRestartTest {
    private static final Logger LOG = LoggerFactory.getLogger(KillRestartTest.class);
    private static final int CLIENTS = 20;

    @TempDir
    Path dir;

    @Test
    void after_a_kill_9_the_new_process_knows_every_client_and_every_stored_thing() throws Exception {
        List<RawClient> clients = new ArrayList<>();
        List<List<String>> locations = new ArrayList<>();
        int port;
        InetSocketAddress server;
        try (ChildProcess first = new ChildProcess(dir, 0)) {
            String ready = first.next(60);
            assertThat(ready).startsWith("ready ");
            // The first server takes a free port itself; the second must come back on the same one.
            port = Integer.parseInt(ready.substring("ready ".length()));
            server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            for (int k = 0; k < CLIENTS; k++) {
                RawClient c = new RawClient(k * 1000);
                clients.add(c);
                Response created = c.register(server, "kill-" + k, 300);
                assertThat(created.getCode()).isEqualTo(ResponseCode.CREATED);
                locations.add(created.getOptions().getLocationPath());
            }
            assertThat(first.ask("keep kill-0")).isEqualTo("kept");
            assertThat(first.ask("count")).isEqualTo("count " + CLIENTS);
            long registered = System.nanoTime();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> first.ask("pending").equals("pending 0"));
            LOG.info("Everything written {} ms after the last Register", (System.nanoTime() - registered) / 1_000_000);

            first.kill();
        }

        try (ChildProcess second = new ChildProcess(dir, port)) {
            assertThat(second.next(60)).isEqualTo("ready " + port);
            assertThat(second.ask("count")).isEqualTo("count " + CLIENTS);

            second.send("read kill-3 /3/0/0");
            Request read = clients.get(3).answerNextRequest("Wisp device");
            assertThat(read.getOptions().getUriPathString()).isEqualTo("3/0/0");
            assertThat(second.next(30)).startsWith("read 2.05").contains("Wisp device");

            for (int k = 0; k < CLIENTS; k++) {
                assertThat(clients.get(k).update(server, locations.get(k)).getCode()).as("Update of kill-" + k)
                        .isEqualTo(ResponseCode.CHANGED);
            }
            assertThat(clients.get(0).deregister(server, locations.get(0)).getCode())
                    .isEqualTo(ResponseCode.DELETED);
            assertThat(clients.get(0).update(server, locations.get(0)).getCode()).isEqualTo(ResponseCode.NOT_FOUND);
            assertThat(second.ask("count")).isEqualTo("count " + (CLIENTS - 1));

            assertThat(second.ask("show kill-0")).contains("Psk[endpoint=kill-0", "identity=psk-kill-0", "(4 bytes)")
                    .contains("config=1").endsWith("history=5");
            assertThatThrownBy(() -> WispDatabase.open(dir).close()).as("the directory is the server's")
                    .isInstanceOf(PersistenceException.class).hasMessageContaining("another Wisp process");
            assertThat(second.ask("quit")).isEqualTo("bye");
        } finally {
            clients.forEach(RawClient::close);
        }
    }
}
