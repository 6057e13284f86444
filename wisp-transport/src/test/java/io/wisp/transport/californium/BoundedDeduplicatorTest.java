package io.wisp.transport.californium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.network.Exchange.Origin;
import org.eclipse.californium.core.network.KeyMID;
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
    void stopping_forgets_everything() {
        BoundedDeduplicator d = started(60_000, 100);
        d.findPrevious(new KeyMID(1, PEER), exchange(Origin.REMOTE));

        d.stop();

        assertThat(d.isEmpty()).isTrue();
    }
}
