package io.wisp.client.testing;

import io.wisp.core.model.ResourceModel;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of typed values and of resources that fit a resource model. */
public final class ValueArbitraries {
    private ValueArbitraries() {
    }

    /** Values of a type: finite floats, printable and non-ASCII text, opaque up to 40 bytes, times within ±2^40 s. */
    public static Arbitrary<Value> values(DataType type) {
        switch (type) {
            case STRING:
                return text().map(Value::of);
            case INTEGER:
                return Arbitraries.longs().map(Value::of);
            case UNSIGNED_INTEGER:
                return Arbitraries.longs().map(Value::unsigned);
            case FLOAT:
                return Arbitraries.oneOf(Arbitraries.doubles().filter(Double::isFinite),
                        Arbitraries.of(0.0, -1.5, 21.25, 1e300, 0.1)).map(Value::of);
            case BOOLEAN:
                return Arbitraries.of(true, false).map(Value::of);
            case OPAQUE:
                return Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(Value::of);
            case TIME:
                return Arbitraries.longs().between(-(1L << 40), 1L << 40).map(Value::time);
            case OBJLNK:
                return Combinators.combine(Arbitraries.integers().between(0, 65535),
                        Arbitraries.integers().between(0, 65535)).as((o, i) -> Value.of(new ObjectLink(o, i)));
            case CORELNK:
                return Arbitraries.of("</3/0>", "</1/0>;ssid=1,</3/0/9>", "").map(Value::corelnk);
            default:
                throw new IllegalArgumentException("no values of " + type);
        }
    }

    /** A resource node for a resource model: one value, or up to three instances with IDs below 100. */
    public static Arbitrary<LwM2mResource> resource(ResourceModel model) {
        Arbitrary<Value> values = values(model.type());
        if (!model.multiple()) {
            return values.map(v -> SingleResource.of(model.id(), v));
        }
        Arbitrary<ResourceInstance> instance = Combinators.combine(Arbitraries.integers().between(0, 99), values)
                .as(ResourceInstance::of);
        return instance.list().ofMaxSize(3).uniqueElements(ResourceInstance::id)
                .map(list -> MultipleResource.of(model.id(), model.type(), list));
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("äé€漢\n").ofMaxLength(24);
    }
}
