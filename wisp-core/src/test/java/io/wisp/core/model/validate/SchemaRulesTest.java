package io.wisp.core.model.validate;

import static io.wisp.core.model.validate.SampleDdf.lineOf;
import static io.wisp.core.model.validate.SampleDdf.ruleIds;
import static io.wisp.core.model.validate.SampleDdf.validate;
import static io.wisp.core.model.validate.SampleDdf.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaRulesTest {

    @Test
    void a_missing_required_element_is_an_error_at_its_parent() {
        String xml = with("        <Operations>R</Operations>\n", "");
        List<Finding> findings = validate(xml);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("schema.missing");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("<Operations>").contains("resource 0");
            assertThat(f.line()).isEqualTo(lineOf(xml, "<Item ID=\"0\">"));
        });
    }

    @Test
    void missing_object_elements_and_attribute_are_errors() {
        assertThat(ruleIds(validate(with("<Object ObjectType=\"MODefinition\">", "<Object>"))))
                .containsExactly("schema.missing");
        assertThat(validate(with("    <ObjectURN>urn:oma:lwm2m:x:10241:1.1</ObjectURN>\n", "")))
                .extracting(Finding::ruleId, Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("schema.missing",
                        "<Object> lacks the required element <ObjectURN>"));
    }

    @Test
    void a_missing_element_that_may_be_empty_is_only_a_warning() {
        List<Finding> findings = validate(with("        <RangeEnumeration>-40..125</RangeEnumeration>\n", "",
                "    <Description2></Description2>\n", ""));
        assertThat(findings).extracting(Finding::ruleId).containsExactly("schema.missing-empty",
                "schema.missing-empty");
        assertThat(findings).allMatch(f -> f.severity() == Severity.WARNING);
    }

    @Test
    void values_outside_the_schema_enumerations_are_errors() {
        String xml = with("<MultipleInstances>Multiple</MultipleInstances>",
                "<MultipleInstances>multiple</MultipleInstances>", "<Operations>RW</Operations>",
                "<Operations>RWE</Operations>");
        List<Finding> findings = validate(xml);
        assertThat(ruleIds(findings)).containsExactly("schema.value", "schema.value");
        assertThat(findings.get(0).line()).isEqualTo(lineOf(xml, "multiple"));
        assertThat(findings.get(1).value()).isEqualTo("RWE");
    }

    @Test
    void blanks_around_enumerated_values_are_tolerated() {
        assertThat(validate(with("<Mandatory>Optional</Mandatory>", "<Mandatory>\n  Optional\n</Mandatory>")))
                .isEmpty();
    }

    @Test
    void ids_that_are_not_unsigned_shorts_are_errors() {
        assertThat(ruleIds(validate(with("<ObjectID>10241</ObjectID>", "<ObjectID>ten</ObjectID>"))))
                .containsExactly("schema.value");
        assertThat(ruleIds(validate(with("<Item ID=\"2\">", "<Item ID=\"70000\">")))).containsExactly("schema.value");
        assertThat(ruleIds(validate(with("<Item ID=\"2\">", "<Item>")))).containsExactly("schema.missing");
        assertThat(validate(with("<ObjectID>10241</ObjectID>", "<ObjectID>0000010241</ObjectID>"))).isEmpty();
    }

    @Test
    void repeated_and_unknown_elements_are_reported() {
        String xml = with("<Name>Sensor Value</Name>", "<Name>Sensor Value</Name><Name>Other</Name>",
                "<Units>Cel</Units>", "<Units>Cel</Units><Colour>red</Colour>");
        List<Finding> findings = validate(xml);
        assertThat(findings).extracting(Finding::ruleId, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("schema.duplicate", Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple("schema.unknown", Severity.WARNING));
    }

    @Test
    void resources_without_items_are_an_error() {
        String xml = SampleDdf.VALID.replaceAll("(?s)<Resources>.*</Resources>", "<Resources></Resources>");
        assertThat(ruleIds(validate(xml))).containsExactly("schema.missing");
    }

    @Test
    void elements_in_any_order_are_accepted() {
        String xml = with("        <Name>Sensor Value</Name>\n        <Operations>R</Operations>\n",
                "        <Operations>R</Operations>\n        <Name>Sensor Value</Name>\n");
        assertThat(validate(xml)).isEmpty();
    }
}
