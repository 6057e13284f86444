package io.wisp.core.codec.senml;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SenML-ETCH (RFC 8790) as LwM2M uses it: Fetch path lists and Write-Composite Patch values, nothing else. */
class SenmlEtchTest {
    private static final SenmlEtchJsonCodec JSON = new SenmlEtchJsonCodec();
    private static final SenmlEtchCborCodec CBOR = new SenmlEtchCborCodec();
    private static final ObjectModels MODELS = TsModels.all();

    @Test
    void formats_are_the_etch_ones() {
        assertThat(JSON.format()).isEqualTo(ContentFormat.SENML_ETCH_JSON);
        assertThat(CBOR.format()).isEqualTo(ContentFormat.SENML_ETCH_CBOR);
    }

    /** The Fetch Pack of RFC 8790 §3 (base name plus names), with LwM2M paths as names. */
    @Test
    void fetch_pack_names_resolve_into_paths() {
        assertThat(JSON.decodePaths("[{\"bn\":\"/3311/0/\",\"n\":\"5850\"},{\"n\":\"5851\"}]".getBytes(UTF_8)))
                .containsExactly(LwM2mPath.parse("/3311/0/5850"), LwM2mPath.parse("/3311/0/5851"));
        assertThat(CBOR.decodePaths(HexFormat.of().parseHex("82a221682f333331312f302f006435383530a1006435383531")))
                .containsExactly(LwM2mPath.parse("/3311/0/5850"), LwM2mPath.parse("/3311/0/5851"));
    }

    @Test
    void a_null_removal_record_is_unsupported_and_names_the_path() {
        assertThatThrownBy(() -> JSON.decodeNodes("[{\"n\":\"/3311/0/5850\",\"vb\":null}]".getBytes(UTF_8),
                MODELS)).isInstanceOfSatisfying(CodecException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CodecException.Kind.UNSUPPORTED);
                    assertThat(e.path()).isEqualTo(LwM2mPath.parse("/3311/0/5850"));
                    assertThat(e.reason()).contains("RFC 8790");
                });
        assertThatThrownBy(() -> CBOR.decodeNodes(HexFormat.of().parseHex("81a2006c2f333331312f302f3538353004f6"),
                MODELS)).isInstanceOfSatisfying(CodecException.class,
                        e -> assertThat(e.kind()).isEqualTo(CodecException.Kind.UNSUPPORTED));
    }

    @Test
    void times_select_records_in_etch_and_carry_no_history() {
        String json = "[{\"n\":\"/3311/0/5850\",\"vb\":true,\"t\":-5},{\"n\":\"/3311/0/5851\",\"v\":3,\"t\":-9}]";
        List<TimestampedNodes> groups = JSON.decodeTimestamped(json.getBytes(UTF_8), MODELS);
        assertThat(groups).containsExactly(TimestampedNodes.of(null, Map.of(
                LwM2mPath.parse("/3311/0/5850"), SingleResource.of(5850, Value.of(true)),
                LwM2mPath.parse("/3311/0/5851"), SingleResource.of(5851, Value.of(3L)))));
        TimestampedNodes timed = TimestampedNodes.of(Instant.ofEpochSecond(1700000000L),
                Map.of(LwM2mPath.parse("/3311/0/5850"), SingleResource.of(5850, Value.of(true))));
        assertThatThrownBy(() -> CBOR.encodeTimestamped(List.of(timed), MODELS))
                .isInstanceOfSatisfying(CodecException.class,
                        e -> assertThat(e.kind()).isEqualTo(CodecException.Kind.UNSUPPORTED));
        TimestampedNodes untimed = new TimestampedNodes(null, timed.nodes());
        assertThat(CBOR.decodeTimestamped(CBOR.encodeTimestamped(List.of(untimed), MODELS), MODELS))
                .containsExactly(untimed);
    }
}
