package io.wisp.core.model.validate;

import static io.wisp.core.model.validate.SampleDdf.lineOf;
import static io.wisp.core.model.validate.SampleDdf.ruleIds;
import static io.wisp.core.model.validate.SampleDdf.validate;
import static io.wisp.core.model.validate.SampleDdf.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Types, executable resources, units and ranges. */
class ResourceRulesTest {

    private static final String EXEC_TYPE = "        <Type></Type>\n        <RangeEnumeration></RangeEnumeration>";

    @Test
    void a_readable_resource_without_type_is_an_error() {
        String xml = with("<Type>Float</Type>", "<Type></Type>", "<RangeEnumeration>-40..125</RangeEnumeration>",
                "<RangeEnumeration></RangeEnumeration>");
        List<Finding> findings = validate(xml);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("resource.type.missing");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.line()).isEqualTo(lineOf(xml, "<Type></Type>"));
            assertThat(f.message()).contains("resource 0 (Sensor Value)");
        });
    }

    @Test
    void an_executable_resource_has_no_type_and_a_single_instance() {
        String typed = with(EXEC_TYPE, "        <Type>String</Type>\n        <RangeEnumeration></RangeEnumeration>");
        assertThat(ruleIds(validate(typed))).containsExactly("resource.execute.type");
        String multiple = with("<Operations>E</Operations>\n        <MultipleInstances>Single</MultipleInstances>",
                "<Operations>E</Operations>\n        <MultipleInstances>Multiple</MultipleInstances>");
        assertThat(ruleIds(validate(multiple))).containsExactly("resource.execute.multiple");
    }

    @Test
    void unsigned_integer_and_corelnk_need_lwm2m_1_1() {
        String v10 = with("<LWM2MVersion>1.1</LWM2MVersion>", "<LWM2MVersion>1.0</LWM2MVersion>");
        assertThat(ruleIds(validate(v10))).containsExactly("resource.type.version");
        String corelnk = v10.replace("<Type>Float</Type>", "<Type>Corelnk</Type>")
                .replace("<RangeEnumeration>-40..125</RangeEnumeration>", "<RangeEnumeration></RangeEnumeration>")
                .replace("<Units>Cel</Units>", "<Units></Units>");
        assertThat(ruleIds(validate(corelnk))).containsExactly("resource.type.version", "resource.type.version");
        assertThat(ruleIds(validate(with("    <LWM2MVersion>1.1</LWM2MVersion>\n", ""))))
                .containsExactly("resource.type.version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "TBD", "Cel", "%RH", "m/s2", "dBm", "Ws", "/100", "  Cel  "})
    void senml_units_tbd_and_empty_are_accepted(String units) {
        assertThat(validate(with("<Units>Cel</Units>", "<Units>" + units + "</Units>"))).isEmpty();
    }

    @Test
    void other_units_are_a_warning_with_a_hint_for_letter_case() {
        List<Finding> findings = validate(with("<Units>Cel</Units>", "<Units>cel</Units>"));
        assertThat(findings).extracting(Finding::ruleId, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("units.unknown", Severity.WARNING));
        assertThat(findings.get(0).fix()).contains("'Cel'");
        assertThat(ruleIds(validate(with("<Units>Cel</Units>", "<Units>°C</Units>")))).containsExactly("units.unknown");
        assertThat(ruleIds(validate(with("<Units>Cel</Units>", "<Units>KB</Units>")))).containsExactly("units.unknown");
    }

    @Test
    void unreadable_ranges_and_ranges_that_do_not_fit_the_type_are_warnings() {
        List<Finding> syntax = validate(with("-40..125", "2 Instances"));
        assertThat(syntax).extracting(Finding::ruleId, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("range.syntax", Severity.WARNING));
        assertThat(syntax.get(0).value()).isEqualTo("2 Instances");
        assertThat(ruleIds(validate(with("-40..125", "125..-40")))).containsExactly("range.syntax");
        assertThat(validate(with("-40..125", "0-100")).get(0).message()).contains("0..100");
        assertThat(ruleIds(validate(with("0..65535", "-1..10")))).containsExactly("range.type");
        assertThat(ruleIds(validate(with("0..65535", "1.5..2")))).containsExactly("range.type");
        assertThat(ruleIds(validate(with(EXEC_TYPE, "        <Type></Type>\n        <RangeEnumeration>0..1"
                + "</RangeEnumeration>")))).containsExactly("range.type");
    }

    @Test
    void real_range_forms_are_accepted() {
        assertThat(validate(with("-40..125", "-0.5...1.5"))).isEmpty();
        assertThat(validate(with("0..65535", "0: RELEASED\n          1: PRESSED\n          2: FAULT"))).isEmpty();
        assertThat(validate(with("0..65535", "0..3, 99"))).isEmpty();
        assertThat(validate(with("<Type>Float</Type>", "<Type>String</Type>", "-40..125", "0..255 bytes",
                "<Units>Cel</Units>", "<Units></Units>"))).isEmpty();
    }

    @Test
    void resource_names_are_unique_ignoring_case_and_blanks() {
        List<Finding> findings = validate(with("<Name>Sample Count</Name>", "<Name>sensor  value</Name>"));
        assertThat(findings).extracting(Finding::ruleId).contains("resource.name.duplicate");
        Finding dup = findings.stream().filter(f -> f.ruleId().equals("resource.name.duplicate")).findFirst()
                .orElseThrow();
        assertThat(dup.severity()).isEqualTo(Severity.ERROR);
        assertThat(dup.message()).contains("resource 2").contains("resource 0");
    }

    @Test
    void empty_names_are_errors() {
        assertThat(ruleIds(validate(with("<Name>Sample Sensor</Name>", "<Name> </Name>"))))
                .containsExactly("name.empty");
    }

    @Test
    void each_word_of_a_name_is_capitalised_except_small_words_and_deliberate_spellings() {
        List<Finding> findings = validate(with("<Name>Sample Count</Name>", "<Name>Sample count of eDRX v2</Name>"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("name.capitalisation");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).endsWith(": count");
            assertThat(f.fix()).contains("'Sample Count of eDRX v2'");
        });
        assertThat(ruleIds(validate(with("<Name>Sample Sensor</Name>", "<Name>of Sensors</Name>"))))
                .containsExactly("name.capitalisation");
        assertThat(validate(with("<Name>Sample Sensor</Name>", "<Name>PM2.5 (24 Hour) Level &amp; Rate per Day"
                + "</Name>"))).isEmpty();
    }

    @Test
    void the_object_description_is_at_most_134_characters() {
        String d134 = "x".repeat(134);
        String original = "<Description1>A small object for the validator's tests.</Description1>";
        assertThat(validate(with(original, "<Description1>" + d134 + "</Description1>"))).isEmpty();
        assertThat(ruleIds(validate(with(original, "<Description1>" + d134 + "y</Description1>"))))
                .containsExactly("description.too-long");
        assertThat(validate(with(original, "<Description1>\n   " + d134 + "\n  </Description1>"))).isEmpty();
    }
}
