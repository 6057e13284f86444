package io.wisp.core.codec.senml;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wisp.core.codec.CodecException;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.path.LwM2mPath;

/**
 * Fuzzing every SenML decoder: whatever the bytes, each entry point returns a result or throws
 * {@link CodecException}, and a decoded node encodes again. Under {@code mvn verify} the committed seeds in
 * {@code src/test/resources/io/wisp/core/codec/senml/SenmlFuzzTestInputs/<method>/} replay; to fuzz one decoder
 * for real: {@code JAZZER_FUZZ=1 mvn -o test -pl wisp-core -Dtest='SenmlFuzzTest#senmlJson'
 * -Djazzer.max_duration=60s} (likewise {@code senmlCbor}, {@code senmlEtchJson}, {@code senmlEtchCbor}).
 */
class SenmlFuzzTest {
    private static final ObjectModels MODELS = TsModels.all();
    private static final LwM2mPath DEVICE = LwM2mPath.parse("/3/0");

    @FuzzTest
    void senmlJson(byte[] content) {
        decodeEveryWay(new SenmlJsonCodec(), content);
    }

    @FuzzTest
    void senmlCbor(byte[] content) {
        decodeEveryWay(new SenmlCborCodec(), content);
    }

    @FuzzTest
    void senmlEtchJson(byte[] content) {
        decodeEveryWay(new SenmlEtchJsonCodec(), content);
    }

    @FuzzTest
    void senmlEtchCbor(byte[] content) {
        decodeEveryWay(new SenmlEtchCborCodec(), content);
    }

    private static void decodeEveryWay(AbstractSenmlCodec codec, byte[] content) {
        try {
            var node = codec.decode(content, DEVICE, MODELS);
            assertThat(codec.decode(codec.encode(node, DEVICE, MODELS), DEVICE, MODELS)).isEqualTo(node);
        } catch (CodecException expected) {
            assertThat(expected.format()).isEqualTo(codec.format());
        }
        try {
            var nodes = codec.decodeNodes(content, MODELS);
            assertThat(codec.decodeNodes(codec.encodeNodes(nodes, MODELS), MODELS)).isEqualTo(nodes);
        } catch (CodecException expected) {
            assertThat(expected.format()).isEqualTo(codec.format());
        }
        try {
            codec.decodeTimestamped(content, MODELS);
        } catch (CodecException expected) {
            assertThat(expected.format()).isEqualTo(codec.format());
        }
        try {
            var paths = codec.decodePaths(content);
            assertThat(codec.decodePaths(codec.encodePaths(paths))).isEqualTo(paths);
        } catch (CodecException expected) {
            assertThat(expected.format()).isEqualTo(codec.format());
        }
    }
}
