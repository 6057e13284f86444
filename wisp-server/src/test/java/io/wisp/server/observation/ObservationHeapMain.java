package io.wisp.server.observation;

import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.Version;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.registration.Binding;
import io.wisp.server.registration.CompactObjectLinks;
import io.wisp.server.registration.InMemoryRegistrationStore;
import io.wisp.server.registration.RegisterRequest;
import io.wisp.server.registration.Registration;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.NotificationHandler;
import io.wisp.transport.ObservationToken;
import io.wisp.transport.Observations;
import io.wisp.transport.ObserveResult;
import io.wisp.transport.Peer;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Measures the settled heap per observation the server's {@link ObservationRegistry} holds (the transport's own
 * entry is measured by the transport's {@code ObservationHeapMain}): N registrations, one observation of
 * {@code /3303/0/5700} each, heap used after forced GC with the observations minus without, divided by N. Not a
 * test: run it by hand (see the README's measurement section).
 *
 * <p>Argument: {@code [count]}.
 */
public final class ObservationHeapMain {

    /** The registry's view of the transport, reduced to nothing: only the registry's own state is measured. */
    private static final class NoTransport implements Observations {
        @Override
        public CompletableFuture<ObserveResult> observe(Peer peer, DownlinkRequest request, Duration timeout,
                NotificationHandler handler) {
            throw new UnsupportedOperationException("not sent in a heap measurement");
        }

        @Override
        public CompletableFuture<DownlinkResponse> cancel(ObservationToken token, Duration timeout) {
            throw new UnsupportedOperationException("not sent in a heap measurement");
        }

        @Override
        public boolean forget(ObservationToken token) {
            return false;
        }

        @Override
        public boolean rebind(ObservationToken token, Peer peer) {
            return false;
        }

        @Override
        public boolean restore(ObservationToken token, Peer peer, DownlinkRequest request,
                NotificationHandler handler) {
            return false;
        }

        @Override
        public int size() {
            return 0;
        }
    }

    private ObservationHeapMain() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        InMemoryRegistrationStore store = new InMemoryRegistrationStore();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            RegisterRequest r = new RegisterRequest(String.format("urn:imei:%015d", 350_000_000_000_000L + i), 86400,
                    Version.V1_1, Binding.UDP, false, null, null, Map.of(), CompactObjectLinks.parse("</3303/0>"));
            InetAddress address = InetAddress.getByAddress(
                    new byte[] {127, (byte) (i >> 16), (byte) (i >> 8), (byte) i});
            store.add(Registration.create("r" + i, r, Peer.unsecured("coap", new InetSocketAddress(address, 40_000)),
                    now));
        }
        ObservationRegistry registry = new ObservationRegistry(new NoTransport(), store, new ObservationEvents(),
                ObjectModels.none(), Codecs.standard(), Clock.systemUTC());
        long before = usedAfterGc();
        List<LwM2mPath> paths = List.of(LwM2mPath.parse("/3303/0/5700"));
        for (int i = 0; i < count; i++) {
            Registration r = store.byId("r" + i).orElseThrow();
            ObservationRegistry.Entry e = registry.pending(r.id(), paths, false, ContentFormat.SENML_CBOR);
            registry.activate(e, new ObservationToken(0x0100_0000_0000_0000L | i), r.peer());
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(store);
        Reference.reachabilityFence(registry);
        System.out.printf("%d observations: %.0f bytes each after GC in the server's registry (%d MB total)%n",
                registry.size(), (after - before) / (double) count, (after - before) >> 20);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int k = 0; k < 4; k++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
