package io.wisp.core.codec.senml;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wisp.core.codec.BadInput;
import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.path.LwM2mPath;

/**
 * Fuzzing every SenML decoder: whatever the bytes, each entry point returns a result or throws
 * {@link CodecException}, and a decoded result that encodes again decodes to itself (checks: {@link BadInput}; a
 * SenML decoder accepts some text its encoder refuses, e.g. a string Jackson read with a lone surrogate). Under
 * {@code mvn verify} the committed seeds in
 * {@code src/test/resources/io/wisp/core/codec/senml/SenmlFuzzTestInputs/<method>/} replay; to fuzz one decoder for
 * real: {@code JAZZER_FUZZ=1 mvn -o test -pl wisp-core -Dtest='SenmlFuzzTest#senmlJson' -Djazzer.max_duration=60s}
 * (likewise {@code senmlCbor}, {@code senmlEtchJson}, {@code senmlEtchCbor}).
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
        ContentFormat f = codec.format();
        BadInput.roundTripsOrSomeStepIsRefused(f, content, c -> codec.decode(c, DEVICE, MODELS),
                node -> codec.encode(node, DEVICE, MODELS));
        BadInput.roundTripsOrSomeStepIsRefused(f, content, c -> codec.decodeNodes(c, MODELS),
                nodes -> codec.encodeNodes(nodes, MODELS));
        BadInput.decodedOrRefused(f, content, c -> codec.decodeTimestamped(c, MODELS));
        BadInput.roundTripsOrSomeStepIsRefused(f, content, codec::decodePaths, codec::encodePaths);
    }
}
