package io.wisp.core.codec.lwm2mcbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.CodecTestModels;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the encoder refuses (UNSUPPORTED, so a server answers 4.15 rather than sending something wrong). */
class LwM2mCborEncodingTest {
    private static final LwM2mCborCodec CODEC = new LwM2mCborCodec();
    private static final ObjectModels MODELS = CodecTestModels.all();
    private static final SingleResource X = SingleResource.of(0, Value.of("x"));

    @Test
    void a_node_must_fit_its_path() {
        assertThat(CODEC.canEncode(X, LwM2mPath.parse("/3/0"))).isFalse();
        assertThat(CODEC.canEncode(X, LwM2mPath.parse("/3/0/1"))).isFalse();
        assertThat(CODEC.canEncode(X, LwM2mPath.ROOT)).isFalse();
        assertThat(CODEC.canEncode(X, LwM2mPath.parse("/3/0/0"))).isTrue();
        assertUnsupported(() -> CODEC.encode(X, LwM2mPath.parse("/3/0"), MODELS));
    }

    @Test
    void several_paths_may_not_nest_nor_hold_a_client_assigned_instance() {
        assertUnsupported(() -> CODEC.encodeNodes(Map.of(LwM2mPath.parse("/3/0"), ObjectInstance.of(0, X),
                LwM2mPath.parse("/3/0/0"), X), MODELS));
        assertUnsupported(() -> CODEC.encodeNodes(Map.of(LwM2mPath.parse("/3"),
                LwM2mObject.of(3, ObjectInstance.of(ObjectInstance.UNASSIGNED, X))), MODELS));
    }

    @Test
    void timestamps_are_not_carried() {
        Map<LwM2mPath, LwM2mNode> nodes = Map.of(LwM2mPath.parse("/3/0/0"), X);
        assertUnsupported(() -> CODEC.encodeTimestamped(List.of(TimestampedNodes.of(Instant.EPOCH, nodes)), MODELS));
        assertUnsupported(() -> CODEC.encodeTimestamped(List.of(TimestampedNodes.of(null, nodes),
                TimestampedNodes.of(null, nodes)), MODELS));
        assertThat(CODEC.encodeTimestamped(List.of(), MODELS)).containsExactly(0xA0);
    }

    /** Text that is not valid Unicode has no UTF-8 form: refused rather than sent with '?' in its place. */
    @Test
    void text_with_a_lone_surrogate_is_refused() {
        ObjectInstance lone = ObjectInstance.of(0, SingleResource.of(0, Value.of("a\ud800")));
        assertThat(CODEC.canEncode(lone, LwM2mPath.parse("/3/0"))).isFalse();
        assertUnsupported(() -> CODEC.encode(lone, LwM2mPath.parse("/3/0"), MODELS));
        assertUnsupported(() -> CODEC.encodeNodes(Map.of(LwM2mPath.parse("/3/0"), lone), MODELS));
    }

    private static void assertUnsupported(Runnable encoding) {
        assertThatThrownBy(encoding::run).isInstanceOfSatisfying(CodecException.class,
                e -> assertThat(e.kind()).isEqualTo(CodecException.Kind.UNSUPPORTED));
    }
}
