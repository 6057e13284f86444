package io.wisp.client.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.SendRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SendCollectorTest {
    private static final Instant START = Instant.parse("2024-05-01T10:00:00.250Z");
    private static final LwM2mPath TEMPERATURE = LwM2mPath.parse("/3303/0/5700");
    private static final LwM2mPath BATTERY = LwM2mPath.parse("/3/0/9");

    private final MutableClock clock = new MutableClock(START);
    private final SendCollector collector = new SendCollector(clock, 100);

    private static SingleResource temperature(double celsius) {
        return SingleResource.of(5700, Value.of(celsius));
    }

    private static SingleResource battery(long percent) {
        return SingleResource.of(9, Value.of(percent));
    }

    @ParameterizedTest
    @ValueSource(ints = {110, 112})
    void collectedReadingsKeepTheirTimesThroughTheServersDecoding(int code) {
        collector.record(TEMPERATURE, temperature(21.5));
        collector.record(BATTERY, battery(90));
        clock.advance(Duration.ofMillis(60_125));
        collector.record(TEMPERATURE, temperature(22.0));
        clock.advance(Duration.ofMinutes(1));
        collector.record(BATTERY, battery(89));

        SendRequest received = SendTestData.roundTrip(collector.drain(ContentFormat.of(code)).orElseThrow());

        assertThat(received.data()).extracting(TimestampedNodes::timestamp).containsExactly(START,
                START.plusMillis(60_125), START.plusMillis(120_125));
        assertThat(received.data().get(0).nodes()).containsEntry(TEMPERATURE, temperature(21.5))
                .containsEntry(BATTERY, battery(90));
        assertThat(received.data().get(1).nodes()).containsOnlyKeys(TEMPERATURE)
                .containsEntry(TEMPERATURE, temperature(22.0));
        assertThat(received.data().get(2).nodes()).containsOnlyKeys(BATTERY).containsEntry(BATTERY, battery(89));
        assertThat(collector.size()).as("drained").isZero();
        assertThat(collector.drain(ContentFormat.SENML_JSON)).isEmpty();
    }

    @Test
    void readingsRecordedOutOfOrderAreSentOldestFirst() {
        collector.record(START.plusSeconds(20), BATTERY, battery(80));
        collector.record(START, BATTERY, battery(82));
        collector.record(START.plusSeconds(10), BATTERY, battery(81));
        SendRequest send = collector.drain(ContentFormat.SENML_CBOR).orElseThrow();
        assertThat(send.data()).extracting(g -> g.nodes().get(BATTERY))
                .containsExactly(battery(82), battery(81), battery(80));
    }

    @Test
    void theCollectorIsBoundedAndDropsTheOldestReadings() {
        SendCollector small = new SendCollector(clock, 3);
        for (long v = 1; v <= 5; v++) {
            small.record(BATTERY, battery(v));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(small.dropped()).isEqualTo(2);
        SendRequest send = small.drain(ContentFormat.SENML_JSON).orElseThrow();
        assertThat(send.data()).extracting(g -> g.nodes().get(BATTERY))
                .containsExactly(battery(3), battery(4), battery(5));
    }

    @Test
    void withinOneTimeTheNewestReadingWinsAndNoValueIsSentTwice() {
        LwM2mPath device = LwM2mPath.parse("/3/0");
        ObjectInstance instance = ObjectInstance.of(0, SingleResource.of(0, Value.of("Wisp")), battery(70));
        collector.record(BATTERY, battery(71));
        collector.record(device, instance);
        collector.record(BATTERY, battery(72));
        collector.record(BATTERY, battery(73));
        SendRequest received = SendTestData.roundTrip(collector.drain(ContentFormat.SENML_JSON).orElseThrow());
        assertThat(received.data()).hasSize(1);
        assertThat(received.latest()).containsEntry(BATTERY, battery(73))
                .containsEntry(LwM2mPath.parse("/3/0/0"), SingleResource.of(0, Value.of("Wisp")))
                .hasSize(2);
    }

    @Test
    void anEnclosingReadingReplacesEnclosedOnesOfTheSameTime() {
        LwM2mPath device = LwM2mPath.parse("/3/0");
        collector.record(BATTERY, battery(71));
        collector.record(device, ObjectInstance.of(0, battery(74)));
        SendRequest send = collector.drain(ContentFormat.SENML_CBOR).orElseThrow();
        assertThat(send.data().get(0).nodes()).containsOnlyKeys(device);
    }

    @Test
    void collectReadsThePathsThatExistAtOneTime() {
        SendTestData reader = new SendTestData().put("/3/0/9", battery(60)).put("/3303/0/5700", temperature(19));
        assertThat(collector.collect(reader, 1, List.of(BATTERY, TEMPERATURE, LwM2mPath.parse("/6/0/0"))))
                .isEqualTo(2);
        SendRequest send = collector.drain(ContentFormat.SENML_CBOR).orElseThrow();
        assertThat(send.data()).singleElement().satisfies(g -> {
            assertThat(g.timestamp()).isEqualTo(START);
            assertThat(g.nodes()).containsOnlyKeys(BATTERY, TEMPERATURE);
        });
    }

    @Test
    void collectedDataIsNotSentInLwM2mCborWhichHasNoTimes() {
        collector.record(BATTERY, battery(50));
        assertThatThrownBy(() -> collector.drain(ContentFormat.LWM2M_CBOR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SenML");
        SendRequest timed = collector.drain(ContentFormat.SENML_CBOR).orElseThrow();
        SendRequest asLwM2mCbor = new SendRequest(ContentFormat.LWM2M_CBOR, timed.data());
        assertThatThrownBy(() -> SendPayload.encode(asLwM2mCbor, SendTestData.MODELS))
                .isInstanceOfSatisfying(CodecException.class,
                        e -> assertThat(e.kind()).isEqualTo(CodecException.Kind.UNSUPPORTED));
    }
}
