package io.wisp.core.codec.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.codec.BadInput;
import io.wisp.core.codec.CodecTestModels;
import io.wisp.core.codec.RoundTrip;
import io.wisp.core.codec.SingleValueSamples;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import io.wisp.core.testing.NodeArbitraries;
import java.util.EnumSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** text/plain round trips every type for single values; arbitrary bytes give a value or a CodecException. */
class TextPropertiesTest {
    private static final TextCodec TEXT = TextCodec.INSTANCE;

    @Provide
    Arbitrary<NodeArbitraries.Sample> singleValues() {
        return SingleValueSamples.of(NodeArbitraries.Options.all());
    }

    @Property(tries = 300)
    void every_single_value_round_trips_with_its_model(@ForAll("singleValues") NodeArbitraries.Sample s) {
        RoundTrip.withModels(TEXT, s);
    }

    @Provide
    Arbitrary<NodeArbitraries.Sample> strings() {
        return SingleValueSamples.of(NodeArbitraries.Options.all()
                .withTypes(EnumSet.of(io.wisp.core.node.DataType.STRING)));
    }

    @Property(tries = 100)
    void without_a_model_a_string_comes_back_as_itself(@ForAll("strings") NodeArbitraries.Sample s) {
        RoundTrip.withoutModels(TEXT, s);
    }

    @Property(tries = 1000)
    void floats_round_trip_through_their_decimal_text(@ForAll double d) {
        if (!Double.isFinite(d)) {
            return;
        }
        LwM2mPath p = LwM2mPath.parse("/33000/0/3");
        byte[] text = TEXT.encode(SingleResource.of(3, Value.of(d)), p, CodecTestModels.all());
        assertThat(TEXT.decode(text, p, CodecTestModels.all())).isEqualTo(SingleResource.of(3, Value.of(d)));
    }

    @Property(tries = 1000)
    void random_bytes_give_a_value_or_a_codec_exception(@ForAll @Size(max = 40) byte[] content,
                                                        @ForAll @IntRange(min = 0, max = 15) int pathIndex,
                                                        @ForAll boolean withModels) {
        BadInput.decodesOrIsRefusedAt(TEXT, content, pathIndex, withModels);
    }
}
