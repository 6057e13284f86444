package io.wisp.core.codec.senml;

import io.wisp.core.codec.BadInput;
import io.wisp.core.codec.CodecException;
import io.wisp.core.path.LwM2mPath;
import io.wisp.core.testing.NodeArbitraries;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever bytes arrive, every decoding entry point returns a result or throws {@link CodecException}, nothing
 * else (checks: {@link BadInput}).
 */
class SenmlBadInputProperties {
    private static final List<AbstractSenmlCodec> ALL = List.of(new SenmlJsonCodec(), new SenmlCborCodec(),
            new SenmlEtchJsonCodec(), new SenmlEtchCborCodec());

    /** Encoded samples with a few bytes changed, removed or cut off: content that is almost right. */
    record Damaged(NodeArbitraries.Sample sample, int codec, List<Integer> positions, List<Byte> bytes, int cut) {
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(tail -> concat(new byte[] {(byte) 0x81,
                        (byte) 0xa2}, tail)),
                Arbitraries.strings().withChars("[]{}\",:0123456789.-eEntrufalsbvdlo/ ").ofMaxLength(60)
                        .map(String::getBytes));
    }

    @Provide
    Arbitrary<Damaged> damaged() {
        return NodeArbitraries.samples(NodeArbitraries.Options.all().withoutEmptyContainers()).flatMap(s ->
                Combinators.combine(Arbitraries.just(s), Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 10_000).list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.bytes().list().ofSize(3), Arbitraries.integers().between(0, 10_000))
                        .as(Damaged::new));
    }

    @Property(tries = 1000)
    void random_bytes_decode_or_fail_with_a_codec_exception(@ForAll("randomBytes") byte[] content) {
        for (AbstractSenmlCodec codec : ALL) {
            decodeEveryWay(codec, content);
        }
    }

    @Property(tries = 500)
    void damaged_content_decodes_or_fails_with_a_codec_exception(@ForAll("damaged") Damaged d) {
        AbstractSenmlCodec codec = ALL.get(d.codec());
        byte[] content = codec.encode(d.sample().node(), d.sample().path(), d.sample().models());
        for (int k = 0; k < d.positions().size(); k++) {
            content[d.positions().get(k) % content.length] = d.bytes().get(k);
        }
        byte[] cut = Arrays.copyOf(content, d.cut() % (content.length + 1));
        decodeEveryWay(codec, content);
        decodeEveryWay(codec, cut);
    }

    private static void decodeEveryWay(AbstractSenmlCodec codec, byte[] content) {
        BadInput.decodedOrRefused(codec.format(), content, c -> codec.decode(c, LwM2mPath.parse("/3/0"),
                TsModels.all()));
        BadInput.decodedOrRefused(codec.format(), content, c -> codec.decodeNodes(c, TsModels.all()));
        BadInput.decodedOrRefused(codec.format(), content, c -> codec.decodeTimestamped(c, TsModels.all()));
        BadInput.decodedOrRefused(codec.format(), content, codec::decodePaths);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
