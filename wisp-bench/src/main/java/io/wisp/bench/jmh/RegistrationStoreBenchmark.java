package io.wisp.bench.jmh;

import io.wisp.bench.Fleet;
import io.wisp.server.registration.InMemoryRegistrationStore;
import io.wisp.server.registration.RegisterRequest;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.RegistrationQuery;
import io.wisp.server.registration.UpdateRequest;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.Peer;
import io.wisp.transport.QueryParam;
import io.wisp.transport.UplinkRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The in-memory registration store holding {@link #size} registrations (Core TS §6.2): a Register that replaces a
 * device's registration with a new one, an Update that renews it, and the two lookups every downlink and every
 * Update starts with. Devices are visited in a shuffled order so the maps are not read in insertion order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RegistrationStoreBenchmark {

    @Param({"100000"})
    public int size;

    private InMemoryRegistrationStore store;
    private RegisterRequest[] requests;
    private Peer[] peers;
    private String[] endpoints;
    private String[][] ids;
    private byte[] generation;
    private int[] order;
    private int cursor;
    private Instant now;

    @Setup
    public void setUp() throws UnknownHostException {
        now = Instant.now();
        store = new InMemoryRegistrationStore();
        requests = new RegisterRequest[size];
        peers = new Peer[size];
        endpoints = new String[size];
        ids = new String[size][2];
        generation = new byte[size];
        order = new int[size];
        byte[] links = Fleet.linkPayload();
        for (int i = 0; i < size; i++) {
            endpoints[i] = Fleet.endpoint(i);
            InetAddress address =
                    InetAddress.getByAddress(new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i});
            peers[i] = Peer.unsecured("coap", new InetSocketAddress(address, 40_000 + i % 20_000));
            List<QueryParam> query = List.of(QueryParam.of("ep", endpoints[i]), QueryParam.of("lt", "86400"),
                    QueryParam.of("lwm2m", "1.1"), QueryParam.of("b", "U"));
            requests[i] = RegistrationQuery.register(
                    UplinkRequest.of(peers[i], CoapMethod.POST, List.of("rd"), query, 40, links.clone()));
            ids[i][0] = "a" + Integer.toString(i, 36);
            ids[i][1] = "b" + Integer.toString(i, 36);
            store.add(Registration.create(ids[i][0], requests[i], peers[i], now));
            order[i] = i;
        }
        Random random = new Random(42);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private int nextDevice() {
        int device = order[cursor];
        cursor = cursor + 1 == size ? 0 : cursor + 1;
        return device;
    }

    /** A device registers again: a new registration ID replaces its current one. */
    @Benchmark
    public Optional<Registration> register() {
        int d = nextDevice();
        generation[d] ^= 1;
        return store.add(Registration.create(ids[d][generation[d]], requests[d], peers[d], now));
    }

    /** A device renews its registration with an empty Update. */
    @Benchmark
    public Object update() {
        int d = nextDevice();
        String id = ids[d][generation[d]];
        UpdateRequest renew = UpdateRequest.renew(id);
        return store.update(id, r -> r.updated(renew, peers[d], now));
    }

    @Benchmark
    public Optional<Registration> lookupByEndpoint() {
        return store.byEndpoint(endpoints[nextDevice()]);
    }

    @Benchmark
    public Optional<Registration> lookupById() {
        int d = nextDevice();
        return store.byId(ids[d][generation[d]]);
    }
}
