package io.wisp.client.simulator;

import io.wisp.client.WispClient;
import io.wisp.client.object.ObjectEnabler;
import io.wisp.client.object.std.SensorTicker;
import io.wisp.client.security.Credentials;
import io.wisp.core.model.Version;
import io.wisp.transport.TransportConfig;
import io.wisp.transport.TransportResources;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet of simulated LwM2M clients in one JVM, each a real {@link WispClient} with its own UDP socket and source
 * port, all registering with one LwM2M Server. What makes thousands fit: every client runs on the same
 * {@link TransportResources} (a few protocol threads and one selector for all sockets) and the same small scheduler
 * (registration timers, notification periods, the pace of starts), and every simulated sensor moves on one shared
 * {@link SensorTicker}; so the thread count does not depend on the fleet's size, and a client costs only its objects
 * and its CoAP endpoint's state.
 *
 * <p>Clients start at a controlled rate ({@link TokenBucket}, polled from a task on the shared scheduler, not one
 * thread or timer per client); {@link #stop} de-registers them at the same rate, within a bound, then releases
 * every socket and thread. {@link #stats()} gives the live counters.
 *
 * <pre>{@code
 * Fleet fleet = Fleet.builder(new InetSocketAddress("127.0.0.1", 5683)).count(10_000).rate(2000)
 *         .objects(SimulatedObjects.of(List.of(3303), ModelRegistry.bundled())).build();
 * fleet.start();
 * ...
 * fleet.stop(Duration.ofSeconds(30));
 * }</pre>
 */
public final class Fleet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);
    private static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final AtomicInteger FLEETS = new AtomicInteger();

    private final InetSocketAddress server;
    private final Function<String, Credentials> credentials;
    /** One configuration object for every client (the transport shares its stack per distinct configuration). */
    private final TransportConfig transportConfig;
    private final int count;
    private final double rate;
    private final String prefix;
    private final int digits;
    private final Duration lifetime;
    private final SimulatedObjects objects;
    private final Version lwm2mVersion;
    private final List<InetAddress> bindAddresses;
    private final Clock clock;
    private final FleetCounters counters;
    private final TransportResources resources;
    private final ScheduledThreadPoolExecutor scheduler;
    private final SensorTicker ticker;
    private final int slices;
    private final TokenBucket startBucket;
    private final WispClient[] clients;
    private final SensorTicker.Tickable[] sensors;
    private final Object paceLock = new Object();
    private volatile int startedCount;
    private volatile int sensorCount;
    private int nextToStart;
    private long round;
    private boolean running;
    private boolean stopping;
    private ScheduledFuture<?> pacer;

    private Fleet(Builder b) {
        this.server = b.server;
        this.credentials = b.credentials;
        this.transportConfig = b.transportConfig;
        this.count = b.count;
        this.rate = b.rate;
        this.prefix = b.prefix;
        this.digits = Integer.toString(Math.max(0, b.count - 1)).length();
        this.lifetime = b.lifetime;
        this.objects = b.objects;
        this.lwm2mVersion = b.lwm2mVersion;
        this.bindAddresses = b.bindAddresses;
        this.clock = b.clock;
        this.counters = new FleetCounters(count, System::nanoTime);
        this.clients = new WispClient[count];
        long sensorsPerClient = objects.models().stream().filter(SimulatedObjects::isSensor).count();
        this.sensors = new SensorTicker.Tickable[Math.toIntExact(sensorsPerClient * count)];
        int id = FLEETS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = new ScheduledThreadPoolExecutor(b.schedulerThreads, r -> {
            Thread t = new Thread(r, "wisp-fleet-" + id + "-scheduler#" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        this.resources = TransportResources.create(b.protocolThreads);
        long periodMillis = b.sensorPeriod.toMillis();
        this.slices = (int) Math.max(1, Math.min(periodMillis / 1000, 60));
        this.ticker = new SensorTicker(scheduler, Duration.ofMillis(Math.max(1, periodMillis / slices)), clock);
        ticker.add(this::tickSlice);
        this.startBucket = TokenBucket.perSecond(rate);
    }

    /**
     * A fleet registering with the LwM2M Server at this address: over CoAP/UDP in NoSec mode, or over DTLS when
     * {@link Builder#credentials} are given.
     */
    public static Builder builder(InetSocketAddress server) {
        return new Builder(server);
    }

    /** Starts the clients, at the configured rate, from a task on the shared scheduler; returns at once. */
    public void start() {
        synchronized (paceLock) {
            if (running || stopping) {
                throw new IllegalStateException("a fleet starts once");
            }
            running = true;
            counters.fleetStarted();
            pacer = scheduler.schedule(this::pace, 0, TimeUnit.NANOSECONDS);
        }
    }

    /** The counters now. */
    public FleetStats stats() {
        return counters.snapshot();
    }

    /** How many clients the fleet has. */
    public int size() {
        return count;
    }

    /** The endpoint name of client {@code index} (0-based): the prefix and the index, zero-padded to one width. */
    public String endpointName(int index) {
        Objects.checkIndex(index, count);
        String n = Integer.toString(index);
        return prefix + "0".repeat(digits - n.length()) + n;
    }

    /** Client {@code index}, once it has started. */
    public Optional<WispClient> client(int index) {
        Objects.checkIndex(index, count);
        return index < startedCount ? Optional.ofNullable(clients[index]) : Optional.empty();
    }

    /** How long {@link #close()} waits for the De-registers: the time the rate needs for all, plus 30 s. */
    public Duration defaultStopBound() {
        return Duration.ofMillis((long) (count / rate * 1000)).plusSeconds(30);
    }

    /**
     * Stops starting clients, de-registers every registered client at the fleet's rate (Core TS §6.2.3) and waits up
     * to {@code bound} for the answers; then closes every socket, the shared threads and the sensor ticker, whether
     * or not all answers came. Returns whether every De-register was answered (or failed) within the bound.
     */
    public boolean stop(Duration bound) {
        Objects.requireNonNull(bound, "bound");
        synchronized (paceLock) {
            if (stopping) {
                return true;
            }
            stopping = true;
            if (pacer != null) {
                pacer.cancel(false);
            }
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean inTime = false;
        try {
            scheduler.execute(new Deregistration(done)::pass);
            done.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            inTime = true;
        } catch (TimeoutException e) {
            LOG.warn("fleet stop: not every De-register was answered within {}", bound);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("fleet stop failed", e.getCause());
        } finally {
            ticker.close();
            resources.close();
            scheduler.shutdownNow();
        }
        return inTime;
    }

    /** {@link #stop} with {@link #defaultStopBound()}. */
    @Override
    public void close() {
        stop(defaultStopBound());
    }

    private void pace() {
        synchronized (paceLock) {
            if (stopping) {
                return;
            }
            int n = startBucket.take(count - nextToStart);
            for (int k = 0; k < n; k++) {
                startClient(nextToStart++);
            }
            if (nextToStart < count) {
                long delay = Math.max(PACE_NANOS, startBucket.nanosUntilNext());
                pacer = scheduler.schedule(this::pace, delay, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void startClient(int index) {
        String endpoint = endpointName(index);
        WispClient.Builder b = WispClient.builder(endpoint).lwm2mVersion(lwm2mVersion)
                .resources(resources).transportConfig(transportConfig).scheduler(scheduler).events(counters)
                .clock(clock);
        try {
            serverAccount(b, endpoint);
        } catch (RuntimeException e) {
            counters.clientFailedToStart(endpoint, e);
            startedCount = index + 1;
            return;
        }
        if (!bindAddresses.isEmpty()) {
            b.bindAddress(bindAddresses.get(index % bindAddresses.size()));
        }
        List<ObjectEnabler> extra = objects.create(clock, index);
        extra.forEach(b::object);
        WispClient client = b.build();
        try {
            client.start();
        } catch (RuntimeException e) {
            counters.clientFailedToStart(endpoint, e);
            client.stop();
            startedCount = index + 1;
            return;
        }
        int s = sensorCount;
        for (ObjectEnabler e : extra) {
            if (e instanceof SensorTicker.Tickable sensor) {
                sensors[s++] = sensor;
            }
        }
        sensorCount = s;
        clients[index] = client;
        startedCount = index + 1;
        counters.clientStarted();
    }

    /** The client's one server account: NoSec over UDP, or the endpoint's own credentials over DTLS. */
    private void serverAccount(WispClient.Builder b, String endpoint) {
        if (credentials == null) {
            b.server(1, server, lifetime);
            return;
        }
        Credentials own = Objects.requireNonNull(credentials.apply(endpoint), "no credentials for " + endpoint);
        b.server(1, coaps(server), lifetime, own);
    }

    private static URI coaps(InetSocketAddress address) {
        try {
            return new URI("coaps", null, address.getAddress().getHostAddress(), address.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("no coaps URI for " + address, e);
        }
    }

    /** One tick of the shared ticker moves one slice of the sensors, so a sensor period's work is spread evenly. */
    private void tickSlice(Instant now) {
        int slice = (int) (round++ % slices);
        int n = sensorCount;
        for (int k = slice; k < n; k += slices) {
            try {
                sensors[k].tick(now);
            } catch (RuntimeException e) {
                LOG.debug("a simulated sensor failed to tick: {}", e.toString());
            }
        }
    }

    /** The De-registers of {@link #stop}, paced like the starts, on the shared scheduler. */
    private final class Deregistration {
        private final CompletableFuture<Void> done;
        private final TokenBucket bucket = TokenBucket.perSecond(rate);
        private final AtomicInteger pending = new AtomicInteger(1);
        private final int end = startedCount;
        private int next;

        Deregistration(CompletableFuture<Void> done) {
            this.done = done;
        }

        void pass() {
            while (next < end) {
                WispClient client = clients[next];
                if (client != null && client.isRegistered() && bucket.take(1) == 0) {
                    long delay = Math.max(PACE_NANOS, bucket.nanosUntilNext());
                    scheduler.schedule(this::pass, delay, TimeUnit.NANOSECONDS);
                    return;
                }
                next++;
                if (client != null) {
                    pending.incrementAndGet();
                    client.stop().whenComplete((v, e) -> finishOne());
                }
            }
            finishOne();
        }

        private void finishOne() {
            if (pending.decrementAndGet() == 0) {
                done.complete(null);
            }
        }
    }

    /** A fleet's settings; only the server address is required. */
    public static final class Builder {
        private final InetSocketAddress server;
        private Function<String, Credentials> credentials;
        private TransportConfig transportConfig = TransportConfig.client();
        private int count = 1;
        private double rate = 100;
        private String prefix = "wisp-sim-";
        private Duration lifetime = Duration.ofMinutes(5);
        private SimulatedObjects objects = SimulatedObjects.none();
        private Version lwm2mVersion = Version.V1_1;
        private List<InetAddress> bindAddresses = List.of();
        private Duration sensorPeriod = Duration.ofSeconds(10);
        private int protocolThreads = Runtime.getRuntime().availableProcessors();
        private int schedulerThreads = 2;
        private Clock clock = Clock.systemUTC();

        private Builder(InetSocketAddress server) {
            this.server = Objects.requireNonNull(server, "server");
            if (server.isUnresolved()) {
                throw new IllegalArgumentException("server must be a resolved address, got " + server);
            }
        }

        /**
         * Registers every client over DTLS (CoAPs; the address given to {@link Fleet#builder} is then the server's
         * secure port) with the credentials this function gives for its endpoint name: PSK, RPK or X.509, as the
         * server's credential store expects. Each client has its own DTLS socket and session, and the fleet's
         * threads do not grow with its size. Unset, the clients use NoSec over UDP.
         */
        public Builder credentials(Function<String, Credentials> value) {
            this.credentials = Objects.requireNonNull(value, "credentials");
            return this;
        }

        /**
         * Every client's CoAP and DTLS settings (retransmission timing, which also times DTLS handshake flights;
         * buffers); {@link TransportConfig#client()} by default.
         */
        public Builder transportConfig(TransportConfig value) {
            this.transportConfig = Objects.requireNonNull(value, "transportConfig");
            return this;
        }

        /** How many clients; 1 by default. */
        public Builder count(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("count must be at least 1, got " + value);
            }
            this.count = value;
            return this;
        }

        /** Clients started (and de-registered on stop) per second; 100 by default. */
        public Builder rate(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("rate must be positive and finite, got " + value);
            }
            this.rate = value;
            return this;
        }

        /** The start of every endpoint name, followed by the client's index; {@code wisp-sim-} by default. */
        public Builder prefix(String value) {
            Objects.requireNonNull(value, "prefix");
            if (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ' || c == '&' || c == '?')) {
                throw new IllegalArgumentException("prefix must be non-empty, without spaces, '&' or '?', got '"
                        + value + "'");
            }
            this.prefix = value;
            return this;
        }

        /** The registration lifetime of every client; 5 minutes by default. */
        public Builder lifetime(Duration value) {
            Objects.requireNonNull(value, "lifetime");
            if (value.getSeconds() < 1) {
                throw new IllegalArgumentException("lifetime must be at least 1 s, got " + value);
            }
            this.lifetime = value;
            return this;
        }

        /** The objects each client has besides 0, 1 and 3; none by default. */
        public Builder objects(SimulatedObjects value) {
            this.objects = Objects.requireNonNull(value, "objects");
            return this;
        }

        public Builder lwm2mVersion(Version value) {
            this.lwm2mVersion = Objects.requireNonNull(value, "lwm2mVersion");
            return this;
        }

        /**
         * Local addresses the clients' sockets bind to, in turn (an ephemeral port each). One address offers about
         * 28,000 ephemeral UDP ports on Linux; a fleet larger than that needs several (127.0.0.2, 127.0.0.3... all
         * reach a server on the loopback). Default: the wildcard address.
         */
        public Builder bindAddresses(List<InetAddress> value) {
            Objects.requireNonNull(value, "bindAddresses");
            this.bindAddresses = List.copyOf(value);
            return this;
        }

        /** How often each simulated sensor's reading moves; 10 s by default. */
        public Builder sensorPeriod(Duration value) {
            Objects.requireNonNull(value, "sensorPeriod");
            if (value.toMillis() < 1) {
                throw new IllegalArgumentException("sensorPeriod must be at least 1 ms, got " + value);
            }
            this.sensorPeriod = value;
            return this;
        }

        /** Threads running every client's CoAP stack and request handling; one per core by default. */
        public Builder protocolThreads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("protocolThreads must be at least 1, got " + value);
            }
            this.protocolThreads = value;
            return this;
        }

        /** Threads of the shared scheduler (timers, sensor ticks, pacing); 2 by default. */
        public Builder schedulerThreads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("schedulerThreads must be at least 1, got " + value);
            }
            this.schedulerThreads = value;
            return this;
        }

        /** The clock of sensor timestamps and notification periods. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Fleet build() {
            return new Fleet(this);
        }
    }
}
