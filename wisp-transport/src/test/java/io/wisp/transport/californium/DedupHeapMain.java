package io.wisp.transport.californium;

import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapTransport;
import io.wisp.transport.TransportConfig;
import io.wisp.transport.UplinkResponse;
import io.wisp.transport.testing.RawPeer;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the heap the deduplication state costs per request: sends N distinct CON Updates from one socket, waits
 * for every answer, and divides the heap used after GC (minus the idle transport's) by the exchanges still
 * remembered. Not a test; run by hand. Arguments: {@code [requests] [dedupCapacity]}.
 */
public final class DedupHeapMain {

    private DedupHeapMain() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int capacity = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        AtomicInteger handled = new AtomicInteger();
        try (CoapTransport transport = CoapTransport.builder()
                .udp("coap", new InetSocketAddress("127.0.0.1", 0))
                .route("rd", r -> {
                    handled.incrementAndGet();
                    return UplinkResponse.of(CoapCode.CHANGED);
                })
                .config(TransportConfig.builder().dedupCapacity(capacity).build())
                .build(); RawPeer peer = new RawPeer()) {
            transport.start();
            long idle = usedAfterGc();
            for (int i = 0; i < requests; i++) {
                peer.send(RawPeer.confirmable(2, i & 0xFFFF, "rd", "id" + (i % 1000)), transport.localAddress("coap"));
                peer.receive();
            }
            long loaded = usedAfterGc();
            int remembered = Math.min(requests, capacity);
            System.out.printf("%d requests handled, at most %d remembered: %.0f bytes per remembered exchange%n",
                    handled.get(), remembered, (loaded - idle) / (double) remembered);
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int k = 0; k < 4; k++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
