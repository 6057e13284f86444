package io.wisp.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.model.ObjectModels;
import io.wisp.core.path.LwM2mPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The checks the property and fuzz tests of every decoder make on content that may be wrong: decoding gives a
 * result or a {@link CodecException} of the codec's own format that says what and where, nothing else; a result
 * encodes again and decodes to itself.
 */
public final class BadInput {
    private BadInput() {
    }

    /** Something that decodes content (a path, models and the like already bound). */
    @FunctionalInterface
    public interface Decoding<T> {
        T decode(byte[] content);
    }

    /** The result of decoding, never null, or null when refused with a well-formed CodecException of {@code format}. */
    public static <T> T decodedOrRefused(ContentFormat format, byte[] content, Decoding<T> decoding) {
        T result;
        try {
            result = decoding.decode(content);
        } catch (CodecException e) {
            assertThat(e.format()).as(e.getMessage()).isEqualTo(format);
            assertThat(e.offset()).as(e.getMessage()).isBetween(-1, content.length);
            assertThat(e.reason()).isNotBlank();
            return null;
        }
        assertThat(result).isNotNull();
        return result;
    }

    /** As {@link #decodedOrRefused}; what decodes encodes again and decodes to the same result. */
    public static <T> void roundTripsOrIsRefused(ContentFormat format, byte[] content, Decoding<T> decoding,
                                                 Function<T, byte[]> encoding) {
        T result = decodedOrRefused(format, content, decoding);
        if (result != null) {
            assertThat(decoding.decode(encoding.apply(result))).isEqualTo(result);
        }
    }

    /**
     * As {@link #roundTripsOrIsRefused}, except that writing the result back, or reading that back, may be refused
     * too: for decoders that accept content their encoder cannot reproduce.
     */
    public static <T> void roundTripsOrSomeStepIsRefused(ContentFormat format, byte[] content, Decoding<T> decoding,
                                                         Function<T, byte[]> encoding) {
        decodedOrRefused(format, content, c -> {
            T result = decoding.decode(c);
            assertThat(decoding.decode(encoding.apply(result))).isEqualTo(result);
            return result;
        });
    }

    /** {@link #roundTripsOrIsRefused} at each path, with these models. */
    public static void roundTripsOrIsRefusedAt(NodeCodec codec, byte[] content, List<LwM2mPath> paths,
                                               ObjectModels models) {
        for (LwM2mPath path : paths) {
            roundTripsOrIsRefused(codec.format(), content, c -> codec.decode(c, path, models),
                    node -> codec.encode(node, path, models));
        }
    }

    /** {@link #decodedOrRefused} at {@code FUZZ_PATHS[pathIndex]}, with all test models or none. */
    public static void decodesOrIsRefusedAt(NodeCodec codec, byte[] content, int pathIndex, boolean withModels) {
        LwM2mPath path = CodecTestModels.FUZZ_PATHS.get(pathIndex);
        ObjectModels models = withModels ? CodecTestModels.all() : ObjectModels.none();
        decodedOrRefused(codec.format(), content, c -> codec.decode(c, path, models));
    }

    /** Three integers that pick a damage: where, what kind (replace, cut off, flip a bit) and with what. */
    public static Arbitrary<List<Integer>> damage() {
        return Arbitraries.integers().list().ofSize(3);
    }

    /**
     * Good content with one damage applied: a byte replaced (by {@code replacement} of the third integer), the
     * content cut off there, or one bit flipped.
     */
    public static byte[] damaged(byte[] content, List<Integer> damage, IntUnaryOperator replacement) {
        byte[] out = content.clone();
        int at = Math.floorMod(damage.get(0), out.length);
        switch (Math.floorMod(damage.get(1), 3)) {
            case 0 -> out[at] = (byte) replacement.applyAsInt(damage.get(2));
            case 1 -> out = Arrays.copyOf(out, at);
            default -> out[at] ^= (byte) (1 << Math.floorMod(damage.get(2), 8));
        }
        return out;
    }

    /**
     * Checks that a fuzz test's committed seeds (in {@code <TestClass>Inputs/<method>/}, at least five) are real
     * content that decodes somewhere, so that the regression run exercises the decoder; seeds named
     * {@code regression-*} are past findings, kept to be refused, and are skipped.
     */
    public static void assertEverySeedDecodes(Class<?> fuzzTest, String method, Predicate<byte[]> decodes) {
        List<Path> seeds;
        try (Stream<Path> files = Files.list(Path.of(fuzzTest.getResource(fuzzTest.getSimpleName() + "Inputs/"
                + method).toURI()))) {
            seeds = files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        assertThat(seeds).hasSizeGreaterThanOrEqualTo(5);
        for (Path seed : seeds) {
            if (seed.getFileName().toString().startsWith("regression-")) {
                continue;
            }
            byte[] content;
            try {
                content = Files.readAllBytes(seed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(decodes.test(content)).as(seed.getFileName().toString()).isTrue();
        }
    }

    /** Whether decoding gives a result rather than a CodecException. */
    public static boolean decodes(byte[] content, Decoding<?> decoding) {
        try {
            decoding.decode(content);
            return true;
        } catch (CodecException e) {
            return false;
        }
    }
}
