package io.wisp.core.model.ddf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.Operations;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.node.DataType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DdfWriterTest {

    static ObjectModel model(Version lwm2m, String license, ResourceModel... resources) {
        return new ObjectModel(30000, "Sample Object", "First description.", "", true, false,
                "urn:oma:lwm2m:x:30000", Version.V1_0, lwm2m, license, ObjectModel.byId(List.of(resources)));
    }

    static ResourceModel resource(int id, DataType type, String description) {
        return new ResourceModel(id, "Res " + id, Operations.READ, false, true, type, "", "", description, List.of());
    }

    static String text(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }

    @Test
    void a_1_0_object_names_lwm2m_xsd_and_validates_against_both_schemas() throws Exception {
        byte[] xml = DdfWriter.write(model(Version.V1_0, "", resource(0, DataType.INTEGER, "")));
        assertThat(text(xml)).contains("xsi:noNamespaceSchemaLocation=\"" + DdfWriter.SCHEMA_1_0 + "\"");
        assertThat(XsdCheck.registry(false).errors(xml)).isEmpty();
        assertThat(XsdCheck.registry(true).errors(xml)).isEmpty();
    }

    @Test
    void a_1_1_type_or_version_names_lwm2m_v1_1_xsd() throws Exception {
        byte[] newType = DdfWriter.write(model(Version.V1_0, "", resource(0, DataType.UNSIGNED_INTEGER, "")));
        assertThat(text(newType)).contains(DdfWriter.SCHEMA_1_1);
        assertThat(XsdCheck.registry(true).errors(newType)).isEmpty();
        assertThat(XsdCheck.registry(false).errors(newType)).get().asString().contains("Unsigned Integer");
        byte[] newVersion = DdfWriter.write(model(Version.V1_1, "", resource(0, DataType.STRING, "")));
        assertThat(text(newVersion)).contains(DdfWriter.SCHEMA_1_1);
        assertThat(XsdCheck.registry(false).errors(newVersion)).as("no 1.1 type: still valid for 1.0").isEmpty();
    }

    @Test
    void escapes_markup_and_keeps_line_ends_exactly() throws Exception {
        String awkward = "a < b && c > d ]]> \"q\" 'a'\r\nnext\rline\ttab é 中 \uD83D\uDE00";
        ObjectModel m = model(Version.V1_0, " Copyright <me> & \"others\"\n ",
                resource(0, DataType.STRING, awkward));
        byte[] xml = DdfWriter.write(m);
        assertThat(text(xml)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<!-- Copyright <me> & \"others\"\n -->").contains("&#13;");
        assertThat(XsdCheck.registry(false).errors(xml)).isEmpty();
        DdfReadResult back = DdfReader.read(xml, "awkward.xml");
        assertThat(back.problems()).isEmpty();
        assertThat(back.models()).containsExactly(m);
    }

    @Test
    void writes_several_objects_in_one_file() throws Exception {
        ObjectModel a = model(Version.V1_0, "L", resource(0, DataType.TIME, ""));
        ObjectModel b = new ObjectModel(30001, "Other", "", "", false, true, "", new Version(2, 0), Version.V1_2,
                "L", ObjectModel.byId(List.of(resource(4, DataType.CORELNK, "x"))));
        byte[] xml = DdfWriter.write(List.of(a, b));
        assertThat(XsdCheck.registry(true).errors(xml)).isEmpty();
        assertThat(DdfReader.read(xml, "two.xml").models()).containsExactly(a, b);
    }

    @Test
    void refuses_characters_xml_cannot_hold_naming_the_field() {
        ObjectModel control = model(Version.V1_0, "", resource(5, DataType.STRING, "bell\u0007"));
        assertThatThrownBy(() -> DdfWriter.write(control)).isInstanceOfSatisfying(DdfWriteException.class, e -> {
            assertThat(e.field()).isEqualTo("object 30000 resource 5 Description");
            assertThat(e.reason()).contains("U+0007").contains("index 4");
        });
        ObjectModel surrogate = new ObjectModel(30000, "Bad \uD800 name", "", "", true, false, "", null, null, "",
                ObjectModel.byId(List.of(resource(0, DataType.STRING, ""))));
        assertThatThrownBy(() -> DdfWriter.write(surrogate)).isInstanceOf(DdfWriteException.class)
                .hasMessageContaining("object 30000 Name").hasMessageContaining("unpaired surrogate U+D800");
        ObjectModel nonChar = model(Version.V1_0, "", resource(1, DataType.STRING, "\uFFFE"));
        assertThatThrownBy(() -> DdfWriter.write(nonChar)).hasMessageContaining("U+FFFE");
    }

    @Test
    void refuses_a_license_an_xml_comment_cannot_carry() {
        ResourceModel r = resource(0, DataType.STRING, "");
        assertThatThrownBy(() -> DdfWriter.write(model(Version.V1_0, "a -- b", r)))
                .isInstanceOf(DdfWriteException.class).hasMessageContaining("'--'");
        assertThatThrownBy(() -> DdfWriter.write(model(Version.V1_0, "ends with -", r)))
                .isInstanceOf(DdfWriteException.class).hasMessageContaining("ends with '-'");
        assertThatThrownBy(() -> DdfWriter.write(model(Version.V1_0, "line\r\nend", r)))
                .isInstanceOf(DdfWriteException.class).hasMessageContaining("CR");
        ObjectModel other = new ObjectModel(30001, "O", "", "", true, false, "", null, null, "another",
                ObjectModel.byId(List.of(r)));
        assertThatThrownBy(() -> DdfWriter.write(List.of(model(Version.V1_0, "one", r), other)))
                .isInstanceOf(DdfWriteException.class).hasMessageContaining("share one license");
    }

    @Test
    void refuses_what_the_schema_cannot_hold() {
        ObjectModel empty = new ObjectModel(30000, "Empty", "", "", true, false, "", null, null, "", new TreeMap<>());
        assertThatThrownBy(() -> DdfWriter.write(empty)).isInstanceOf(DdfWriteException.class)
                .hasMessageContaining("no resources");
        assertThatThrownBy(() -> DdfWriter.write(List.of())).isInstanceOf(DdfWriteException.class);
    }
}
