package io.wisp.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.model.ObjectModels;
import io.wisp.core.testing.NodeArbitraries.Sample;

/** The round trips the property tests of every node codec check on generated samples. */
public final class RoundTrip {
    private RoundTrip() {
    }

    /** The codec says it can write the sample's node, and what it writes decodes, with the models, to that node. */
    public static void withModels(NodeCodec codec, Sample s) {
        assertThat(codec.canEncode(s.node(), s.path())).isTrue();
        byte[] content = codec.encode(s.node(), s.path(), s.models());
        assertThat(codec.decode(content, s.path(), s.models())).as(codec.format().name()).isEqualTo(s.node());
    }

    /** What the codec writes for the sample decodes, without any model, to the same node: the format keeps types. */
    public static void withoutModels(NodeCodec codec, Sample s) {
        byte[] content = codec.encode(s.node(), s.path(), s.models());
        assertThat(codec.decode(content, s.path(), ObjectModels.none())).as(codec.format().name())
                .isEqualTo(s.node());
    }
}
