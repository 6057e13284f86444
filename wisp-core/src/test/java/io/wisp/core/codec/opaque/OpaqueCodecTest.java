package io.wisp.core.codec.opaque;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.CodecTestModels;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * application/octet-stream (Core TS §7.4.2) carries the bytes of one Opaque value. Every byte string is a valid
 * Opaque value, so there is no decoder to fuzz: the property below covers arbitrary bytes.
 */
class OpaqueCodecTest {
    private static final ObjectModels MODELS = CodecTestModels.all();
    private static final OpaqueCodec OPAQUE = OpaqueCodec.INSTANCE;
    private static final LwM2mPath PACKAGE = LwM2mPath.parse("/5/0/0");

    @Property(tries = 300)
    void any_bytes_are_the_opaque_value_both_ways(@ForAll @Size(max = 300) byte[] image, @ForAll boolean models) {
        SingleResource pkg = SingleResource.of(0, Value.of(image));
        assertThat(OPAQUE.encode(pkg, PACKAGE, MODELS)).isEqualTo(image);
        assertThat(OPAQUE.decode(image, PACKAGE, models ? MODELS : ObjectModels.none())).isEqualTo(pkg);
    }

    @Test
    void a_resource_instance_of_an_opaque_multiple_resource() {
        LwM2mPath p = LwM2mPath.parse("/33000/0/15/3");
        ResourceInstance ri = ResourceInstance.of(3, Value.of(new byte[] {9, 8}));
        assertThat(OPAQUE.decode(new byte[] {9, 8}, p, MODELS)).isEqualTo(ri);
        assertThat(OPAQUE.encode(ri, p, MODELS)).containsExactly(9, 8);
    }

    @Test
    void other_types_and_shapes_are_unsupported_both_ways() {
        SingleResource text = SingleResource.of(1, Value.of("coap://fw"));
        assertThat(OPAQUE.canEncode(text, LwM2mPath.parse("/5/0/1"))).isFalse();
        assertUnsupported(() -> OPAQUE.encode(text, LwM2mPath.parse("/5/0/1"), MODELS), "carries Opaque values only");
        assertUnsupported(() -> OPAQUE.decode(new byte[] {1}, LwM2mPath.parse("/5/0/1"), MODELS), "/5/0/1 is String");
        ObjectInstance i = ObjectInstance.of(0, SingleResource.of(0, Value.of(new byte[0])));
        assertThat(OPAQUE.canEncode(i, LwM2mPath.parse("/5/0"))).isFalse();
        assertUnsupported(() -> OPAQUE.decode(new byte[] {1}, LwM2mPath.parse("/5/0"), MODELS), "single value");
    }

    private static void assertUnsupported(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String part) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CodecException.class, e -> {
            assertThat(e.kind()).isEqualTo(CodecException.Kind.UNSUPPORTED);
            assertThat(e.reason()).contains(part);
        });
    }
}
