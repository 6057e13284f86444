package io.wisp.server.registration;

import io.wisp.transport.CoapMethod;
import io.wisp.transport.Peer;
import io.wisp.transport.QueryParam;
import io.wisp.transport.UplinkRequest;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Measures the settled heap per registration of {@link InMemoryRegistrationStore}: N registrations made through the
 * same parsing path as real Register requests (24-character IMEI endpoint names, 8 object links, distinct peer
 * addresses), heap used after forced GC divided by N. Not a test: run it by hand, see the server README section.
 *
 * <p>Arguments: {@code [count] [fleet|distinct]}. {@code fleet}: every client sends the same link payload (a fleet
 * of identical devices; the payload is then shared). {@code distinct}: every payload differs.
 */
public final class RegistrationHeapMain {

    private RegistrationHeapMain() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean distinct = args.length > 1 && args[1].equals("distinct");
        RegistrationIds ids = new RegistrationIds();
        register(new InMemoryRegistrationStore(), ids, 1000, distinct, 1_000_000);
        long before = usedAfterGc();
        InMemoryRegistrationStore store = new InMemoryRegistrationStore();
        register(store, ids, count, distinct, 0);
        long after = usedAfterGc();
        Reference.reachabilityFence(store);
        System.out.printf("%d registrations (%s links): %.0f bytes each after GC (%d MB total)%n", store.size(),
                distinct ? "distinct" : "fleet", (after - before) / (double) count, (after - before) >> 20);
    }

    private static void register(InMemoryRegistrationStore store, RegistrationIds ids, int count, boolean distinct,
            int offset) throws UnknownHostException {
        Instant now = Instant.now();
        for (int i = offset; i < offset + count; i++) {
            String links = "</>;rt=\"oma.lwm2m\";ct=11543,</1/0>,</3/0>,</4/0>,</5/0>,</6/0>,</7/0>"
                    + (distinct ? ",</3303/" + i % 60_000 + ">,</3304/" + i / 60_000 + ">" : ",</3303/0>,</3304/0>");
            String endpoint = String.format("urn:imei:%015d", 350_000_000_000_000L + i);
            List<QueryParam> query = List.of(QueryParam.of("ep", endpoint), QueryParam.of("lt", "86400"),
                    QueryParam.of("lwm2m", "1.1"), QueryParam.of("b", "U"));
            InetAddress address = InetAddress.getByAddress(
                    new byte[] {127, (byte) (i >> 16), (byte) (i >> 8), (byte) i});
            Peer peer = Peer.unsecured("coap", new InetSocketAddress(address, 40_000 + i % 20_000));
            UplinkRequest request = UplinkRequest.of(peer, CoapMethod.POST, List.of("rd"), query, 40,
                    links.getBytes(StandardCharsets.UTF_8));
            RegisterRequest register = RegistrationQuery.register(request);
            store.add(Registration.create(ids.next(), register, peer, now));
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
