package io.wisp.core.codec.tlv;

import static io.wisp.core.codec.tlv.TlvSpecVectorsTest.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.CodecTestModels;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.Arrays;
import java.util.HexFormat;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * TLV beyond the TS examples: the header forms and value widths real clients send, what each path accepts, and
 * every inconsistency reported as MALFORMED at the right byte. Byte strings are worked out by hand from the TLV
 * definition (Core TS §7.4.3, Appendix C).
 */
class TlvCodecTest {
    private static final ObjectModels MODELS = CodecTestModels.all();
    private static final TlvCodec TLV = TlvCodec.STANDARD;

    private static LwM2mNode decode(String hex, String path) {
        return TLV.decode(hex(hex), LwM2mPath.parse(path), MODELS);
    }

    private static String encode(LwM2mNode node, String path) {
        return HexFormat.of().withUpperCase().formatHex(TLV.encode(node, LwM2mPath.parse(path), MODELS));
    }

    private static void assertMalformedAt(ThrowingCallable call, int offset, String reasonPart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CodecException.class, e -> {
            assertThat(e.isMalformed()).isTrue();
            assertThat(e.format()).isEqualTo(ContentFormat.TLV);
            assertThat(e.offset()).isEqualTo(offset);
            assertThat(e.reason()).contains(reasonPart);
        });
    }

    @Test
    void integers_of_every_width_decode_and_encode_in_the_shortest() {
        for (String tlv : new String[] {"C10905", "C2090005", "C40900000005", "C8090800000000 00000005"}) {
            assertThat(decode(tlv, "/3/0/9")).isEqualTo(SingleResource.of(9, Value.of(5L)));
        }
        assertThat(decode("C109FF", "/3/0/9")).isEqualTo(SingleResource.of(9, Value.of(-1L)));
        assertThat(decode("C20AFF38", "/3/0/10")).isEqualTo(SingleResource.of(10, Value.of(-200L)));
        assertThat(encode(SingleResource.of(9, Value.of(127L)), "/3/0/9")).isEqualTo("C1097F");
        assertThat(encode(SingleResource.of(9, Value.of(128L)), "/3/0/9")).isEqualTo("C2090080");
        assertThat(encode(SingleResource.of(9, Value.of(-200L)), "/3/0/9")).isEqualTo("C209FF38");
        assertThat(encode(SingleResource.of(9, Value.of(-40000L)), "/3/0/9")).isEqualTo("C409FFFF63C0");
        assertThat(encode(SingleResource.of(9, Value.of(Long.MIN_VALUE)), "/3/0/9"))
                .isEqualTo("C8090880000000000000 00".replace(" ", ""));
    }

    @Test
    void unsigned_integers_use_all_bits_of_their_width() {
        assertThat(decode("C102FF", "/33000/0/2")).isEqualTo(SingleResource.of(2, Value.unsigned(255)));
        assertThat(encode(SingleResource.of(2, Value.unsigned(200)), "/33000/0/2")).isEqualTo("C102C8");
        assertThat(encode(SingleResource.of(2, Value.unsigned(-1L)), "/33000/0/2"))
                .isEqualTo("C80208FFFFFFFFFFFFFFFF");
        assertThat(decode("C80208FFFFFFFFFFFFFFFF", "/33000/0/2")).isEqualTo(SingleResource.of(2, Value.unsigned(-1L)));
    }

    @Test
    void floats_of_4_and_8_bytes_decode_and_4_bytes_are_written_only_when_exact() {
        assertThat(decode("C4033FC00000", "/33000/0/3")).isEqualTo(SingleResource.of(3, Value.of(1.5)));
        assertThat(decode("C803083FF8000000000000", "/33000/0/3")).isEqualTo(SingleResource.of(3, Value.of(1.5)));
        assertThat(encode(SingleResource.of(3, Value.of(1.5)), "/33000/0/3")).isEqualTo("C4033FC00000");
        assertThat(encode(SingleResource.of(3, Value.of(0.1)), "/33000/0/3")).isEqualTo("C803083FB999999999999A");
        assertMalformedAt(() -> decode("C203 3FC0", "/33000/0/3"), 0, "Float of 4 or 8 bytes");
    }

    @Test
    void booleans_objlnks_and_times_have_fixed_forms() {
        assertThat(decode("C10401", "/33000/0/4")).isEqualTo(SingleResource.of(4, Value.of(true)));
        assertMalformedAt(() -> decode("C1050A C10402", "/33000/0"), 3, "Boolean");
        assertThat(encode(SingleResource.of(7, Value.of(new io.wisp.core.node.ObjectLink(3, 65535))), "/33000/0/7"))
                .isEqualTo("C4070003FFFF");
        assertMalformedAt(() -> decode("C307000300", "/33000/0/7"), 0, "Objlnk of 4 bytes");
        assertThat(encode(SingleResource.of(6, Value.time(-1)), "/33000/0/6")).isEqualTo("C106FF");
    }

    @Test
    void sixteen_bit_identifiers_and_every_length_field() {
        // 0xE1: resource, 16-bit ID, length 1 in the type byte (the Switch example of many clients: 5850 = 1).
        assertThat(TLV.decode(hex("E116DA01"), LwM2mPath.parse("/3311/0/5850"), ObjectModels.none()))
                .isEqualTo(SingleResource.of(5850, Value.of(new byte[] {1})));
        byte[] big = new byte[300];
        Arrays.fill(big, (byte) 7);
        SingleResource pkg = SingleResource.of(0, Value.of(big));
        String value = HexFormat.of().withUpperCase().formatHex(big);
        assertThat(encode(pkg, "/5/0/0")).isEqualTo("D000012C" + value);
        assertThat(decode("D000012C" + value, "/5/0/0")).isEqualTo(pkg);
        assertThat(decode("D80000012C" + value, "/5/0/0")).isEqualTo(pkg);
        byte[] huge = new byte[70_000];
        byte[] encoded = TLV.encode(SingleResource.of(0, Value.of(huge)), LwM2mPath.parse("/5/0/0"), MODELS);
        assertThat(Arrays.copyOf(encoded, 5)).isEqualTo(hex("D800011170"));
        assertThat(decode("C80103 312E30", "/3/0/1")).isEqualTo(decode("C301312E30", "/3/0/1"));
    }

    @Test
    void a_multiple_resource_comes_wrapped_or_as_bare_instances_and_is_written_wrapped() {
        MultipleResource sources = MultipleResource.of(6, DataType.INTEGER,
                ResourceInstance.of(0, Value.of(1L)), ResourceInstance.of(1, Value.of(5L)));
        assertThat(decode("8606410001410105", "/3/0/6")).isEqualTo(sources);
        assertThat(decode("410001410105", "/3/0/6")).isEqualTo(sources);
        assertThat(encode(sources, "/3/0/6")).isEqualTo("8606410001410105");
        assertThat(decode("", "/3/0/6")).isEqualTo(MultipleResource.of(6, DataType.INTEGER));
        assertThat(encode(MultipleResource.of(6, DataType.INTEGER), "/3/0/6")).isEqualTo("8006");
    }

    @Test
    void a_resource_instance_may_come_inside_its_resource_and_instance_tlvs() {
        ResourceInstance five = ResourceInstance.of(1, Value.of(5L));
        assertThat(decode("410105", "/3/0/6/1")).isEqualTo(five);
        assertThat(decode("8306410105", "/3/0/6/1")).isEqualTo(five);
        assertThat(decode("0500 8306410105", "/3/0/6/1")).isEqualTo(five);
        assertThat(encode(five, "/3/0/6/1")).isEqualTo("410105");
        assertMalformedAt(() -> decode("410205", "/3/0/6/1"), 0, "resource instance 2");
    }

    @Test
    void a_single_resource_may_come_inside_its_instance_tlv_but_not_another_one() {
        assertThat(decode("0300C10964", "/3/0/9")).isEqualTo(SingleResource.of(9, Value.of(100L)));
        assertMalformedAt(() -> decode("0301C10964", "/3/0/9"), 0, "instance 1");
        assertMalformedAt(() -> decode("C10A0F", "/3/0/9"), 0, "resource 10");
        assertMalformedAt(() -> decode("", "/3/0/9"), 0, "no TLV");
        assertMalformedAt(() -> decode("C10964C10A0F", "/3/0/9"), 3, "one TLV");
    }

    @Test
    void without_models_every_value_is_opaque_and_the_structure_stays() {
        ObjectInstance i = (ObjectInstance) TLV.decode(hex(TlvSpecVectorsTest.DEVICE_RESOURCES),
                LwM2mPath.parse("/3/0"), ObjectModels.none());
        assertThat(i.resources()).containsOnlyKeys(0, 1, 2, 3, 6, 7, 8, 9, 10, 11, 13, 14, 16);
        assertThat(i.resource(0)).isEqualTo(SingleResource.of(0,
                Value.of("Open Mobile Alliance".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(i.resource(9)).isEqualTo(SingleResource.of(9, Value.of(new byte[] {100})));
        assertThat(i.resource(7)).isEqualTo(MultipleResource.of(7, DataType.OPAQUE,
                ResourceInstance.of(0, Value.of(hex("0ED8"))), ResourceInstance.of(1, Value.of(hex("1388")))));
    }

    @Test
    void create_without_an_instance_id_is_bare_resources_at_the_object_path() {
        ObjectInstance noId = ObjectInstance.of(ObjectInstance.UNASSIGNED,
                SingleResource.of(0, Value.of(101L)), SingleResource.of(1, Value.of(300L)));
        LwM2mObject create = LwM2mObject.of(1, noId);
        assertThat(encode(create, "/1")).isEqualTo("C10065C201012C");
        assertThat(decode("C10065C201012C", "/1")).isEqualTo(create);
        LwM2mObject mixed = LwM2mObject.of(1, noId, ObjectInstance.of(0, SingleResource.of(0, Value.of(1L))));
        assertThat(TLV.canEncode(mixed, LwM2mPath.parse("/1"))).isFalse();
        assertThatThrownBy(() -> encode(mixed, "/1")).isInstanceOfSatisfying(CodecException.class,
                e -> assertThat(e.kind()).isEqualTo(CodecException.Kind.UNSUPPORTED));
    }

    @Test
    void empty_payloads_are_empty_objects_and_instances() {
        assertThat(decode("", "/3")).isEqualTo(LwM2mObject.of(3));
        assertThat(decode("", "/3/0")).isEqualTo(ObjectInstance.of(0));
        assertThat(decode("0000", "/2")).isEqualTo(LwM2mObject.of(2, ObjectInstance.of(0)));
        assertThat(encode(LwM2mObject.of(2, ObjectInstance.of(0)), "/2")).isEqualTo("0000");
    }

    @Test
    void truncation_and_overruns_are_malformed_at_the_tlv_that_runs_over() {
        assertMalformedAt(() -> decode("C800", "/3/0"), 0, "header needs 3 bytes");
        assertMalformedAt(() -> decode("C10964C801164C", "/3/0"), 3, "runs past the end of the payload");
        assertMalformedAt(() -> decode("0400C10001C1", "/1/0"), 5, "enclosing TLV");
        assertMalformedAt(() -> decode("F000", "/3/0"), 0, "header needs 5 bytes");
    }

    @Test
    void wrong_nesting_duplicates_and_reserved_ids_are_malformed() {
        assertMalformedAt(() -> decode("410001", "/3/0"), 0, "expected resource or multiple resource TLVs");
        assertMalformedAt(() -> decode("0300C10964 0300C10964", "/3"), 5, "instance 0 appears twice");
        assertMalformedAt(() -> decode("C10964C10965", "/3/0"), 3, "resource 9 appears twice");
        assertMalformedAt(() -> decode("8606410001410005", "/3/0/6"), 5, "resource instance 0 appears twice");
        assertMalformedAt(() -> decode("8306C10901", "/3/0/6"), 2, "expected resource instance TLVs");
        assertMalformedAt(() -> decode("E1FFFF01", "/3/0"), 0, "65535 is reserved");
        assertMalformedAt(() -> decode("C10964 0300C10964", "/3"), 3, "expected resource or multiple resource");
        assertMalformedAt(() -> decode("C303FFFEFD", "/3/0/3"), 2, "not valid UTF-8");
    }

    @Test
    void refuses_what_tlv_cannot_carry() {
        assertThat(TLV.canEncode(SingleResource.of(9, Value.of(1L)), LwM2mPath.ROOT)).isFalse();
        assertThat(TLV.canEncode(SingleResource.of(9, Value.of(1L)), LwM2mPath.parse("/3/0"))).isFalse();
        assertThat(TLV.canEncode(SingleResource.of(9, Value.of(1L)), LwM2mPath.parse("/3/0/8"))).isFalse();
        SingleResource lone = SingleResource.of(0, Value.of("a\uD800b"));
        assertThat(TLV.canEncode(lone, LwM2mPath.parse("/3/0/0"))).isFalse();
        assertThatThrownBy(() -> encode(lone, "/3/0/0")).isInstanceOfSatisfying(CodecException.class,
                e -> assertThat(e.reason()).contains("surrogate"));
        SingleResource tooBig = SingleResource.of(0, Value.of(new byte[TlvEncoder.MAX_VALUE_LENGTH + 1]));
        assertThat(TLV.canEncode(tooBig, LwM2mPath.parse("/5/0/0"))).isFalse();
        assertThatThrownBy(() -> encode(tooBig, "/5/0/0")).isInstanceOfSatisfying(CodecException.class,
                e -> assertThat(e.kind()).isEqualTo(CodecException.Kind.UNSUPPORTED));
        assertThatThrownBy(() -> TLV.decode(new byte[0], LwM2mPath.ROOT, MODELS))
                .isInstanceOfSatisfying(CodecException.class,
                        e -> assertThat(e.kind()).isEqualTo(CodecException.Kind.UNSUPPORTED));
    }
}
