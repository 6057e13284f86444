package io.wisp.core.codec.omajson;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.CodecTestModels;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Feeds arbitrary bytes to the OMA JSON decoder at several paths and as timestamped content: only a
 * {@link CodecException} may come out, and whatever decodes re-encodes and decodes to the same nodes.
 * {@code mvn verify} replays the seeds in {@code OmaJsonFuzzTestInputs/decode/}; to fuzz for real:
 * {@code JAZZER_FUZZ=1 mvn -o verify -pl wisp-core -Dtest=OmaJsonFuzzTest#decode -Djazzer.max_duration=300s}.
 */
class OmaJsonFuzzTest {
    private static final OmaJsonCodec CODEC = OmaJsonCodec.STANDARD;
    private static final ObjectModels MODELS = CodecTestModels.all();
    private static final List<LwM2mPath> PATHS = List.of("/1", "/1/0", "/3/0", "/3/0/7", "/3/0/7/1", "/3303/0/5700",
            "/65/0", "/72/1/2").stream().map(LwM2mPath::parse).toList();

    @FuzzTest
    void decode(byte[] content) {
        for (LwM2mPath path : PATHS) {
            LwM2mNode node;
            try {
                node = CODEC.decode(content, path, MODELS);
            } catch (CodecException expected) {
                continue;
            }
            assertThat(CODEC.decode(CODEC.encode(node, path, MODELS), path, MODELS)).isEqualTo(node);
        }
        List<TimestampedNodes> groups;
        try {
            groups = CODEC.decodeTimestamped(content, MODELS);
        } catch (CodecException expected) {
            return;
        }
        assertThat(CODEC.decodeTimestamped(CODEC.encodeTimestamped(groups, MODELS), MODELS)).isEqualTo(groups);
    }

    /**
     * The committed seeds are real content (each decodes somewhere), so the regression run exercises the decoder;
     * inputs named {@code regression-*} are past findings, kept to be refused with a CodecException.
     */
    @Test
    void every_seed_decodes_at_some_path_or_as_timestamped_groups() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("OmaJsonFuzzTestInputs/decode").toURI());
        List<Path> seeds;
        try (Stream<Path> files = Files.list(dir)) {
            seeds = files.toList();
        }
        assertThat(seeds).hasSizeGreaterThanOrEqualTo(5);
        for (Path seed : seeds) {
            if (seed.getFileName().toString().startsWith("regression-")) {
                continue;
            }
            byte[] content = Files.readAllBytes(seed);
            boolean decodes = PATHS.stream().anyMatch(p -> decodes(() -> CODEC.decode(content, p, MODELS)))
                    || decodes(() -> CODEC.decodeTimestamped(content, MODELS));
            assertThat(decodes).as(seed.getFileName().toString()).isTrue();
        }
    }

    private static boolean decodes(Runnable decoding) {
        try {
            decoding.run();
            return true;
        } catch (CodecException e) {
            return false;
        }
    }
}
