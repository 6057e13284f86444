package io.wisp.client.dm;

import io.wisp.client.object.ObjectTree;
import io.wisp.client.object.std.ClientActions;
import io.wisp.client.object.std.DeviceObject;
import io.wisp.client.object.std.SecurityObject;
import io.wisp.client.object.std.SensorObject;
import io.wisp.client.object.std.SensorTicker;
import io.wisp.client.object.std.ServerObject;
import io.wisp.client.object.Requester;
import io.wisp.core.model.Version;
import io.wisp.transport.CoapMethod;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Hand-run measurement (not a test): heap after forced GC per simulated client's object side — a tree with
 * Security /0/0, Server /1/0, Device /3/0 and Temperature /3303/0 on a shared sensor ticker, plus its
 * device-management dispatcher — as the simulator holds 10,000 of them. Prints bytes per client.
 *
 * <pre>
 * mvn -B -q test-compile -pl wisp-client -am
 * # SLF4J and JACKSON as defined in the README's hand-run measurements
 * java -Xmx1g -cp wisp-client/target/test-classes:wisp-client/target/classes:wisp-core/target/classes:\
 * wisp-transport/target/classes:$SLF4J:$JACKSON io.wisp.client.dm.ClientHeapMain 10000
 * </pre>
 */
public final class ClientHeapMain {
    private ClientHeapMain() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Clock clock = Clock.systemUTC();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (SensorTicker ticker = new SensorTicker(scheduler, Duration.ofHours(1), clock)) {
            Object[] warm = client(0, clock, ticker);
            serveOneRead((DmDispatcher) warm[1]);
            long before = heapAfterGc();
            Object[][] clients = new Object[count][];
            for (int k = 0; k < count; k++) {
                clients[k] = client(k, clock, ticker);
            }
            long trees = heapAfterGc();
            for (Object[] c : clients) {
                serveOneRead((DmDispatcher) c[1]);
            }
            ticker.tickNow();
            long served = heapAfterGc();
            System.out.printf("%d clients (tree 0,1,3,3303 + dispatcher): %d bytes each after build, %d bytes each "
                    + "after one Read and one sensor tick%n", count, (trees - before) / count,
                    (served - before) / count);
            if (clients.length != count || warm.length == 0) {
                throw new IllegalStateException("keep the clients reachable");
            }
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static Object[] client(int k, Clock clock, SensorTicker ticker) {
        ObjectTree tree = new ObjectTree();
        tree.add(new SecurityObject().addServer(0, "coap://127.0.0.1:5683", 1));
        tree.add(new ServerObject(ClientActions.NONE).addServer(0, 1, 300, "U"));
        tree.add(new DeviceObject("WSP-" + k, ClientActions.NONE, clock));
        SensorObject temperature = SensorObject.of(3303, clock, k);
        tree.add(temperature);
        ticker.add(temperature);
        DmDispatcher dm = DmDispatcher.builder(tree).lwm2mVersion(Version.V1_1).build();
        return new Object[] {tree, dm};
    }

    private static void serveOneRead(DmDispatcher dm) {
        DmResponse r = dm.handle(InboundRequest.of(CoapMethod.GET, "/3/0").withAccept(11542), Requester.server(1));
        if (!r.code().isSuccess()) {
            throw new IllegalStateException("read failed: " + r);
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int k = 0; k < 4; k++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
