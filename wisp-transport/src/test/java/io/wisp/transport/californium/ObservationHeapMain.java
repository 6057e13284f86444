package io.wisp.transport.californium;

import io.wisp.transport.CoapMethod;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.NotificationHandler;
import io.wisp.transport.ObservationToken;
import io.wisp.transport.Peer;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Measures the settled heap per observation the transport holds in its {@link ObservationTable}: N observations of
 * {@code /3303/0/5700} with an Accept, each at its own peer address, heap used after forced GC divided by N. Not a
 * test: run it by hand (see the README's measurement section).
 *
 * <p>Argument: {@code [count]}.
 */
public final class ObservationHeapMain {

    private ObservationHeapMain() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        NotificationHandler handler = n -> { };
        fill(new ObservationTable(), 1000, handler, 1_000_000);
        long before = usedAfterGc();
        ObservationTable table = new ObservationTable();
        fill(table, count, handler, 0);
        long after = usedAfterGc();
        Reference.reachabilityFence(table);
        System.out.printf("%d observations: %.0f bytes each after GC in the transport (%d MB total)%n",
                table.size(), (after - before) / (double) count, (after - before) >> 20);
    }

    private static void fill(ObservationTable table, int count, NotificationHandler handler, int offset)
            throws UnknownHostException {
        for (int i = offset; i < offset + count; i++) {
            InetAddress address = InetAddress.getByAddress(
                    new byte[] {127, (byte) (i >> 16), (byte) (i >> 8), (byte) i});
            Peer peer = Peer.unsecured("coap", new InetSocketAddress(address, 40_000 + i % 20_000));
            DownlinkRequest get = DownlinkRequest.of(CoapMethod.GET, List.of("3303", "0", "5700")).withAccept(112);
            table.add(new ObservationTable.Entry(new ObservationToken(0x0100_0000_0000_0000L | i), peer, get,
                    handler));
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
