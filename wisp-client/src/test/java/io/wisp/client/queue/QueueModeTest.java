package io.wisp.client.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.client.object.firmware.PackageFetcher;
import io.wisp.client.object.firmware.UpdateProtocol;
import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.DownlinkSender;
import io.wisp.transport.Peer;
import io.wisp.transport.UplinkHandler;
import io.wisp.transport.UplinkRequest;
import io.wisp.transport.UplinkResponse;
import io.wisp.transport.testing.MutableClock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The queue-mode wrappers around a client's socket (Core TS §6.5) on a hand-moved clock: its own requests and
 * downloads keep it awake until they end, what servers send while it sleeps is dropped unheard.
 */
class QueueModeTest {
    private static final Duration AWAKE = Duration.ofSeconds(10);
    private static final Peer SERVER = Peer.unsecured("coap", new InetSocketAddress("127.0.0.1", 5683));

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final StepTimers timers = new StepTimers(clock);
    private final List<Boolean> presence = new CopyOnWriteArrayList<>();
    private final QueueMode queue = QueueMode.of(AWAKE, timers, clock, presence::add);

    private static UplinkRequest read() {
        return UplinkRequest.builder(SERVER, CoapMethod.GET).path(List.of("3", "0", "0")).build();
    }

    @Test
    void a_sleeping_client_drops_server_requests_without_calling_its_handler() {
        List<UplinkRequest> served = new CopyOnWriteArrayList<>();
        UplinkHandler handler = queue.handler(r -> {
            served.add(r);
            return UplinkResponse.of(CoapCode.CONTENT);
        });
        queue.cycle().enable(true);

        assertThat(handler.handle(read()).code()).isEqualTo(CoapCode.CONTENT);
        timers.advance(AWAKE);
        UplinkResponse asleep = handler.handle(read());

        assertThat(asleep.isDropped()).isTrue();
        assertThat(served).hasSize(1);
        assertThat(presence).containsExactly(false);
    }

    @Test
    void its_own_request_wakes_it_and_keeps_it_awake_until_the_answer() {
        CompletableFuture<DownlinkResponse> answer = new CompletableFuture<>();
        DownlinkSender sender = queue.sender((peer, request, timeout) -> answer);
        queue.cycle().enable(true);
        timers.advance(AWAKE);
        assertThat(queue.cycle().isAsleep()).isTrue();

        sender.send(SERVER, DownlinkRequest.of(CoapMethod.POST, List.of("rd", "1")), Duration.ofSeconds(93));
        timers.advance(Duration.ofMinutes(2));
        assertThat(queue.cycle().isAsleep()).as("the Update is still retransmitted").isFalse();
        answer.complete(null);
        timers.advance(AWAKE);

        assertThat(queue.cycle().isAsleep()).isTrue();
        assertThat(presence).containsExactly(false, true, false);
    }

    @Test
    void a_firmware_download_keeps_it_awake_until_it_ends() {
        CompletableFuture<byte[]> download = new CompletableFuture<>();
        PackageFetcher fetcher = queue.fetcher(new PackageFetcher() {
            @Override
            public Set<UpdateProtocol> protocols() {
                return Set.of(UpdateProtocol.COAP);
            }

            @Override
            public CompletableFuture<byte[]> fetch(String uri) {
                return download;
            }
        });
        queue.cycle().enable(true);

        fetcher.fetch("coap://127.0.0.1/fw");
        timers.advance(Duration.ofMinutes(5));
        assertThat(queue.cycle().isAsleep()).isFalse();
        download.complete(new byte[] {1});
        timers.advance(AWAKE);

        assertThat(queue.cycle().isAsleep()).isTrue();
        assertThat(fetcher.protocols()).containsExactly(UpdateProtocol.COAP);
    }
}
