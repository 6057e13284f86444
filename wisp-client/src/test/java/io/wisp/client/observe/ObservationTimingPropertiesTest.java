package io.wisp.client.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * pmin and pmax over generated change histories of one resource without change conditions: notifications are never
 * closer than pmin, never further apart than pmax, always carry the value current when sent, and the last change is
 * always delivered.
 */
class ObservationTimingPropertiesTest {
    private static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

    @Property(tries = 300)
    void notificationsKeepPminAndPmaxAndCarryTheCurrentValue(
            @ForAll @IntRange(min = 0, max = 10) int pmin, @ForAll @IntRange(min = 0, max = 40) int pmax,
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 15) Integer> gaps) {
        MutableClock clock = new MutableClock(START);
        ManualScheduler scheduler = new ManualScheduler(clock);
        FakeDevice device = new FakeDevice().set("/3/0/9", 0);
        List<long[]> history = new ArrayList<>();
        history.add(new long[] {0, 0});
        RecordingSink sink = new RecordingSink();
        ObservationRegistry registry = ObservationRegistry.builder().reader(device).sink(sink)
                .scheduler(scheduler).clock(clock).build();
        LwM2mPath path = LwM2mPath.parse("/3/0/9");
        String query = "pmin=" + pmin + (pmax > 0 ? "&pmax=" + pmax : "");
        registry.observe(new ObservationKey(1, 1), path, NotificationAttributes.parse(query), device.node("/3/0/9"));

        long value = 0;
        long elapsedMillis = 0;
        for (int gap : gaps) {
            scheduler.advance(Duration.ofSeconds(gap));
            elapsedMillis += gap * 1000L;
            value++;
            device.set("/3/0/9", value);
            history.add(new long[] {elapsedMillis, value});
            registry.valuesChanged(List.of(path));
        }
        scheduler.advance(Duration.ofSeconds(pmin + 1));
        long end = elapsedMillis + (pmin + 1) * 1000L;

        List<Long> times = new ArrayList<>();
        times.add(0L);
        long previousSent = 0;
        for (Notification n : sink.sent) {
            long t = n.time().toEpochMilli() - START.toEpochMilli();
            times.add(t);
            long sent = ((Value.IntegerValue) ((SingleResource) n.node()).value()).value();
            assertThat(heldAt(history, t)).as("values held at %d ms", t).contains(sent);
            assertThat(sent).as("in order").isGreaterThanOrEqualTo(previousSent);
            previousSent = sent;
        }
        for (int k = 1; k < times.size(); k++) {
            assertThat(times.get(k) - times.get(k - 1)).as("gap before notification %d", k)
                    .isGreaterThanOrEqualTo(pmin * 1000L);
        }
        boolean pmaxApplies = pmax > 0 && pmax >= pmin;
        if (pmaxApplies) {
            times.add(end);
            for (int k = 1; k < times.size(); k++) {
                assertThat(times.get(k) - times.get(k - 1)).isLessThanOrEqualTo(pmax * 1000L);
            }
        }
        if (!gaps.isEmpty()) {
            assertThat(sink.sent).isNotEmpty();
            Notification last = sink.sent.get(sink.sent.size() - 1);
            assertThat(((Value.IntegerValue) ((SingleResource) last.node()).value()).value())
                    .as("the last change reached the server").isEqualTo(value);
        }
    }

    /** The values the device held at time {@code t}: several when changes happened at that very instant. */
    private static List<Long> heldAt(List<long[]> history, long t) {
        List<Long> held = new ArrayList<>();
        for (int k = 0; k < history.size(); k++) {
            boolean from = history.get(k)[0] <= t;
            boolean until = k + 1 == history.size() || history.get(k + 1)[0] >= t;
            if (from && until) {
                held.add(history.get(k)[1]);
            }
        }
        return held;
    }
}
