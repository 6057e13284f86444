package io.wisp.core.model.ddf;

import io.wisp.core.model.ArgumentModel;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.Operations;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.node.DataType;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random object models for the DDF round-trip properties, with texts built to be awkward: XML markup, quotes,
 * backslashes, CR, LF, tab, blanks at the ends, the argument block's end marker, CDATA's end, non-ASCII letters and
 * characters outside the BMP. Every character is one XML 1.0 can hold; the writer refuses the others (see
 * {@link DdfWriter}) and a separate property checks that.
 */
final class DdfArbitraries {
    private DdfArbitraries() {
    }

    /** A text of 0..12 pieces: single characters from the whole XML range, and awkward snippets. */
    static Arbitrary<String> texts() {
        Arbitrary<String> bmpChar = Arbitraries.chars().range(' ', '\uD7FF').map(String::valueOf);
        Arbitrary<String> highBmp = Arbitraries.chars().range('\uE000', '\uFFFD').map(String::valueOf);
        Arbitrary<String> astral = Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString);
        Arbitrary<String> snippet = Arbitraries.of("<", ">", "&", "&amp;", "\"", "'", "\\", "\\\"", "\n", "\r", "\r\n",
                "\t", " ", "  ", "]]>", "<!--", "-->", "=", "name=\"x\"", ArgumentsBlock.END, "\n" + ArgumentsBlock.END
                + "\n", "é", "中文", "\uD83D\uDE00", "<![CDATA[", "&#13;", "resource=1 order=0");
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.chars().alpha().map(String::valueOf)),
                net.jqwik.api.Tuple.of(2, bmpChar), net.jqwik.api.Tuple.of(1, highBmp),
                net.jqwik.api.Tuple.of(1, astral), net.jqwik.api.Tuple.of(4, snippet));
        return piece.list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    /** A license an XML comment can carry exactly: no CR, no "--", no final "-". */
    static Arbitrary<String> licenses() {
        return texts().map(t -> t.replace("\r", "")).filter(t -> !t.contains("--") && !t.endsWith("-"));
    }

    static Arbitrary<ArgumentModel> arguments() {
        return Combinators.combine(Arbitraries.integers().between(0, 9), texts(), Arbitraries.of(DataType.class),
                texts(), texts(), texts()).as(ArgumentModel::new);
    }

    static Arbitrary<ResourceModel> resources() {
        return Combinators.combine(Arbitraries.integers().between(0, 65534), texts(),
                Arbitraries.of(Operations.class), Arbitraries.of(true, false).list().ofSize(2),
                Arbitraries.of(DataType.class), texts().list().ofSize(3), arguments().list().ofMaxSize(3))
                .as((id, name, operations, flags, type, t, args) -> new ResourceModel(id, name, operations,
                        flags.get(0), flags.get(1), type, t.get(0), t.get(1), t.get(2), args));
    }

    static Arbitrary<Version> versions() {
        return Combinators.combine(Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 20))
                .as(Version::new);
    }

    /** An object with 1..6 resources (the schema needs at least one) and a Description2 free of the block marker. */
    static Arbitrary<ObjectModel> models(Arbitrary<String> license) {
        Arbitrary<List<ResourceModel>> resources = resources().list().ofMinSize(1).ofMaxSize(6)
                .uniqueElements(ResourceModel::id);
        return Combinators.combine(Arbitraries.integers().between(0, 65534), texts().list().ofSize(4),
                Arbitraries.of(true, false).list().ofSize(2), versions(), versions(), license, resources)
                .as((id, t, flags, version, lwm2m, lic, res) -> new ObjectModel(id, t.get(0), t.get(1), t.get(2),
                        flags.get(0), flags.get(1), t.get(3), version, lwm2m, lic, ObjectModel.byId(res)));
    }

    /**
     * The model as the reader gives it back: {@code Name}, {@code ObjectURN}, {@code RangeEnumeration} and
     * {@code Units} lose the XML blanks around them, as {@link DdfReader} documents; nothing else changes.
     */
    static ObjectModel asRead(ObjectModel m) {
        List<ResourceModel> resources = m.resources().values().stream().map(r -> new ResourceModel(r.id(),
                trim(r.name()), r.operations(), r.multiple(), r.mandatory(), r.type(), trim(r.rangeEnumeration()),
                trim(r.units()), r.description(), r.arguments())).collect(Collectors.toList());
        return new ObjectModel(m.id(), trim(m.name()), m.description(), m.description2(), m.multiple(),
                m.mandatory(), trim(m.urn()), m.objectVersion(), m.lwm2mVersion(), m.license(),
                ObjectModel.byId(resources));
    }

    private static String trim(String s) {
        return s.replaceAll("^[ \t\r\n]+|[ \t\r\n]+$", "");
    }
}
