package io.wisp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The client profile and changing one value of a configuration while keeping the others. */
class TransportConfigTest {

    @Test
    void the_client_profile_keeps_less_state_than_the_server_defaults() {
        TransportConfig server = TransportConfig.defaults();
        TransportConfig client = TransportConfig.client();

        assertThat(client.dedupCapacity()).isLessThan(server.dedupCapacity());
        assertThat(client.maxActivePeers()).isLessThan(server.maxActivePeers());
        assertThat(client.socketBufferSize()).isZero();
        assertThat(client.maxBodySize()).as("a pushed firmware image of 1 MiB is reassembled")
                .isGreaterThanOrEqualTo(1 << 20);
    }

    @Test
    void to_builder_changes_one_value_and_keeps_every_other() {
        TransportConfig client = TransportConfig.client();

        TransportConfig changed = client.toBuilder().ackTimeout(Duration.ofMillis(500)).build();

        assertThat(changed.ackTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(changed.toBuilder().ackTimeout(client.ackTimeout()).build()).isEqualTo(client);
    }

    @Test
    void retransmission_settings_are_checked_with_the_field_named() {
        assertThatThrownBy(() -> TransportConfig.builder().ackTimeout(Duration.ZERO).build())
                .hasMessageStartingWith("ackTimeout");
        assertThatThrownBy(() -> TransportConfig.builder().maxRetransmit(-1).build())
                .hasMessageStartingWith("maxRetransmit");
    }
}
