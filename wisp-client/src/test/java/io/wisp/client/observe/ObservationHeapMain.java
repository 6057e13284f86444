package io.wisp.client.observe;

import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Measures the settled heap per observation held by clients' {@link ObservationRegistry}s, as the fleet simulator
 * holds them: N clients with one registry each, sharing one scheduler thread, and K observations per client in a
 * mix of what servers ask for — a resource with pmax (a pending timer), a resource with gt/st (reference values), an
 * instance without attributes, repeating. Heap used after forced GC with the observations minus with the empty
 * registries, divided by N·K; and the empty registry's own bytes. Not a test: run it by hand.
 *
 * <p>Arguments: {@code [clients] [observationsPerClient]}, 10000 and 3 by default.
 */
public final class ObservationHeapMain {

    private ObservationHeapMain() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int perClient = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        scheduler.setRemoveOnCancelPolicy(true);
        NodeReader reader = (ssid, path) -> Optional.empty();
        NotificationSink sink = n -> { };
        NotificationAttributes withPmax = NotificationAttributes.parse("pmin=1&pmax=300");
        NotificationAttributes withThresholds = NotificationAttributes.parse("gt=30&st=0.5");
        List<ObservationRegistry> registries = new ArrayList<>(clients);
        long empty = usedAfterGc();
        for (int c = 0; c < clients; c++) {
            registries.add(ObservationRegistry.builder().reader(reader).sink(sink).scheduler(scheduler).build());
        }
        long before = usedAfterGc();
        System.out.printf("%d empty registries: %.0f bytes each after GC%n", clients,
                (before - empty) / (double) clients);
        long token = 1;
        for (ObservationRegistry registry : registries) {
            for (int k = 0; k < perClient; k++) {
                ObservationKey key = new ObservationKey(1, token++);
                switch (k % 3) {
                    case 0 -> registry.observe(key, LwM2mPath.parse("/3/0/9"), withPmax,
                            SingleResource.of(9, Value.of(80L)));
                    case 1 -> registry.observe(key, LwM2mPath.parse("/3303/" + k + "/5700"), withThresholds,
                            SingleResource.of(5700, Value.of(21.5)));
                    default -> registry.observe(key, LwM2mPath.parse("/3303/" + k), NotificationAttributes.EMPTY,
                            instance(k));
                }
            }
        }
        long after = usedAfterGc();
        long held = registries.stream().mapToLong(r -> r.observations().size()).sum();
        Reference.reachabilityFence(registries);
        System.out.printf("%d clients, %d observations: %.0f bytes each after GC (%d pending timers, %d MB total)%n",
                clients, held, (after - before) / (double) held, scheduler.getQueue().size(), (after - before) >> 20);
        scheduler.shutdownNow();
    }

    private static LwM2mNode instance(int id) {
        return ObjectInstance.of(id, SingleResource.of(5700, Value.of(21.5)), SingleResource.of(5701, Value.of("Cel")));
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int k = 0; k < 4; k++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
