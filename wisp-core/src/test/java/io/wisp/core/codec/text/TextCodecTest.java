package io.wisp.core.codec.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.CodecTestModels;
import io.wisp.core.codec.SingleValueSamples;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.DataType;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** text/plain as Core TS §7.4.1 and Appendix C describe it; expected texts are written by hand from the TS rules. */
class TextCodecTest {
    private static final ObjectModels MODELS = CodecTestModels.all();
    private static final TextCodec TEXT = TextCodec.INSTANCE;

    private static Value read(String text, String path) {
        return read(text.getBytes(StandardCharsets.UTF_8), path, MODELS);
    }

    private static Value read(byte[] text, String path, ObjectModels models) {
        return SingleValueSamples.valueOf(TEXT.decode(text, LwM2mPath.parse(path), models));
    }

    private static String write(Value v, String path) {
        LwM2mPath p = LwM2mPath.parse(path);
        return new String(TEXT.encode(SingleValueSamples.nodeAt(p, v), p, MODELS), StandardCharsets.UTF_8);
    }

    private static void assertMalformed(String text, String path, int offset, String reasonPart) {
        assertThatThrownBy(() -> read(text, path)).isInstanceOfSatisfying(CodecException.class, e -> {
            assertThat(e.isMalformed()).isTrue();
            assertThat(e.offset()).isEqualTo(offset);
            assertThat(e.path()).isEqualTo(LwM2mPath.parse(path));
            assertThat(e.reason()).contains(reasonPart);
        });
    }

    @Test
    void ts_example_manufacturer_is_the_plain_string() {
        // Core TS §7.4.1: Read /3/0/0 answers "Open Mobile Alliance" as text/plain.
        assertThat(read("Open Mobile Alliance", "/3/0/0")).isEqualTo(Value.of("Open Mobile Alliance"));
        assertThat(write(Value.of("Open Mobile Alliance"), "/3/0/0")).isEqualTo("Open Mobile Alliance");
    }

    @Test
    void integers_and_times_are_signed_decimals() {
        assertThat(read("-42", "/3/0/9")).isEqualTo(Value.of(-42L));
        assertThat(read("+7", "/3/0/9")).isEqualTo(Value.of(7L));
        assertThat(read("-9223372036854775808", "/3/0/9")).isEqualTo(Value.of(Long.MIN_VALUE));
        assertThat(write(Value.of(Long.MIN_VALUE), "/3/0/9")).isEqualTo("-9223372036854775808");
        assertThat(read("1367491215", "/3/0/13")).isEqualTo(Value.time(1367491215L));
        assertThat(write(Value.time(-5), "/3/0/13")).isEqualTo("-5");
        assertMalformed("12a", "/3/0/9", 2, "expected an Integer in decimal digits (e.g. -42), found 'a'");
        assertMalformed("9223372036854775808", "/3/0/9", 0, "out of range");
        assertMalformed("", "/3/0/9", 0, "found nothing");
        assertMalformed("-", "/3/0/9", 1, "found the end of the text");
        assertMalformed(" 1", "/3/0/13", 0, "a Time in decimal seconds");
    }

    @Test
    void unsigned_integers_reach_two_to_the_64_minus_one() {
        assertThat(read("18446744073709551615", "/33000/0/2")).isEqualTo(Value.unsigned(-1L));
        assertThat(write(Value.unsigned(-1L), "/33000/0/2")).isEqualTo("18446744073709551615");
        assertMalformed("18446744073709551616", "/33000/0/2", 0, "out of range");
        assertMalformed("-1", "/33000/0/2", 0, "Unsigned Integer");
    }

    @Test
    void floats_are_decimals_that_read_back_exactly() {
        assertThat(write(Value.of(1.5), "/33000/0/3")).isEqualTo("1.5");
        assertThat(write(Value.of(0.1), "/33000/0/3")).isEqualTo("0.1");
        assertThat(write(Value.of(3.0), "/33000/0/3")).isEqualTo("3");
        assertThat(write(Value.of(-0.0), "/33000/0/3")).isEqualTo("-0.0");
        assertThat(write(Value.of(1e-7), "/33000/0/3")).isEqualTo("0.0000001");
        assertThat(write(Value.of(1e300), "/33000/0/3")).isEqualTo("1E+300");
        assertThat(read("1E+300", "/33000/0/3")).isEqualTo(Value.of(1e300));
        assertThat(read("2.5e-3", "/33000/0/3")).isEqualTo(Value.of(0.0025));
        assertThat(read(".5", "/33000/0/3")).isEqualTo(Value.of(0.5));
        assertThat(read("-7", "/33000/0/3")).isEqualTo(Value.of(-7.0));
        assertMalformed("1e999", "/33000/0/3", 0, "exceeds the range");
        assertMalformed("NaN", "/33000/0/3", 0, "a Float as a decimal number");
        assertMalformed("1.0d", "/33000/0/3", 3, "found 'd'");
        assertMalformed("0x1p3", "/33000/0/3", 1, "found 'x'");
        assertMalformed("1e", "/33000/0/3", 2, "found the end");
    }

