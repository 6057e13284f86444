package io.wisp.core.codec.omajson;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wisp.core.codec.BadInput;
import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.CodecTestModels;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.path.LwM2mPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Feeds arbitrary bytes to the OMA JSON decoder at several paths and as timestamped content: only a
 * {@link CodecException} may come out, and whatever decodes re-encodes and decodes to the same nodes (checks:
 * {@link BadInput}). {@code mvn verify} replays the seeds in {@code OmaJsonFuzzTestInputs/decode/}; to fuzz for
 * real: {@code JAZZER_FUZZ=1 mvn -o verify -pl wisp-core -Dtest=OmaJsonFuzzTest#decode -Djazzer.max_duration=300s}.
 */
class OmaJsonFuzzTest {
    private static final OmaJsonCodec CODEC = OmaJsonCodec.STANDARD;
    private static final ObjectModels MODELS = CodecTestModels.all();
    private static final List<LwM2mPath> PATHS = List.of("/1", "/1/0", "/3/0", "/3/0/7", "/3/0/7/1", "/3303/0/5700",
            "/65/0", "/72/1/2").stream().map(LwM2mPath::parse).toList();

    @FuzzTest
    void decode(byte[] content) {
        BadInput.roundTripsOrIsRefusedAt(CODEC, content, PATHS, MODELS);
        BadInput.roundTripsOrIsRefused(CODEC.format(), content, c -> CODEC.decodeTimestamped(c, MODELS),
                groups -> CODEC.encodeTimestamped(groups, MODELS));
    }

    @Test
    void every_seed_decodes_at_some_path_or_as_timestamped_groups() {
        BadInput.assertEverySeedDecodes(getClass(), "decode", content -> PATHS.stream()
                .anyMatch(p -> BadInput.decodes(content, c -> CODEC.decode(c, p, MODELS)))
                || BadInput.decodes(content, c -> CODEC.decodeTimestamped(c, MODELS)));
    }
}
