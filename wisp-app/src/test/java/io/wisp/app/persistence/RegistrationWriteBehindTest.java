package io.wisp.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.server.registration.Registration;
import io.wisp.transport.Peer;
import io.wisp.transport.testing.MutableClock;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The write-behind writer racing the server's threads: random Registers (many replacing one another), renewals,
 * moves, lifetime changes, De-registers and expiry sweeps from four threads, while the writer saves every
 * millisecond. After close the table must hold exactly what the store held, field for field: no lost change, no
 * resurrected registration, no stale version.
 */
class RegistrationWriteBehindTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void the_table_ends_up_equal_to_the_store_under_concurrent_changes(long seed) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        DatabaseOptions fast = DatabaseOptions.defaults().withFlushDelay(Duration.ofMillis(1));
        Map<String, String> atClose;
        AtomicInteger ids = new AtomicInteger();
        try (WispDatabase db = WispDatabase.open(dir, fast, clock)) {
            PersistentRegistrationStore store = db.registrations();
            ExecutorService threads = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Random random = new Random(seed * 31 + t);
                done.add(threads.submit(() -> {
                    for (int op = 0; op < 1500; op++) {
                        change(store, clock, random, ids);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            threads.shutdown();
            atClose = PersistentRegistrationStoreContractTest.snapshot(store);
            assertThat(store.size()).as("the run leaves registrations to compare").isGreaterThan(10);
        }
        try (WispDatabase reopened = WispDatabase.open(dir, fast, clock)) {
            assertThat(PersistentRegistrationStoreContractTest.snapshot(reopened.registrations())).isEqualTo(atClose);
        }
    }

    private static void change(PersistentRegistrationStore store, MutableClock clock, Random random,
            AtomicInteger ids) {
        String endpoint = "ep" + random.nextInt(60);
        String someId = store.byEndpoint(endpoint).map(Registration::id).orElse("none");
        int kind = random.nextInt(10);
        if (kind < 3) {
            store.add(Registrations.of("id" + ids.incrementAndGet(), endpoint, 1 + random.nextInt(120),
                    clock.instant()));
        } else if (kind < 6) {
            store.update(someId, r -> Registrations.renewed(r, r.peer(), clock.instant()));
        } else if (kind == 6) {
            Peer moved = Peer.unsecured("coap", new InetSocketAddress("127.0.0.1", 20000 + random.nextInt(1000)));
            store.update(someId, r -> Registrations.renewed(r, moved, clock.instant()));
        } else if (kind == 7) {
            store.update(someId, r -> Registrations.withLifetime(r, random.nextInt(200), clock.instant()));
        } else if (kind == 8) {
            store.remove(someId);
        } else {
            clock.advance(Duration.ofMillis(random.nextInt(3000)));
            store.removeExpired(clock.instant());
        }
    }
}