    @Test
    void non_finite_floats_have_no_text_form() {
        SingleResource nan = SingleResource.of(3, Value.of(Double.NaN));
        assertThat(TEXT.canEncode(nan, LwM2mPath.parse("/33000/0/3"))).isFalse();
        assertThatThrownBy(() -> TEXT.encode(nan, LwM2mPath.parse("/33000/0/3"), MODELS))
                .isInstanceOfSatisfying(CodecException.class, e -> assertThat(e.isMalformed()).isFalse());
    }

    @Test
    void booleans_are_0_and_1() {
        assertThat(read("1", "/1/0/6")).isEqualTo(Value.of(true));
        assertThat(read("0", "/1/0/6")).isEqualTo(Value.of(false));
        assertThat(write(Value.of(true), "/1/0/6")).isEqualTo("1");
        assertMalformed("true", "/1/0/6", 0, "a Boolean written 0 or 1");
    }

    @Test
    void opaque_is_base64() {
        byte[] bytes = {1, 2, 3, 4, 5};
        assertThat(write(Value.of(bytes), "/5/0/0")).isEqualTo("AQIDBAU=");
        assertThat(read("AQIDBAU=", "/5/0/0")).isEqualTo(Value.of(bytes));
        assertThat(read("AQIDBAU", "/5/0/0")).isEqualTo(Value.of(bytes));
        assertThat(read("", "/5/0/0")).isEqualTo(Value.of(new byte[0]));
        assertMalformed("AQ!D", "/5/0/0", 2, "base64");
        assertMalformed("AQIDB", "/5/0/0", 4, "no whole byte");
        assertMalformed("AQ==ID", "/5/0/0", 2, "base64");
    }

    @Test
    void objlnks_are_object_colon_instance() {
        assertThat(read("66:0", "/66/0/2")).isEqualTo(Value.of(new ObjectLink(66, 0)));
        assertThat(write(Value.of(ObjectLink.NULL), "/66/0/2")).isEqualTo("65535:65535");
        assertThat(read("67:1", "/65/0/0/3")).isEqualTo(Value.of(new ObjectLink(67, 1)));
        assertMalformed("66", "/66/0/2", 0, "Objlnk");
        assertMalformed("70000:0", "/66/0/2", 0, "Objlnk");
    }

    @Test
    void strings_and_corelnks_are_strict_utf8() {
        assertThat(read("</3/0>;ver=1.1", "/33000/0/8")).isEqualTo(Value.corelnk("</3/0>;ver=1.1"));
        assertThat(read("ünï 🙂", "/3/0/0")).isEqualTo(Value.of("ünï 🙂"));
        byte[] overlong = {'a', (byte) 0xC0, (byte) 0xAF};
        assertThatThrownBy(() -> read(overlong, "/3/0/0", MODELS)).isInstanceOfSatisfying(CodecException.class,
                e -> assertThat(e.offset()).isEqualTo(1));
    }

    @Test
    void without_a_model_text_is_a_string_or_else_opaque_bytes() {
        assertThat(read("42".getBytes(StandardCharsets.UTF_8), "/9999/0/1", ObjectModels.none()))
                .isEqualTo(Value.of("42"));
        byte[] binary = {(byte) 0xFF, 0, 1};
        assertThat(read(binary, "/9999/0/1", ObjectModels.none())).isEqualTo(Value.of(binary));
    }

    @Test
    void carries_single_values_only() {
        LwM2mPath instance = LwM2mPath.parse("/3/0");
        ObjectInstance i = ObjectInstance.of(0, SingleResource.of(9, Value.of(1L)));
        assertThat(TEXT.canEncode(i, instance)).isFalse();
        assertUnsupported(() -> TEXT.encode(i, instance, MODELS));
        MultipleResource m = MultipleResource.of(6, DataType.INTEGER, ResourceInstance.of(0, Value.of(1L)));
        assertThat(TEXT.canEncode(m, LwM2mPath.parse("/3/0/6"))).isFalse();
        assertThat(TEXT.canEncode(SingleResource.of(9, Value.of(1L)), LwM2mPath.parse("/3/0/10"))).isFalse();
        assertUnsupported(() -> TEXT.decode(new byte[] {'1'}, instance, MODELS));
        assertUnsupported(() -> TEXT.decode(new byte[] {'1'}, LwM2mPath.parse("/3/0/6"), MODELS));
        assertThat(TEXT.decode(new byte[] {'1'}, LwM2mPath.parse("/3/0/6/4"), MODELS))
                .isEqualTo(ResourceInstance.of(4, Value.of(1L)));
    }

    private static void assertUnsupported(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CodecException.class,
                e -> assertThat(e.kind()).isEqualTo(CodecException.Kind.UNSUPPORTED));
    }
}
