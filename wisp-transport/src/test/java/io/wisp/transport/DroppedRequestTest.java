package io.wisp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.transport.testing.RawPeer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A handler that answers {@link UplinkResponse#dropped()} makes the transport send nothing, not even an ACK, as a
 * LwM2M client in queue mode does while its radio is off (Core TS §6.5). Over real UDP with a raw peer: the first
 * datagram the peer gets back answers a later request, so nothing was sent for the dropped one.
 */
class DroppedRequestTest {
    private static final int GET = 1;

    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final CoapTransport transport = CoapTransport.builder().udp("coap", new InetSocketAddress("127.0.0.1", 0))
            .defaultRoute(r -> {
                String path = String.join("/", r.path());
                handled.add(path);
                return path.startsWith("sleep") ? UplinkResponse.dropped() : UplinkResponse.of(CoapCode.CONTENT);
            }).build();
    private final RawPeer peer = new RawPeer();

    @AfterEach
    void close() {
        peer.close();
        transport.close();
    }

    @Test
    void a_dropped_request_and_its_retransmission_get_no_answer_while_the_next_request_does() {
        transport.start();
        InetSocketAddress to = transport.localAddress("coap");

        peer.send(RawPeer.confirmable(GET, 0x0101, "sleep"), to);
        peer.send(RawPeer.confirmable(GET, 0x0102, "awake"), to);
        RawPeer.Datagram first = peer.receive();
        peer.send(RawPeer.confirmable(GET, 0x0101, "sleep"), to);
        peer.send(RawPeer.confirmable(GET, 0x0103, "awake"), to);
        RawPeer.Datagram second = peer.receive();

        assertThat(first.mid()).isEqualTo(0x0102);
        assertThat(second.mid()).as("the retransmitted dropped request stays unanswered").isEqualTo(0x0103);
        assertThat(handled).containsExactly("sleep", "awake", "awake");
    }

    @Test
    void a_dropped_answer_takes_no_follow_up_and_says_what_it_is() {
        assertThat(UplinkResponse.dropped().isDropped()).isTrue();
        assertThat(UplinkResponse.of(CoapCode.SERVICE_UNAVAILABLE).isDropped()).isFalse();
        assertThat(UplinkResponse.dropped()).hasToString("dropped");
        assertThatThrownBy(() -> UplinkResponse.dropped().afterSent(() -> { }))
                .isInstanceOf(IllegalStateException.class);
    }
}
