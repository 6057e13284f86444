package io.wisp.transport.californium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.network.Exchange.Origin;
import org.eclipse.californium.core.network.KeyMID;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedDeduplicatorTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 5683);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    private BoundedDeduplicator started(long windowMillis, int capacity) {
        BoundedDeduplicator d = new BoundedDeduplicator(windowMillis, capacity);
        d.setExecutor(executor);
        d.start();
        return d;
    }

    private static Exchange exchange(Origin origin) {
        return new Exchange(Request.newPost(), PEER, origin, Runnable::run);
    }

    @Test
    void a_second_message_with_the_same_id_from_the_same_peer_is_a_duplicate() {
        BoundedDeduplicator d = started(60_000, 100);
        Exchange first = exchange(Origin.REMOTE);

        assertThat(d.findPrevious(new KeyMID(7, PEER), first)).isNull();
        assertThat(d.findPrevious(new KeyMID(7, PEER), exchange(Origin.REMOTE))).isSameAs(first);
        assertThat(d.findPrevious(new KeyMID(8, PEER), exchange(Origin.REMOTE))).isNull();
        assertThat(d.findPrevious(new KeyMID(7, new InetSocketAddress("127.0.0.1", 5684)),
                exchange(Origin.REMOTE))).isNull();
    }

    @Test
    void never_holds_more_than_its_capacity_however_many_messages_arrive() {
        BoundedDeduplicator d = started(3_600_000, 1000);

        for (int mid = 0; mid < 60_000; mid++) {
            d.findPrevious(new KeyMID(mid, PEER), exchange(Origin.REMOTE));
            assertThat(d.size()).isLessThanOrEqualTo(1000);
        }
        Exchange recent = exchange(Origin.REMOTE);
        d.findPrevious(new KeyMID(60_001, PEER), recent);
        assertThat(d.findPrevious(new KeyMID(60_001, PEER), exchange(Origin.REMOTE)))
                .as("the most recent messages are still deduplicated").isSameAs(recent);
    }

    @Test
    void forgets_an_exchange_once_two_windows_have_passed() {
        BoundedDeduplicator d = started(200, 1000);
        Exchange first = exchange(Origin.REMOTE);
        d.findPrevious(new KeyMID(1, PEER), first);

        await().atMost(Duration.ofSeconds(10)).until(() -> d.find(new KeyMID(1, PEER)) == null);
        assertThat(d.findPrevious(new KeyMID(1, PEER), exchange(Origin.REMOTE))).isNull();
    }

    @Test
    void the_same_id_in_the_other_direction_replaces_the_stale_exchange_instead_of_being_a_duplicate() {
        BoundedDeduplicator d = started(60_000, 100);
        d.findPrevious(new KeyMID(9, PEER), exchange(Origin.LOCAL));

        Exchange incoming = exchange(Origin.REMOTE);
        assertThat(d.findPrevious(new KeyMID(9, PEER), incoming)).isNull();
        assertThat(d.find(new KeyMID(9, PEER))).isSameAs(incoming);
    }

    @Test
    void an_answered_exchange_is_compacted_to_its_response_which_a_late_duplicate_gets_again() {
        BoundedDeduplicator d = started(3_600_000, 100_000);
        Exchange answered = answeredExchange(0x1234, new byte[] {0x60, 0x44, 0x12, 0x34});
        d.findPrevious(new KeyMID(0x1234, PEER), answered);
        Exchange pending = exchange(Origin.REMOTE);
        d.findPrevious(new KeyMID(1, new InetSocketAddress("127.0.0.1", 9999)), pending);

        for (int mid = 2; mid < 2 + BoundedDeduplicator.COMPACT_AFTER; mid++) {
            d.findPrevious(new KeyMID(mid, new InetSocketAddress("127.0.0.1", 9999)), exchange(Origin.REMOTE));
        }
        Request retransmission = Request.newPost();
        retransmission.setMID(0x1234);
        retransmission.setToken(new byte[] {7});
        retransmission.setSourceContext(new AddressEndpointContext(PEER));
        Exchange duplicate = d.findPrevious(new KeyMID(0x1234, PEER),
                new Exchange(retransmission, PEER, Origin.REMOTE, Runnable::run));

        assertThat(duplicate).as("a duplicate is still recognised").isNotNull().isNotSameAs(answered);
        assertThat(duplicate.getCurrentResponse().getBytes()).containsExactly(0x60, 0x44, 0x12, 0x34);
        assertThat(duplicate.getCurrentResponse().getType()).isEqualTo(CoAP.Type.ACK);
        assertThat(duplicate.getCurrentRequest()).isSameAs(retransmission);
        assertThat(d.find(new KeyMID(0x1234, PEER))).as("no whole exchange is kept for it").isNull();
        assertThat(d.find(new KeyMID(1, new InetSocketAddress("127.0.0.1", 9999))))
                .as("an exchange without a response stays whole").isSameAs(pending);
    }

    /** A remote exchange whose piggybacked response with {@code bytes} has been sent, as Californium leaves it. */
    private static Exchange answeredExchange(int mid, byte[] bytes) {
        Request request = Request.newPost();
        request.setMID(mid);
        request.setSourceContext(new AddressEndpointContext(PEER));
        Exchange exchange = new Exchange(request, PEER, Origin.REMOTE, null);
        Response response = new Response(CoAP.ResponseCode.CHANGED);
        response.setType(CoAP.Type.ACK);
        response.setMID(mid);
        response.setBytes(bytes);
        response.setSent(true);
        exchange.setCurrentResponse(response);
        exchange.setComplete();
        return exchange;
    }

    @Test
    void stopping_forgets_everything() {
        BoundedDeduplicator d = started(60_000, 100);
        d.findPrevious(new KeyMID(1, PEER), exchange(Origin.REMOTE));

        d.stop();

        assertThat(d.isEmpty()).isTrue();
    }
}
