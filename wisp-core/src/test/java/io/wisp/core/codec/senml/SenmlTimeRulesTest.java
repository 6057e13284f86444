package io.wisp.core.codec.senml;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SenML times (RFC 8428 §4.5.3): absolute from 2^28 s, relative to now below, "now" at 0 or without time. */
class SenmlTimeRulesTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final SenmlJsonCodec JSON = new SenmlJsonCodec(Clock.fixed(NOW, ZoneOffset.UTC));
    private static final SenmlCborCodec CBOR = new SenmlCborCodec(Clock.fixed(NOW, ZoneOffset.UTC));
    private static final ObjectModels MODELS = TsModels.all();

    private static List<Instant> times(String json) {
        List<Instant> out = new ArrayList<>();
        JSON.decodeTimestamped(json.getBytes(UTF_8), MODELS).forEach(g -> out.add(g.timestamp()));
        return out;
    }

    @Test
    void absolute_relative_and_missing_times_resolve_as_the_rfc_says() {
        assertThat(times("[{\"bn\":\"/3/0/9\",\"bt\":1700000000.25,\"v\":1}]"))
                .containsExactly(Instant.ofEpochSecond(1700000000L, 250_000_000L));
        assertThat(times("[{\"bn\":\"/3/0/9\",\"t\":268435456,\"v\":1}]"))
                .containsExactly(Instant.ofEpochSecond(1L << 28));
        assertThat(times("[{\"bn\":\"/3/0/9\",\"t\":268435455,\"v\":1}]"))
                .containsExactly(NOW.plusSeconds(268435455L));
        assertThat(times("[{\"bn\":\"/3/0/9\",\"bt\":-60.5,\"v\":1}]"))
                .containsExactly(NOW.minusSeconds(60).minusMillis(500));
        assertThat(times("[{\"bn\":\"/3/0/9\",\"t\":0,\"v\":1}]")).containsExactly((Instant) null);
        assertThat(times("[{\"bn\":\"/3/0/9\",\"v\":1}]")).containsExactly((Instant) null);
    }

    @Test
    void consecutive_records_with_the_same_resolved_time_form_one_group() {
        String json = "[{\"bn\":\"/3/0/\",\"bt\":1700000000,\"n\":\"9\",\"v\":1},{\"n\":\"10\",\"v\":2,\"t\":0},"
                + "{\"bt\":1700000010,\"n\":\"9\",\"v\":3,\"t\":-5},{\"n\":\"10\",\"v\":4,\"t\":-5},"
                + "{\"n\":\"9\",\"v\":5},{\"bt\":0,\"n\":\"9\",\"v\":6}]";
        List<TimestampedNodes> groups = JSON.decodeTimestamped(json.getBytes(UTF_8), MODELS);
        LwM2mPath battery = LwM2mPath.parse("/3/0/9");
        LwM2mPath memory = LwM2mPath.parse("/3/0/10");
        Instant t0 = Instant.ofEpochSecond(1700000000L);
        assertThat(groups).containsExactly(
                TimestampedNodes.of(t0, Map.of(battery, SingleResource.of(9, Value.of(1L)),
                        memory, SingleResource.of(10, Value.of(2L)))),
                TimestampedNodes.of(t0.plusSeconds(5), Map.of(battery, SingleResource.of(9, Value.of(3L)),
                        memory, SingleResource.of(10, Value.of(4L)))),
                TimestampedNodes.of(t0.plusSeconds(10), Map.of(battery, SingleResource.of(9, Value.of(5L)))),
                TimestampedNodes.of(null, Map.of(battery, SingleResource.of(9, Value.of(6L)))));
    }

    @Test
    void the_same_path_twice_in_one_group_is_malformed() {
        assertThatThrownBy(() -> JSON.decodeTimestamped(
                "[{\"bn\":\"/3/0/9\",\"bt\":1700000000,\"v\":1},{\"v\":2}]".getBytes(UTF_8), MODELS))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.reason()).contains("twice"));
    }

    @Test
    void times_beyond_any_instant_are_malformed() {
        for (String time : List.of("1e30", "9e17", "-9e17")) {
            assertThatThrownBy(() -> JSON.decodeTimestamped(("[{\"bn\":\"/3/0/9\",\"bt\":" + time + ",\"v\":1}]")
                    .getBytes(UTF_8), MODELS)).as(time).isInstanceOfSatisfying(CodecException.class,
                            e -> assertThat(e.isMalformed()).isTrue());
        }
    }

    @Test
    void groups_are_written_with_their_time_as_base_time_and_read_back() {
        Instant absolute = Instant.ofEpochSecond(1700000000L, 123_456_789L);
        Instant early = Instant.ofEpochSecond(1000L);
        LwM2mPath battery = LwM2mPath.parse("/3/0/9");
        List<TimestampedNodes> groups = List.of(
                TimestampedNodes.of(absolute, Map.of(battery, SingleResource.of(9, Value.of(1L)))),
                TimestampedNodes.of(early, Map.of(battery, SingleResource.of(9, Value.of(2L)))),
                TimestampedNodes.of(null, Map.of(battery, SingleResource.of(9, Value.of(3L)))));
        String json = new String(JSON.encodeTimestamped(groups, MODELS), UTF_8);
        assertThat(json).isEqualTo("[{\"bt\":1700000000.123456789,\"n\":\"/3/0/9\",\"v\":1},"
                + "{\"bt\":" + (1000L - NOW.getEpochSecond()) + ",\"n\":\"/3/0/9\",\"v\":2},"
                + "{\"bt\":0,\"n\":\"/3/0/9\",\"v\":3}]");
        assertThat(JSON.decodeTimestamped(json.getBytes(UTF_8), MODELS)).isEqualTo(groups);
        assertThat(CBOR.decodeTimestamped(CBOR.encodeTimestamped(groups, MODELS), MODELS)).isEqualTo(groups);
    }
}
