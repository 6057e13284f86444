package io.wisp.client.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.client.engine.RegistrationEvents;
import io.wisp.client.engine.ServerAccount;
import io.wisp.core.node.Value;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a failed registration sends the client back to its Bootstrap-Server (Core TS §6.2.1.1, E.2 /1/x/16). */
class RegistrationFailureWatchTest {
    private static final ServerAccount SERVER = ServerAccount.udp(101, new InetSocketAddress("127.0.0.1", 5683),
            Duration.ofMinutes(5));

    @Test
    void only_a_register_that_gave_up_is_reported() {
        List<String> passedOn = new ArrayList<>();
        List<ServerAccount> gaveUp = new ArrayList<>();
        RegistrationFailureWatch watch = new RegistrationFailureWatch(new RegistrationEvents() {
            @Override
            public void failed(ServerAccount server, String operation, String reason, boolean retrying) {
                passedOn.add(operation + " " + retrying);
            }
        }, gaveUp::add);

        watch.failed(SERVER, "Register", "timeout", true);
        watch.failed(SERVER, "Update", "4.04", true);
        watch.failed(SERVER, "De-register", "timeout", false);
        watch.failed(SERVER, "Register", "timeout", false);

        assertThat(passedOn).containsExactly("Register true", "Update true", "De-register false", "Register false");
        assertThat(gaveUp).containsExactly(SERVER);
    }

    @Test
    void bootstrap_on_registration_failure_defaults_to_true_and_follows_the_server_instance() {
        BootstrapFixture f = new BootstrapFixture().account(1, 101).account(2, 102);
        f.servers.clear(1, 16);
        f.servers.set(2, 16, Value.of(false));

        assertThat(RegistrationFailureWatch.bootstrapOnFailure(f.tree, 101)).as("absent: the TS default").isTrue();
        assertThat(RegistrationFailureWatch.bootstrapOnFailure(f.tree, 102)).isFalse();
        assertThat(RegistrationFailureWatch.bootstrapOnFailure(f.tree, 999)).as("unknown server").isTrue();
    }
}
