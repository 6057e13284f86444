package io.wisp.client.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ObservationRegistryTest {
    private static final Instant START = Instant.parse("2024-05-01T10:00:00Z");
    private static final long T0 = START.toEpochMilli();

    private final MutableClock clock = new MutableClock(START);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final FakeDevice device = new FakeDevice();
    private final RecordingSink sink = new RecordingSink();
    private ServerSettings settings = ServerSettings.DEFAULTS;
    private long nextToken = 1;
    private final ObservationRegistry registry = registry(64);

    private ObservationRegistry registry(int offlineLimit) {
        return ObservationRegistry.builder().reader(device).sink(sink).scheduler(scheduler).clock(clock)
                .attributes(device).serverSettings(ssid -> settings).offlineLimit(offlineLimit).build();
    }

    private Observation observe(ObservationRegistry r, int ssid, String path, String query) {
        return r.observe(new ObservationKey(ssid, nextToken++), LwM2mPath.parse(path),
                NotificationAttributes.parse(query), device.node(path));
    }

    private Observation observe(String path, String query) {
        return observe(registry, 1, path, query);
    }

    private Observation observeComposite(String query, String... paths) {
        List<LwM2mPath> list = java.util.Arrays.stream(paths).map(LwM2mPath::parse).toList();
        Map<LwM2mPath, LwM2mNode> initial = new TreeMap<>();
        for (LwM2mPath p : list) {
            device.read(1, p).ifPresent(n -> initial.put(p, n));
        }
        return registry.observeComposite(new ObservationKey(1, nextToken++), list,
                NotificationAttributes.parse(query), initial);
    }

    private void change(String path, long value) {
        device.set(path, value);
        registry.valuesChanged(List.of(LwM2mPath.parse(path)));
    }

    private void after(long seconds) {
        scheduler.advance(Duration.ofSeconds(seconds));
    }

    @Test
    void withoutAttributesEveryReportedChangeNotifiesAtOnce() {
        device.set("/3/0/9", 40);
        observe("/3/0/9", "");
        change("/3/0/9", 41);
        after(1);
        change("/3/0/9", 39);
        assertThat(sink.longs()).containsExactly(41L, 39L);
        assertThat(sink.secondsAfter(T0)).containsExactly(0L, 1L);
        assertThat(sink.sent).allSatisfy(n -> assertThat(n.stored()).isFalse());
    }

    @Test
    void aChangeWithinPminIsHeldAndTheValueCurrentAtPminIsSent() {
        device.set("/3/0/9", 40);
        observe("/3/0/9", "pmin=10");
        after(2);
        change("/3/0/9", 41);
        after(3);
        change("/3/0/9", 42);
        after(2);
        change("/3/0/9", 43);
        assertThat(sink.sent).isEmpty();
        after(3);
        assertThat(sink.longs()).containsExactly(43L);
        assertThat(sink.secondsAfter(T0)).containsExactly(10L);
        after(60);
        assertThat(sink.sent).as("one held notification only").hasSize(1);
        change("/3/0/9", 44);
        assertThat(sink.longs()).as("pmin long past: at once").containsExactly(43L, 44L);
    }

    @Test
    void pmaxForcesANotificationEveryPeriodWithoutChangeAndRestartsAfterEachOne() {
        device.set("/3/0/9", 40);
        observe("/3/0/9", "pmax=30");
        after(65);
        assertThat(sink.secondsAfter(T0)).containsExactly(30L, 60L);
        change("/3/0/9", 41);
        after(29);
        assertThat(sink.secondsAfter(T0)).containsExactly(30L, 60L, 65L);
        after(1);
        assertThat(sink.secondsAfter(T0)).containsExactly(30L, 60L, 65L, 95L);
        assertThat(sink.longs()).containsExactly(40L, 40L, 41L, 41L);
    }

    @Test
    void pmaxBelowPminIsIgnored() {
        device.set("/3/0/9", 40);
        observe("/3/0/9", "pmin=20&pmax=10");
        after(100);
        assertThat(sink.sent).isEmpty();
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void theIssueExamplesWithAttributesWrittenOnBatteryLevel() {
        device.attach(1, "/3/0/9", "gt=45&st=10");
        device.set("/3/0/9", 45);
        observe("/3/0/9", "");
        change("/3/0/9", 50);
        assertThat(sink.longs()).as("45 -> 50 notifies (gt)").containsExactly(50L);

        sink.clear();
        device.set("/3/0/9", 38);
        Observation second = observe("/3/0/9", "");
        change("/3/0/9", 49);
        assertThat(sink.sent).filteredOn(n -> n.observation() == second).extracting(Notification::node)
                .as("38 -> 49 notifies (gt and st)").hasSize(1);

        registry.cancelAll(1);
        sink.clear();
        device.set("/3/0/9", 48);
        observe("/3/0/9", "");
        change("/3/0/9", 42);
        after(3600);
        assertThat(sink.sent).as("48 -> 42 does not notify").isEmpty();
    }

    @Test
    void thresholdsAndStepOverASequenceOfReadings() {
        device.attach(1, "/3/0/9", "lt=20&gt=85&st=10");
        device.set("/3/0/9", 50);
        observe("/3/0/9", "");
        for (long v : new long[] {55, 59, 61, 75, 90, 87, 99, 70, 19, 25, 17, 24}) {
            change("/3/0/9", v);
        }
        // notified 50. 55, 59: less than a step from 50. 61: step. 75: step from 61. 90: enters above gt.
        // 87: inside, 3 from 90. 99: above gt already and 9 from 90. 70: step. 19: enters below lt.
        // 25: leaves lt, 6 from 19. 17: enters below lt again. 24: leaves lt, 7 from 17.
        assertThat(sink.longs()).containsExactly(61L, 75L, 90L, 70L, 19L, 17L);
    }

    @Test
    void edgeOneNotifiesOnlyRisingChanges() {
        device.set("/3200/0/5500", Value.of(false));
        device.attach(1, "/3200/0/5500", "edge=1");
        observe("/3200/0/5500", "");
        for (boolean v : new boolean[] {true, false, true, true, false}) {
            device.set("/3200/0/5500", Value.of(v));
            registry.valuesChanged(List.of(LwM2mPath.parse("/3200/0/5500")));
        }
        assertThat(sink.sent).hasSize(2).allSatisfy(n -> assertThat(n.node().toString()).contains("true"));
    }

    @Test
    void conOneMakesNotificationsConfirmableAndTheServerDefaultAppliesOtherwise() {
        device.set("/3/0/9", 40).set("/3/0/8", 1);
        device.attach(1, "/3/0/9", "con=1");
        observe("/3/0/9", "");
        observe("/3/0/8", "");
        change("/3/0/9", 41);
        change("/3/0/8", 2);
        assertThat(sink.sent).extracting(Notification::confirmable).containsExactly(true, false);

        settings = new ServerSettings(0, 0, true, true);
        registry.valuesChanged(List.of(LwM2mPath.parse("/1/0/26")));
        change("/3/0/8", 3);
        assertThat(sink.sent.get(2).confirmable()).as("/1/x/26 Default Notification Mode = 1").isTrue();
    }

    @Test
    void epminSamplesAtMostOncePerPeriodSoAShortSpikeIsNotSeen() {
        device.set("/3/0/9", 40);
        device.attach(1, "/3/0/9", "gt=45&epmin=5");
        observe("/3/0/9", "");
        int readsBefore = device.reads.size();
        after(1);
        change("/3/0/9", 50);
        after(1);
        change("/3/0/9", 40);
        assertThat(device.reads).as("not evaluated before epmin").hasSize(readsBefore);
        after(10);
        assertThat(device.reads).as("one evaluation at epmin").hasSize(readsBefore + 1);
        assertThat(sink.sent).as("the sample at epmin is 40: no crossing").isEmpty();

        change("/3/0/9", 50);
        assertThat(sink.longs()).as("epmin long past: evaluated at once").containsExactly(50L);
    }

    @Test
    void epmaxEvaluatesEvenWhenNoChangeIsReported() {
        device.set("/3/0/9", 40);
        device.attach(1, "/3/0/9", "epmax=10");
        observe("/3/0/9", "");
        after(10);
        assertThat(sink.sent).as("evaluated, unchanged").isEmpty();
        device.set("/3/0/9", 44);
        after(10);
        assertThat(sink.longs()).as("a silent change found at the next evaluation").containsExactly(44L);
        assertThat(sink.secondsAfter(T0)).containsExactly(20L);
        after(30);
        assertThat(sink.sent).hasSize(1);
    }

    @Test
    void epmaxWithAThresholdNotifiesOnlyWhenItIsCrossed() {
        device.set("/3303/0/5700", 20);
        device.attach(1, "/3303/0/5700", "gt=25&epmax=5");
        observe("/3303/0/5700", "");
        device.set("/3303/0/5700", 24);
        after(5);
        device.set("/3303/0/5700", 26);
        after(5);
        device.set("/3303/0/5700", 27);
        after(5);
        assertThat(sink.longs()).containsExactly(26L);
    }

    @Test
    void compositeNotificationsCarryEveryPathAndFollowTheirInstances() {
        // ETS int-308/309: /16/0 and an absent /16/1; /16/1 is created, then deleted
        device.set("/16/0/0", 1).set("/3/0/9", 80);
        Observation o = observeComposite("", "/16/0", "/16/1", "/3/0/9");
        change("/3/0/9", 79);
        assertThat(sink.sent).hasSize(1);
        assertThat(sink.sent.get(0).content().keySet()).extracting(LwM2mPath::toString)
                .containsExactly("/3/0/9", "/16/0");

        device.set("/16/1/0", 2);
        registry.instancesChanged(16);
        assertThat(sink.sent.get(1).content().keySet()).extracting(LwM2mPath::toString)
                .containsExactly("/3/0/9", "/16/0", "/16/1");

        device.remove("/16/1");
        registry.instancesChanged(16);
        assertThat(sink.sent.get(2).content().keySet()).extracting(LwM2mPath::toString)
                .containsExactly("/3/0/9", "/16/0");
        assertThat(sink.sent).allSatisfy(n -> assertThat(n.observation()).isSameAs(o));
        assertThat(registry.observations()).containsExactly(o);
    }

    @Test
    void compositePartsKeepTheirOwnChangeConditions() {
        device.set("/3/0/9", 40).set("/3/0/8", 100);
        device.attach(1, "/3/0/9", "gt=45");
        observeComposite("", "/3/0/9", "/3/0/8");
        change("/3/0/9", 44);
        assertThat(sink.sent).as("battery moved inside its band").isEmpty();
        change("/3/0/8", 101);
        assertThat(sink.sent).as("the part without conditions changed").hasSize(1);
        change("/3/0/9", 46);
        assertThat(sink.sent).hasSize(2);
    }

    @Test
    void attributesWrittenDuringAnObservationApplyToIt() {
        // ETS int-310: Observe-Composite of a Server resource and /3/0, then pmax=5 written on /3
        device.set("/1/0/1", 86400).set("/3/0/9", 80);
        observeComposite("", "/1/0/1", "/3/0");
        after(30);
        assertThat(sink.sent).isEmpty();
        device.attach(1, "/3", "pmax=5");
        registry.attributesChanged(1);
        after(16);
        assertThat(sink.secondsAfter(T0)).as("pmax=5 has long expired at 30: at once, then every 5 s")
                .containsExactly(30L, 35L, 40L, 45L);
        assertThat(sink.sent.get(0).content()).hasSize(2);
    }

    @Test
    void requestAttributesApplyToThatObservationOnly() {
        // ETS int-312/313: attached pmax=60, the Observe carries pmax=10
        device.set("/3/0/7", 3300);
        device.attach(1, "/3/0/7", "pmax=60");
        observe("/3/0/7", "pmax=10");
        Observation plain = observe("/3/0/7", "");
        after(60);
        assertThat(sink.sent).filteredOn(n -> n.observation() != plain).hasSize(6);
        assertThat(sink.sent).filteredOn(n -> n.observation() == plain).hasSize(1);
    }

    @Test
    void aDefaultPeriodWrittenOnTheServerObjectReschedules() {
        device.set("/3/0/9", 40);
        observe("/3/0/9", "");
        after(100);
        assertThat(sink.sent).isEmpty();
        settings = new ServerSettings(0, 20, false, true);
        registry.valuesChanged(List.of(LwM2mPath.parse("/1/0/3")));
        after(41);
        assertThat(sink.secondsAfter(T0)).as("the new default pmax=20 has expired at 100: at once, then every 20 s")
                .containsExactly(100L, 120L, 140L);
    }

    @Test
    void anObservedNodeThatDisappearsEndsTheObservation() {
        device.set("/3303/0/5700", 20);
        Observation o = observe("/3303/0/5700", "pmax=10");
        device.remove("/3303/0");
        registry.instancesChanged(3303);
        assertThat(sink.ended).containsExactly(o);
        assertThat(registry.observations()).isEmpty();
        assertThat(scheduler.pending()).isZero();
        after(100);
        assertThat(sink.sent).isEmpty();
    }

    @Test
    void cancelStopsNotificationsAndItsTimer() {
        device.set("/3/0/9", 40);
        Observation o = observe("/3/0/9", "pmax=10");
        after(10);
        registry.cancel(o.key());
        after(100);
        change("/3/0/9", 30);
        assertThat(sink.sent).hasSize(1);
        assertThat(scheduler.pending()).isZero();
        assertThat(registry.find(o.key())).isEmpty();
    }

    @Test
    void anObserveWithTheSameKeyReplacesTheObservation() {
        device.set("/3/0/9", 40);
        ObservationKey key = new ObservationKey(1, 77);
        registry.observe(key, LwM2mPath.parse("/3/0/9"), NotificationAttributes.parse("pmax=10"),
                device.node("/3/0/9"));
        Observation second = registry.observe(key, LwM2mPath.parse("/3/0/9"), NotificationAttributes.EMPTY,
                device.node("/3/0/9"));
        after(100);
        assertThat(registry.observations()).containsExactly(second);
        assertThat(sink.sent).isEmpty();
    }

    @Test
    void whileOfflineNotificationsAreKeptAndSentInOrderOnWakeUp() {
        device.set("/3/0/9", 40).set("/3/0/8", 5);
        observe("/3/0/9", "");
        observe("/3/0/8", "");
        registry.setOnline(1, false);
        change("/3/0/9", 41);
        after(1);
        change("/3/0/8", 6);
        after(1);
        change("/3/0/9", 42);
        assertThat(sink.sent).isEmpty();
        after(100);
        registry.setOnline(1, true);
        assertThat(sink.values()).containsExactly("/3/0/9=41", "/3/0/8=6", "/3/0/9=42");
        assertThat(sink.secondsAfter(T0)).as("times of reading kept").containsExactly(0L, 1L, 2L);
        assertThat(sink.sent).allSatisfy(n -> assertThat(n.stored()).isTrue());
        change("/3/0/9", 43);
        assertThat(sink.sent.get(3).stored()).isFalse();
    }

    @Test
    void hqmaxKeepsOnlyTheNewestReadingsOfAnObservation() {
        device.set("/3/0/9", 40);
        observe("/3/0/9", "hqmax=2");
        registry.setOnline(1, false);
        for (long v = 41; v <= 45; v++) {
            change("/3/0/9", v);
        }
        registry.setOnline(1, true);
        assertThat(sink.longs()).containsExactly(44L, 45L);
    }

    @Test
    void hqmaxZeroKeepsNothing() {
        device.set("/3/0/9", 40);
        observe("/3/0/9", "hqmax=0");
        registry.setOnline(1, false);
        change("/3/0/9", 41);
        registry.setOnline(1, true);
        assertThat(sink.sent).isEmpty();
    }

    @Test
    void theClientLimitDropsTheOldestAcrossObservations() {
        ObservationRegistry small = registry(3);
        device.set("/3/0/9", 40).set("/3/0/8", 5);
        observe(small, 1, "/3/0/9", "");
        observe(small, 1, "/3/0/8", "");
        small.setOnline(1, false);
        for (long v = 1; v <= 3; v++) {
            device.set("/3/0/9", 40 + v).set("/3/0/8", 5 + v);
            small.valuesChanged(List.of(LwM2mPath.parse("/3/0/9")));
            small.valuesChanged(List.of(LwM2mPath.parse("/3/0/8")));
        }
        small.setOnline(1, true);
        // six readings, three kept: 41, 6, 42 were dropped as the oldest
        assertThat(sink.values()).containsExactly("/3/0/8=7", "/3/0/9=43", "/3/0/8=8");
    }

    @Test
    void withNotificationStoringOffNotificationsWhileOfflineAreDiscarded() {
        settings = new ServerSettings(0, 0, false, false);
        device.set("/3/0/9", 40);
        observe("/3/0/9", "");
        registry.setOnline(1, false);
        change("/3/0/9", 41);
        registry.setOnline(1, true);
        assertThat(sink.sent).isEmpty();
        change("/3/0/9", 42);
        assertThat(sink.longs()).containsExactly(42L);
    }

    @Test
    void aCompositeKeptOfflineHoldsOnlyThePartsWithHqmax() {
        device.set("/3/0/9", 40).set("/3/0/8", 5);
        device.attach(1, "/3/0/9", "hqmax=3");
        observeComposite("", "/3/0/9", "/3/0/8");
        registry.setOnline(1, false);
        change("/3/0/9", 41);
        change("/3/0/8", 6);
        registry.setOnline(1, true);
        assertThat(sink.sent).hasSize(2).allSatisfy(n -> assertThat(n.content().keySet())
                .extracting(LwM2mPath::toString).containsExactly("/3/0/9"));
    }

    @Test
    void oneServerOfflineDoesNotHoldBackAnother() {
        device.set("/3/0/9", 40);
        observe(registry, 1, "/3/0/9", "");
        observe(registry, 2, "/3/0/9", "");
        registry.setOnline(1, false);
        change("/3/0/9", 41);
        assertThat(sink.sent).extracting(n -> n.observation().shortServerId()).containsExactly(2);
        registry.setOnline(1, true);
        assertThat(sink.sent).extracting(n -> n.observation().shortServerId()).containsExactly(2, 1);
    }

    @Test
    void changesElsewhereInTheTreeAreIgnoredAndEnclosingChangesCount() {
        device.set("/3/0/9", 40).set("/3/0/8", 5);
        observe("/3/0/9", "");
        registry.valuesChanged(List.of(LwM2mPath.parse("/3/0/8")));
        registry.valuesChanged(List.of(LwM2mPath.parse("/4/0")));
        assertThat(sink.sent).isEmpty();
        registry.valuesChanged(List.of(LwM2mPath.parse("/3/0")));
        assertThat(sink.sent).hasSize(1);
    }
}
