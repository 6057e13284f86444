package io.wisp.core.model.ddf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever the writer writes, the reader reads back; whatever it cannot write exactly, it refuses. */
class DdfRoundTripPropertyTest {
    private static XsdCheck xsd;

    @BeforeContainer
    static void schema() throws Exception {
        xsd = SharedData.sharedDirOrNull() == null ? null : XsdCheck.registry(true);
    }

    @Property(tries = 300)
    void models_with_awkward_texts_and_arguments_survive_write_then_read(@ForAll("models") ObjectModel model)
            throws Exception {
        byte[] xml = DdfWriter.write(model);
        DdfReadResult back = DdfReader.read(xml, "generated.xml");
        assertThat(back.models()).containsExactly(DdfArbitraries.asRead(model));
        // The only problems a written file can have are those the model itself holds, which the schema allows: a
        // non-executable resource without a type, two arguments of one resource with the same order.
        assertThat(back.problems()).allSatisfy(p -> assertThat(p.message())
                .containsAnyOf("not executable needs", "two arguments with order"));
        if (xsd != null) {
            assertThat(xsd.errors(xml)).isEmpty();
        }
    }

    @Property(tries = 100)
    void several_objects_with_one_license_survive_in_one_file(@ForAll("sameLicense") List<ObjectModel> models) {
        List<ObjectModel> back = DdfReader.read(DdfWriter.write(models), "several.xml").models();
        assertThat(back).containsExactlyElementsOf(models.stream().map(DdfArbitraries::asRead).toList());
    }

    @Property(tries = 200)
    void a_character_xml_cannot_hold_is_refused_never_written(@ForAll("models") ObjectModel model,
                                                              @ForAll("unwritable") char bad,
                                                              @ForAll @IntRange(max = 3) int where) {
        ObjectModel spoiled = spoil(model, String.valueOf(bad), where);
        assertThatThrownBy(() -> DdfWriter.write(spoiled)).isInstanceOf(DdfWriteException.class)
                .hasMessageContaining(String.format("U+%04X", (int) bad));
    }

    @Provide
    Arbitrary<ObjectModel> models() {
        return DdfArbitraries.models(DdfArbitraries.licenses());
    }

    @Provide
    Arbitrary<List<ObjectModel>> sameLicense() {
        return DdfArbitraries.licenses().flatMap(license -> DdfArbitraries.models(Arbitraries.just(license)).list()
                .ofMinSize(1).ofMaxSize(4));
    }

    /** Control characters other than tab, LF and CR; the two non-characters; unpaired surrogates. */
    @Provide
    Arbitrary<Character> unwritable() {
        return Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u0008'), Arbitraries.of('\u000B', '\u000C'),
                Arbitraries.chars().range('\u000E', '\u001F'), Arbitraries.of('\uFFFE', '\uFFFF'),
                Arbitraries.chars().range('\uD800', '\uDFFF'));
    }

    /** The model with the bad text put into one of its texts (its name, a description, an argument's name). */
    private static ObjectModel spoil(ObjectModel m, String bad, int where) {
        ResourceModel r = m.resources().values().iterator().next();
        TreeMap<Integer, ResourceModel> resources = new TreeMap<>(m.resources());
        String name = m.name();
        String description2 = m.description2();
        switch (where) {
            case 0 -> name = name + bad;
            case 1 -> description2 = bad + description2;
            case 2 -> resources.put(r.id(), new ResourceModel(r.id(), r.name(), r.operations(), r.multiple(),
                    r.mandatory(), r.type(), r.rangeEnumeration(), r.units(), "x" + bad + "y", r.arguments()));
            default -> {
                List<io.wisp.core.model.ArgumentModel> args = new ArrayList<>(r.arguments());
                args.add(new io.wisp.core.model.ArgumentModel(9, bad, io.wisp.core.node.DataType.STRING, "", "",
                        ""));
                resources.put(r.id(), new ResourceModel(r.id(), r.name(), r.operations(), r.multiple(),
                        r.mandatory(), r.type(), r.rangeEnumeration(), r.units(), r.description(), args));
            }
        }
        return new ObjectModel(m.id(), name, m.description(), description2, m.multiple(), m.mandatory(), m.urn(),
                m.objectVersion(), m.lwm2mVersion(), m.license(), resources);
    }
}
