package io.wisp.transport.californium;

import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.CoapTransport;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.Peer;
import io.wisp.transport.TransportConfig;
import io.wisp.transport.TransportResources;
import io.wisp.transport.UplinkResponse;
import io.wisp.transport.testing.RawPeer;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Measures what one LwM2M client transport costs when a simulator runs many on shared resources: starts N
 * client-profile transports with their own UDP sockets, and prints the heap used after GC per transport and the JVM's
 * thread count, three times: right after starting, after each transport sent a request to a server (as a Register
 * does), and after each answered a request (as a Read does); then the CPU the idle fleet uses. Not a test; run by
 * hand after {@code mvn -B -q test-compile -pl wisp-core,wisp-transport}, with the class path of the README's other
 * transport mains: {@code java -Xmx1g -cp ... io.wisp.transport.californium.ClientTransportHeapMain 10000}.
 * Arguments: {@code [transports] [protocolThreads]}; N sockets need N file descriptors ({@code ulimit -n}).
 */
public final class ClientTransportHeapMain {

    private ClientTransportHeapMain() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);
        try (TransportResources resources = TransportResources.create(threads)) {
            long idle = usedAfterGc();
            int idleThreads = liveThreads();
            List<CoapTransport> clients = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                CoapTransport t = CoapTransport.builder().udp("coap", loopback).config(TransportConfig.client())
                        .defaultRoute(r -> UplinkResponse.content(CoapCode.CONTENT, 0, new byte[] {'4', '2'}))
                        .resources(resources).build();
                t.start();
                clients.add(t);
            }
            report("started", n, usedAfterGc() - idle, idleThreads);

            try (CoapTransport server = CoapTransport.builder().udp("coap", loopback)
                    .route("rd", r -> UplinkResponse.created(List.of("rd", "x"))).build()) {
                server.start();
                Peer serverPeer = Peer.unsecured("coap", server.localAddress("coap"));
                DownlinkRequest register = DownlinkRequest.of(CoapMethod.POST, List.of("rd"));
                for (int from = 0; from < n; from += 200) {
                    List<CompletableFuture<?>> window = new ArrayList<>();
                    for (int i = from; i < Math.min(n, from + 200); i++) {
                        window.add(clients.get(i).downlinks().send(serverPeer, register, Duration.ofSeconds(30)));
                    }
                    CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                }
            }
            report("after one request each to a server", n, usedAfterGc() - idle, idleThreads);

            try (RawPeer reader = new RawPeer()) {
                for (int from = 0; from < n; from += 50) {
                    int to = Math.min(n, from + 50);
                    for (int i = from; i < to; i++) {
                        reader.send(RawPeer.confirmable(1, i & 0xFFFF, "3", "0", "1"),
                                clients.get(i).localAddress("coap"));
                    }
                    for (int i = from; i < to; i++) {
                        reader.receive();
                    }
                }
            }
            report("after answering one request each", n, usedAfterGc() - idle, idleThreads);
            long cpuBefore = processCpuNanos();
            long wallBefore = System.nanoTime();
            Thread.sleep(10_000);
            System.out.printf("idle for 10 s: the process used %.1f%% of one core%n",
                    100.0 * (processCpuNanos() - cpuBefore) / (System.nanoTime() - wallBefore));
            clients.forEach(CoapTransport::close);
        }
    }

    private static void report(String stage, int n, long bytes, int idleThreads) {
        System.out.printf("%-36s %6d transports: %7.0f bytes per transport (%.1f MB), %d JVM threads (%d before)%n",
                stage, n, bytes / (double) n, bytes / 1e6, liveThreads(), idleThreads);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int k = 0; k < 4; k++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
