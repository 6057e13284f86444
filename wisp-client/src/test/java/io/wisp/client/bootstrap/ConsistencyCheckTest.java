package io.wisp.client.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.node.Value;
import org.junit.jupiter.api.Test;

/** What Bootstrap-Finish finds consistent (Core TS §6.1, E.1, E.2), and how a refusal names the culprit. */
class ConsistencyCheckTest {
    @Test
    void matching_accounts_are_consistent() {
        BootstrapFixture f = new BootstrapFixture().account(1, 101).account(2, 102);

        assertThat(ConsistencyCheck.problem(f.tree)).isEmpty();
    }

    @Test
    void no_server_account_at_all_is_refused() {
        assertThat(ConsistencyCheck.problem(new BootstrapFixture().tree)).hasValueSatisfying(p ->
                assertThat(p).contains("no LwM2M Server account"));
    }

    @Test
    void a_server_instance_without_its_security_instance_is_refused() {
        BootstrapFixture f = new BootstrapFixture().account(1, 101);
        f.servers.addServer(5, 505, 60, "U");

        assertThat(ConsistencyCheck.problem(f.tree)).hasValueSatisfying(p ->
                assertThat(p).contains("/1/5").contains("505"));
    }

    @Test
    void a_security_instance_without_its_server_instance_is_refused() {
        BootstrapFixture f = new BootstrapFixture().account(1, 101);
        f.security.addServer(6, "coap://127.0.0.1:9", 606);

        assertThat(ConsistencyCheck.problem(f.tree)).hasValueSatisfying(p ->
                assertThat(p).contains("/0/6").contains("606"));
    }

    @Test
    void a_server_account_without_short_server_id_is_refused() {
        BootstrapFixture f = new BootstrapFixture().account(1, 101);
        f.security.clear(1, 10);

        assertThat(ConsistencyCheck.problem(f.tree)).hasValueSatisfying(p -> assertThat(p).contains("/0/1/10"));
    }

    @Test
    void a_server_instance_with_short_server_id_zero_is_refused() {
        BootstrapFixture f = new BootstrapFixture().account(1, 101);
        f.servers.set(1, 0, Value.of(0L));

        assertThat(ConsistencyCheck.problem(f.tree)).hasValueSatisfying(p -> assertThat(p).contains("/1/1/0"));
    }

    @Test
    void two_accounts_with_one_short_server_id_are_refused() {
        BootstrapFixture f = new BootstrapFixture().account(1, 101).account(2, 101);

        assertThat(ConsistencyCheck.problem(f.tree)).hasValueSatisfying(p ->
                assertThat(p).contains("/0/1").contains("/0/2").contains("101"));
    }

    @Test
    void two_bootstrap_server_accounts_are_refused() {
        BootstrapFixture f = new BootstrapFixture().account(1, 101);
        f.security.addBootstrapServer(3, "coap://127.0.0.1:5999");

        assertThat(ConsistencyCheck.problem(f.tree)).hasValueSatisfying(p ->
                assertThat(p).contains("2 Bootstrap-Server Accounts"));
    }

    @Test
    void a_server_account_without_uri_is_refused() {
        BootstrapFixture f = new BootstrapFixture().account(1, 101);
        f.security.set(1, 0, Value.of(""));

        assertThat(ConsistencyCheck.problem(f.tree)).hasValueSatisfying(p -> assertThat(p).contains("/0/1/0"));
    }
}
