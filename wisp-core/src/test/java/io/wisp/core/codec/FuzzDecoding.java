package io.wisp.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.util.Arrays;

/**
 * The check every decoder fuzz test makes. The first input byte picks a path (low 4 bits, from
 * {@link CodecTestModels#FUZZ_PATHS}) and whether the models are known (bit 4); the rest is the content. Decoding
 * must give a node or a {@link CodecException} of the codec's own format, nothing else; a node it gives must
 * encode again, and, where the format keeps types, decode to the same node.
 */
public final class FuzzDecoding {
    private FuzzDecoding() {
    }

    public static void decodeOrRefuse(NodeCodec codec, byte[] data, boolean typedOnlyIdempotence) {
        if (data.length == 0) {
            return;
        }
        int selector = data[0] & 0xFF;
        LwM2mPath path = CodecTestModels.FUZZ_PATHS.get(selector & 0x0F);
        boolean withModels = (selector & 0x10) != 0;
        ObjectModels models = withModels ? CodecTestModels.all() : ObjectModels.none();
        byte[] content = Arrays.copyOfRange(data, 1, data.length);
        LwM2mNode node;
        try {
            node = codec.decode(content, path, models);
        } catch (CodecException e) {
            assertThat(e.format()).isEqualTo(codec.format());
            assertThat(e.offset()).isLessThanOrEqualTo(content.length);
            return;
        }
        assertThat(node).isNotNull();
        if (typedOnlyIdempotence && !withModels) {
            return;
        }
        byte[] again;
        try {
            again = codec.encode(node, path, models);
        } catch (CodecException e) {
            // A decoded node may still be one the format cannot send back (e.g. an ID-less instance with others).
            assertThat(e.isMalformed()).isFalse();
            return;
        }
        assertThat(codec.decode(again, path, models)).isEqualTo(node);
    }
}
