package io.wisp.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueHistoryStoreTest extends DatabaseTest {

    /** Keeps 5 values per path for a day; the writer only writes when a query, a flush or close asks it to. */
    @Override
    protected DatabaseOptions options() {
        return DatabaseOptions.defaults().withHistoryRetention(Duration.ofDays(1), 5).withMaxPendingValues(1000)
                .withPruneInterval(Duration.ofHours(1)).withFlushDelay(Duration.ofHours(1));
    }

    private HistorySample sample(String path, Value value) {
        return new HistorySample(LwM2mPath.parse(path), clock.instant(), value, HistorySample.Source.NOTIFICATION);
    }

    @Test
    void every_data_type_keeps_its_type_and_exact_value_through_a_restart() {
        List<HistorySample> values = List.of(
                sample("/3/0/0", Value.of("Wisp ünïcode ✓")),
                sample("/3/0/9", Value.of(-42L)),
                sample("/3/0/21", Value.unsigned(-1L)),
                sample("/3303/0/5700", Value.of(-0.0)),
                sample("/3303/0/5601", Value.of(Double.NaN)),
                sample("/3303/0/5602", Value.of(Double.MAX_VALUE)),
                sample("/1/0/6", Value.of(true)),
                sample("/3/0/13", Value.time(1_767_225_600L)),
                sample("/5/0/0", Value.of(new byte[] {0, (byte) 0xFF, 7})),
                sample("/22/0/3", Value.of(new ObjectLink(3, 0))),
                sample("/22/0/4/1", Value.corelnk("</3/0>;rt=\"x\"")),
                new HistorySample(LwM2mPath.parse("/3/0/9"), clock.instant().plusSeconds(1), Value.of(7L),
                        HistorySample.Source.SEND));
        assertThat(db.valueHistory().append("dev", values)).isEqualTo(values.size());

        reopen();

        assertThat(db.valueHistory().query("dev", LwM2mPath.ROOT, 100)).containsExactlyInAnyOrderElementsOf(values);
        assertThat(db.valueHistory().query("dev", LwM2mPath.parse("/3/0/9"), 100)).extracting(HistorySample::value)
                .containsExactly(Value.of(-42L), Value.of(7L));
    }

    @Test
    void a_query_sees_values_appended_just_before_oldest_first_and_newest_limit() {
        for (int k = 0; k < 4; k++) {
            db.valueHistory().append("dev", List.of(sample("/3303/0/5700", Value.of(20.0 + k)),
                    sample("/3303/1/5700", Value.of(30.0 + k))));
            clock.advance(Duration.ofSeconds(10));
        }
        db.valueHistory().append("other", List.of(sample("/3303/0/5700", Value.of(99.0))));

        assertThat(db.valueHistory().query("dev", LwM2mPath.parse("/3303/0/5700"), 3))
                .extracting(HistorySample::value).containsExactly(Value.of(21.0), Value.of(22.0), Value.of(23.0));
        assertThat(db.valueHistory().query("dev", LwM2mPath.parse("/3303"), 100)).hasSize(8);
        assertThat(db.valueHistory().query("dev", LwM2mPath.parse("/3303/1"), 100)).hasSize(4)
                .allMatch(s -> s.path().equals(LwM2mPath.parse("/3303/1/5700")));
        assertThat(db.valueHistory().query("dev", LwM2mPath.parse("/330"), 100))
                .as("/330 is not a prefix of /3303").isEmpty();
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        assertThat(db.valueHistory().query("dev", LwM2mPath.parse("/3303/0"), start.plusSeconds(10),
                start.plusSeconds(30), 100)).extracting(HistorySample::value)
                .containsExactly(Value.of(21.0), Value.of(22.0));
    }

    @Test
    void pruning_keeps_the_newest_values_per_path_and_drops_old_ones() {
        for (int k = 0; k < 8; k++) {
            db.valueHistory().append("dev", List.of(sample("/3/0/9", Value.of((long) k))));
            clock.advance(Duration.ofMinutes(1));
        }
        db.valueHistory().append("dev", List.of(sample("/3/0/20", Value.of(1L))));
        db.valueHistory().append("old", List.of(new HistorySample(LwM2mPath.parse("/3/0/9"),
                clock.instant().minus(Duration.ofDays(2)), Value.of(1L), HistorySample.Source.SEND)));
        db.flush();

        assertThat(db.valueHistory().prune()).isEqualTo(3 + 1);

        assertThat(db.valueHistory().query("dev", LwM2mPath.parse("/3/0/9"), 100)).extracting(HistorySample::value)
                .containsExactly(Value.of(3L), Value.of(4L), Value.of(5L), Value.of(6L), Value.of(7L));
        assertThat(db.valueHistory().query("dev", LwM2mPath.parse("/3/0/20"), 100)).hasSize(1);
        assertThat(db.valueHistory().query("old", LwM2mPath.ROOT, 100)).isEmpty();
        assertThat(db.valueHistory().prune()).as("nothing left to prune").isZero();
    }

    @Test
    void values_beyond_the_pending_bound_are_dropped_and_counted() {
        List<HistorySample> many = new ArrayList<>();
        for (int k = 0; k < 1200; k++) {
            many.add(sample("/3/0/9", Value.of((long) k)));
        }
        int accepted = db.valueHistory().append("dev", many);

        assertThat(accepted).isEqualTo(1000);
        assertThat(db.valueHistory().dropped()).isEqualTo(200);
        assertThat(db.valueHistory().query("dev", LwM2mPath.parse("/3/0/9"), 2000)).hasSize(1000)
                .extracting(HistorySample::value).startsWith(Value.of(0L)).endsWith(Value.of(999L));
        assertThat(db.valueHistory().append("dev", many.subList(0, 1))).as("room again once written").isEqualTo(1);
    }
}
