package io.wisp.core.testing;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.Operations;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ObjectLink;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators shared by the codec tests: typed values, random object models, and node trees that agree with
 * their model, addressed at every depth. A format that cannot carry some shape (empty instances, empty multiple
 * resources, certain types) filters with {@link Options}.
 */
public final class NodeArbitraries {
    private NodeArbitraries() {
    }

    /** What a format can carry. */
    public record Options(Set<DataType> types, boolean emptyContainers, int maxInstances) {
        public static Options all() {
            return new Options(EnumSet.complementOf(EnumSet.of(DataType.NONE)), true, 3);
        }

        public Options withoutEmptyContainers() {
            return new Options(types, false, maxInstances);
        }

        public Options withTypes(Set<DataType> only) {
            return new Options(EnumSet.copyOf(only), emptyContainers, maxInstances);
        }
    }

    /** A node at a path, and the models that type it. */
    public record Sample(ObjectModels models, ObjectModel model, LwM2mPath path, LwM2mNode node) {
        @Override
        public String toString() {
            return path + " = " + node;
        }
    }

    /** Values of one type; floats finite, strings of valid Unicode, times within ±2^40 s. */
    public static Arbitrary<Value> values(DataType type) {
        return switch (type) {
            case STRING -> strings().map(Value::of);
            case INTEGER -> Arbitraries.longs().map(Value::of);
            case UNSIGNED_INTEGER -> Arbitraries.longs().map(Value::unsigned);
            case FLOAT -> Arbitraries.oneOf(
                    Arbitraries.doubles().filter(Double::isFinite),
                    Arbitraries.of(0.0, -1.5, 1e300, -2.25e-300, 3.4028234663852886E38, 0.1),
                    Arbitraries.floats().filter(Float::isFinite).map(f -> (double) f)).map(Value::of);
            case BOOLEAN -> Arbitraries.of(true, false).map(Value::of);
            case OPAQUE -> Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(Value::of);
            case TIME -> Arbitraries.longs().between(-(1L << 40), 1L << 40).map(Value::time);
            case OBJLNK -> Combinators.combine(Arbitraries.integers().between(0, 65535),
                    Arbitraries.integers().between(0, 65535)).as((o, i) -> Value.of(new ObjectLink(o, i)));
            case CORELNK -> Arbitraries.of("</3/0>", "</1/0>;ssid=1,</3/0/9>", "<coap://x/y>;rt=\"a b\"", "")
                    .map(Value::corelnk);
            case NONE -> throw new IllegalArgumentException("NONE has no values");
        };
    }

    private static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(12),
                Arbitraries.of("", "Wisp", "ünïcødé ✓", "quote\"back\\slash", "日本語", "emoji 🙂"))
                .filter(NodeArbitraries::isValidUnicode);
    }

    private static boolean isValidUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A random object model: 1..8 resources of the allowed types, single or multiple, readable and writable. */
    public static Arbitrary<ObjectModel> models(Options options) {
        Arbitrary<ResourceModel> resource = Combinators.combine(
                Arbitraries.integers().between(0, 30).injectDuplicates(0.0),
                Arbitraries.of(options.types()),
                Arbitraries.of(true, false)).as((id, type, multiple) ->
                ResourceModel.of(id, "Res " + id, Operations.READ_WRITE, multiple, false, type));
        return Combinators.combine(
                Arbitraries.integers().between(1, 65534),
                resource.list().ofMinSize(1).ofMaxSize(8).uniqueElements(ResourceModel::id),
                Arbitraries.of(true, false)).as((id, resources, multiple) -> new ObjectModel(id, "Obj " + id, "",
                "", multiple, false, "urn:oma:lwm2m:x:" + id, Version.V1_0, Version.V1_1,
                "", ObjectModel.byId(resources)));
    }

    /** A node of any depth agreeing with a random model, at its path. */
    public static Arbitrary<Sample> samples(Options options) {
        return models(options).flatMap(model -> Arbitraries.integers().between(1, 4)
                .flatMap(depth -> sampleAt(model, depth, options)));
    }

    /** A node at a given depth (1 = object .. 4 = resource instance) agreeing with the model. */
    public static Arbitrary<Sample> sampleAt(ObjectModel model, int depth, Options options) {
        ObjectModels models = ObjectModels.of(List.of(model));
        return switch (depth) {
            case 1 -> object(model, options).map(o -> new Sample(models, model, LwM2mPath.of(model.id()), o));
            case 2 -> instance(model, options).map(i ->
                    new Sample(models, model, LwM2mPath.of(model.id(), i.id()), i));
            case 3 -> Combinators.combine(Arbitraries.integers().between(0, 65534),
                    Arbitraries.of(List.copyOf(model.resources().values())).flatMap(r -> resource(r, options)))
                    .as((iid, r) -> new Sample(models, model, LwM2mPath.of(model.id(), iid, r.id()), r));
            default -> {
                List<ResourceModel> multiples = model.resources().values().stream()
                        .filter(ResourceModel::multiple).toList();
                if (multiples.isEmpty()) {
                    yield sampleAt(model, 3, options);
                }
                yield Combinators.combine(Arbitraries.integers().between(0, 65534),
                        Arbitraries.of(multiples).flatMap(r -> resourceInstance(r.type()).map(ri ->
                                new Object[] {r, ri}))).as((iid, pair) -> {
                    ResourceModel r = (ResourceModel) pair[0];
                    ResourceInstance ri = (ResourceInstance) pair[1];
                    return new Sample(models, model, LwM2mPath.of(model.id(), iid, r.id(), ri.id()), ri);
                });
            }
        };
    }

    public static Arbitrary<LwM2mObject> object(ObjectModel model, Options options) {
        int min = options.emptyContainers() ? 0 : 1;
        return instance(model, options).list().ofMinSize(min).ofMaxSize(options.maxInstances())
                .uniqueElements(ObjectInstance::id).map(list -> LwM2mObject.of(model.id(), list));
    }

    public static Arbitrary<ObjectInstance> instance(ObjectModel model, Options options) {
        List<ResourceModel> resources = List.copyOf(model.resources().values());
        int min = options.emptyContainers() ? 0 : 1;
        return Combinators.combine(Arbitraries.integers().between(0, 65534),
                Arbitraries.subsetOf(resources).ofMinSize(min)
                        .flatMap(subset -> Combinators.combine(subset.stream().map(r -> resource(r, options))
                                .toList()).as(ArrayList::new)))
                .as((id, rs) -> ObjectInstance.of(id, new ArrayList<LwM2mResource>(rs)));
    }

    public static Arbitrary<LwM2mResource> resource(ResourceModel r, Options options) {
        if (!r.multiple()) {
            return values(r.type()).map(v -> SingleResource.of(r.id(), v));
        }
        int min = options.emptyContainers() ? 0 : 1;
        return resourceInstance(r.type()).list().ofMinSize(min).ofMaxSize(options.maxInstances())
                .uniqueElements(ResourceInstance::id)
                .map(list -> MultipleResource.of(r.id(), r.type(), list));
    }

    public static Arbitrary<ResourceInstance> resourceInstance(DataType type) {
        return Combinators.combine(Arbitraries.integers().between(0, 65534), values(type))
                .as(ResourceInstance::of);
    }

    /** Models as a map, for tests that combine several objects. */
    public static TreeMap<Integer, ObjectModel> byId(List<ObjectModel> models) {
        TreeMap<Integer, ObjectModel> map = new TreeMap<>();
        models.forEach(m -> map.put(m.id(), m));
        return map;
    }
}
