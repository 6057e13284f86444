package io.wisp.core.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The information-reporting records (Core TS §6.4: Observe, Observe-Composite, their cancels, Send) refuse what
 * cannot be sent or received, naming the field.
 */
class InformationReportingRequestsTest {
    private static final Observation SINGLE =
            new Observation(new ObservationId(7), "reg", List.of(LwM2mPath.parse("/3/0/9")), false);
    private static final Observation COMPOSITE = new Observation(new ObservationId(8), "reg",
            List.of(LwM2mPath.parse("/3/0/9"), LwM2mPath.parse("/1/0/1")), true);

    private static void refused(Runnable build, String field) {
        assertThatThrownBy(build::run).isInstanceOf(InvalidRequestException.class).hasMessageStartingWith(field);
    }

    @Test
    void observe_refuses_the_root_formats_without_a_node_and_attributes_the_path_cannot_hold() {
        refused(() -> ObserveRequest.of("/"), "path");
        refused(() -> ObserveRequest.of("/3/0", ContentFormat.LINK), "format");
        refused(() -> ObserveRequest.of("/3/0").withAttributes("gt=5"), "attributes");
        ObserveRequest ok = ObserveRequest.of("/3/0/7").withAttributes("pmin=5&pmax=15");
        assertThat(ok.attributes().queryParts()).containsExactly("pmin=5", "pmax=15");
        assertThat(ObserveRequest.of("/3/0/9").attributes().isEmpty()).isTrue();
    }

    @Test
    void observe_composite_refuses_no_path_a_repeated_path_etch_answers_and_misplaced_attributes() {
        refused(() -> new ObserveCompositeRequest(List.of(), null, null, null), "paths");
        refused(() -> ObserveCompositeRequest.of("/3/0/9", "/3/0/9"), "paths");
        refused(() -> new ObserveCompositeRequest(List.of(LwM2mPath.parse("/3/0/9")), null,
                ContentFormat.SENML_ETCH_CBOR, null), "responseFormat");
        refused(() -> new ObserveCompositeRequest(List.of(LwM2mPath.parse("/3/0/9")), ContentFormat.TLV, null,
                null), "requestFormat");
        refused(() -> ObserveCompositeRequest.of("/3/0/9", "/3/0").withAttributes("st=1"), "attributes");
        assertThat(ObserveCompositeRequest.of(ContentFormat.SENML_JSON, "/3/0/9", "/1/0/1").withAttributes("pmax=5")
                .attributes().queryParts()).containsExactly("pmax=5");
    }

    @Test
    void each_cancel_takes_only_its_own_kind_of_observation() {
        refused(() -> new CancelObservationRequest(COMPOSITE), "observation");
        refused(() -> new CancelCompositeObservationRequest(SINGLE), "observation");
        assertThat(new CancelObservationRequest(SINGLE).observation()).isEqualTo(SINGLE);
        assertThat(new CancelCompositeObservationRequest(COMPOSITE).observation()).isEqualTo(COMPOSITE);
    }

    @Test
    void an_observation_has_one_path_unless_composite() {
        assertThatThrownBy(() -> new Observation(new ObservationId(1), "reg",
                List.of(LwM2mPath.parse("/3/0/9"), LwM2mPath.parse("/3/0/8")), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("paths");
        assertThatThrownBy(COMPOSITE::path).isInstanceOf(IllegalStateException.class);
        assertThat(SINGLE.path()).isEqualTo(LwM2mPath.parse("/3/0/9"));
    }

    @Test
    void an_observation_id_prints_as_the_token_in_hex_and_reads_back() {
        ObservationId id = new ObservationId(0x8000_0000_0000_00ffL);

        assertThat(id).hasToString("80000000000000ff");
        assertThat(ObservationId.parse(id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> ObservationId.parse("12")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ObservationId.parse("zz000000000000ff")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_responses_observation_must_be_of_its_kind() {
        assertThatThrownBy(() -> new ObserveResponse(ResponseStatus.of(ResponseCode.CONTENT),
                SingleResource.of(9, Value.of(1L)), COMPOSITE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ObserveCompositeResponse(ResponseStatus.of(ResponseCode.CONTENT),
                new TreeMap<>(), SINGLE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void send_takes_only_the_three_timestamped_formats_and_at_least_one_value() {
        TimestampedNodes battery = TimestampedNodes.of(Instant.ofEpochSecond(100),
                Map.of(LwM2mPath.parse("/3/0/9"), SingleResource.of(9, Value.of(42L))));
        refused(() -> new SendRequest(ContentFormat.TLV, List.of(battery)), "format");
        refused(() -> new SendRequest(ContentFormat.SENML_ETCH_JSON, List.of(battery)), "format");
        refused(() -> new SendRequest(ContentFormat.SENML_CBOR, List.of()), "data");
        refused(() -> new SendRequest(ContentFormat.SENML_CBOR, List.of(TimestampedNodes.of(null, Map.of()))),
                "data");
    }

    @Test
    void send_latest_takes_the_later_group_for_a_path_and_keeps_the_others() {
        TimestampedNodes older = TimestampedNodes.of(Instant.ofEpochSecond(100), Map.of(
                LwM2mPath.parse("/3/0/9"), SingleResource.of(9, Value.of(42L)),
                LwM2mPath.parse("/3/0/7/0"), ResourceInstance.of(0, Value.of(3800L))));
        TimestampedNodes newer = TimestampedNodes.of(Instant.ofEpochSecond(160),
                Map.of(LwM2mPath.parse("/3/0/9"), SingleResource.of(9, Value.of(41L))));

        SendRequest send = new SendRequest(ContentFormat.SENML_JSON, List.of(older, newer));

        assertThat(send.paths()).containsExactly(LwM2mPath.parse("/3/0/7/0"), LwM2mPath.parse("/3/0/9"));
        assertThat(send.latest()).containsEntry(LwM2mPath.parse("/3/0/9"), SingleResource.of(9, Value.of(41L)))
                .containsKey(LwM2mPath.parse("/3/0/7/0"));
        assertThat(send.data()).extracting(TimestampedNodes::timestamp)
                .containsExactly(Instant.ofEpochSecond(100), Instant.ofEpochSecond(160));
    }
}
