package io.wisp.core.model.validate;

import static io.wisp.core.model.validate.SampleDdf.ruleIds;
import static io.wisp.core.model.validate.SampleDdf.validate;
import static io.wisp.core.model.validate.SampleDdf.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Object ID classes, URNs, versions and resource IDs. */
class IdentifierRulesTest {

    private static List<Finding> withId(int id, String urn) {
        return validate(with("<ObjectID>10241</ObjectID>", "<ObjectID>" + id + "</ObjectID>",
                "urn:oma:lwm2m:x:10241:1.1", urn));
    }

    @ParameterizedTest
    @CsvSource({
        "0, urn:oma:lwm2m:oma:0:1.1, ''",
        "1023, urn:oma:lwm2m:oma:1023:1.1, ''",
        "1024, urn:oma:lwm2m:x:1024:1.1, object.id.reserved",
        "2047, urn:oma:lwm2m:x:2047:1.1, object.id.reserved",
        "2048, urn:oma:lwm2m:ext:2048:1.1, ''",
        "10240, urn:oma:lwm2m:ext:10240:1.1, ''",
        "10241, urn:oma:lwm2m:x:10241:1.1, ''",
        "26241, urn:oma:lwm2m:x:26241:1.1, ''",
        "32768, urn:oma:lwm2m:x:32768:1.1, ''",
        "32769, urn:oma:lwm2m:x:32769:1.1, ''",
        "42768, urn:oma:lwm2m:x:42768:1.1, ''",
        "42769, urn:oma:lwm2m:x:42769:1.1, object.id.test",
        "42800, urn:oma:lwm2m:x:42800:1.1, object.id.test",
        "42801, urn:oma:lwm2m:x:42801:1.1, object.id.reserved",
        "65535, urn:oma:lwm2m:x:65535:1.1, object.id.reserved",
    })
    void object_id_classes(int id, String urn, String expectedRule) {
        List<Finding> findings = withId(id, urn);
        if (expectedRule.isEmpty()) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(ruleIds(findings)).containsExactly(expectedRule);
            assertThat(findings.get(0).severity()).isEqualTo(expectedRule.equals("object.id.test")
                    ? Severity.WARNING : Severity.ERROR);
        }
    }

    @Test
    void the_urn_label_must_match_the_id_class() {
        List<Finding> findings = withId(3303, "urn:oma:lwm2m:x:3303:1.1");
        assertThat(ruleIds(findings)).containsExactly("urn.label");
        assertThat(findings.get(0).fix()).isEqualTo("write urn:oma:lwm2m:ext:3303:1.1");
        assertThat(ruleIds(withId(5, "urn:oma:lwm2m:ext:5:1.1"))).containsExactly("urn.label");
    }

    @Test
    void the_urn_id_must_be_the_object_id() {
        assertThat(ruleIds(withId(10241, "urn:oma:lwm2m:x:10242:1.1"))).containsExactly("urn.id");
    }

    @ParameterizedTest
    @CsvSource({"urn:oma:lwm2m:x", "urn:oma:lwm2m:y:10241:1.1", "URN:OMA:LWM2M:X:10241:1.1",
                "urn:oma:lwm2m:x:10241:1", "urn:oma:lwm2m:x:10241:1.1:extra", "''"})
    void malformed_urns(String urn) {
        List<Finding> findings = withId(10241, urn);
        assertThat(ruleIds(findings)).containsExactly("urn.syntax");
        assertThat(findings.get(0).fix()).isEqualTo("write urn:oma:lwm2m:x:10241:1.1");
    }

    @Test
    void the_urn_version_follows_the_object_version() {
        assertThat(ruleIds(withId(10241, "urn:oma:lwm2m:x:10241"))).containsExactly("urn.version");
        assertThat(ruleIds(withId(10241, "urn:oma:lwm2m:x:10241:1.2"))).containsExactly("urn.version");
        String v10 = with("<ObjectVersion>1.1</ObjectVersion>", "<ObjectVersion>1.0</ObjectVersion>",
                "urn:oma:lwm2m:x:10241:1.1", "urn:oma:lwm2m:x:10241");
        assertThat(validate(v10)).isEmpty();
        List<Finding> redundant = validate(v10.replace("urn:oma:lwm2m:x:10241<", "urn:oma:lwm2m:x:10241:1.0<"));
        assertThat(redundant).extracting(Finding::ruleId, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("urn.version.redundant", Severity.WARNING));
    }

    @Test
    void an_absent_object_version_means_1_0() {
        String xml = with("    <ObjectVersion>1.1</ObjectVersion>\n", "");
        assertThat(ruleIds(validate(xml))).containsExactly("urn.version");
        assertThat(validate(xml.replace("urn:oma:lwm2m:x:10241:1.1", "urn:oma:lwm2m:x:10241"))).isEmpty();
    }

    @Test
    void versions_are_major_dot_minor_and_lwm2m_versions_are_published_ones() {
        assertThat(ruleIds(validate(with("<ObjectVersion>1.1</ObjectVersion>", "<ObjectVersion>1.1.0</ObjectVersion>"))))
                .containsExactly("version.syntax");
        assertThat(ruleIds(validate(with("<LWM2MVersion>1.1</LWM2MVersion>", "<LWM2MVersion>v1</LWM2MVersion>"))))
                .containsExactly("version.syntax");
        assertThat(validate(with("<LWM2MVersion>1.1</LWM2MVersion>", "<LWM2MVersion>1.3</LWM2MVersion>")))
                .extracting(Finding::ruleId, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("version.lwm2m.unknown", Severity.WARNING));
        assertThat(validate(with("<LWM2MVersion>1.1</LWM2MVersion>", "<LWM2MVersion>1.2</LWM2MVersion>"))).isEmpty();
    }

    @Test
    void an_empty_version_element_counts_as_absent() {
        String xml = with("<ObjectVersion>1.1</ObjectVersion>", "<ObjectVersion />",
                "urn:oma:lwm2m:x:10241:1.1", "urn:oma:lwm2m:x:10241");
        assertThat(validate(xml)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"3, ''", "2047, ''", "2048, ''", "26240, ''", "26241, ''", "32768, ''",
                "32769, resource.id.reserved", "65535, resource.id.reserved"})
    void resource_id_classes(int id, String expectedRule) {
        List<Finding> findings = validate(with("<Item ID=\"2\">", "<Item ID=\"" + id + "\">"));
        if (expectedRule.isEmpty()) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(ruleIds(findings)).containsExactly(expectedRule);
        }
    }

    @Test
    void resource_ids_are_unique() {
        List<Finding> findings = validate(with("<Item ID=\"2\">", "<Item ID=\"0\">"));
        assertThat(ruleIds(findings)).containsExactly("resource.id.duplicate");
        assertThat(findings.get(0).message()).contains("Sample Count").contains("Sensor Value");
    }
}
