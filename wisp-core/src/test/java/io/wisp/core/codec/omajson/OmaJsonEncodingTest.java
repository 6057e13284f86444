package io.wisp.core.codec.omajson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.CodecTestModels;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the encoder refuses (UNSUPPORTED: 4.15), and the empty nodes it can still carry. */
class OmaJsonEncodingTest {
    private static final OmaJsonCodec CODEC = OmaJsonCodec.STANDARD;
    private static final ObjectModels MODELS = CodecTestModels.all();
    private static final SingleResource X = SingleResource.of(0, Value.of("x"));

    @Test
    void refuses_what_a_flat_json_list_cannot_say() {
        assertThat(CODEC.canEncode(LwM2mObject.of(1, ObjectInstance.of(ObjectInstance.UNASSIGNED, X)),
                LwM2mPath.parse("/1"))).as("client-assigned instance").isFalse();
        assertThat(CODEC.canEncode(LwM2mObject.of(1, ObjectInstance.of(0)), LwM2mPath.parse("/1")))
                .as("empty instance inside an object").isFalse();
        assertThat(CODEC.canEncode(ObjectInstance.of(0, MultipleResource.of(7, DataType.INTEGER)),
                LwM2mPath.parse("/3/0"))).as("empty multiple resource").isFalse();
        assertThat(CODEC.canEncode(SingleResource.of(5700, Value.of(Double.NaN)), LwM2mPath.parse("/3303/0/5700")))
                .as("NaN").isFalse();
        assertThat(CODEC.canEncode(SingleResource.of(0, Value.of("\ud800")), LwM2mPath.parse("/3/0/0")))
                .as("unpaired surrogate").isFalse();
        assertThat(CODEC.canEncode(X, LwM2mPath.parse("/3/0"))).as("node does not fit the path").isFalse();
        assertThatThrownBy(() -> CODEC.encode(X, LwM2mPath.parse("/3/0/1"), MODELS))
                .isInstanceOfSatisfying(CodecException.class,
                        e -> assertThat(e.kind()).isEqualTo(CodecException.Kind.UNSUPPORTED));
    }

    @Test
    void an_empty_object_or_instance_is_an_empty_entry_list() {
        LwM2mPath path = LwM2mPath.parse("/3/0");
        byte[] content = CODEC.encode(ObjectInstance.of(0), path, MODELS);
        assertThat(new String(content, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"bn\":\"/3/0/\",\"e\":[]}");
        assertThat(CODEC.decode(content, path, MODELS)).isEqualTo(ObjectInstance.of(0));
        assertThat(CODEC.decode(CODEC.encode(LwM2mObject.of(3), LwM2mPath.parse("/3"), MODELS),
                LwM2mPath.parse("/3"), MODELS)).isEqualTo(LwM2mObject.of(3));
    }

    @Test
    void the_same_value_twice_for_one_time_is_refused() {
        Map<LwM2mPath, LwM2mNode> nodes = Map.of(LwM2mPath.parse("/3/0"), ObjectInstance.of(0, X),
                LwM2mPath.parse("/3/0/0"), X);
        assertThatThrownBy(() -> CODEC.encodeNodes(nodes, MODELS)).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> CODEC.encodeTimestamped(List.of(TimestampedNodes.of(null, Map.of(
                LwM2mPath.parse("/3/0/0"), X)), TimestampedNodes.of(null, Map.of(LwM2mPath.parse("/3/0/0"), X))),
                MODELS)).isInstanceOf(CodecException.class);
    }

    @Test
    void a_trailing_slash_on_a_name_is_tolerated() {
        assertThat(CODEC.decode(OmaJsonVectorsTest.utf8("{\"bn\":\"/3/0/0/\",\"e\":[{\"sv\":\"x\"}]}"),
                LwM2mPath.parse("/3/0/0"), MODELS)).isEqualTo(X);
    }
}
