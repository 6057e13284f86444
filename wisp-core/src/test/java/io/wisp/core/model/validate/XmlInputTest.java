package io.wisp.core.model.validate;

import static io.wisp.core.model.validate.SampleDdf.ruleIds;
import static io.wisp.core.model.validate.SampleDdf.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.model.ddf.XmlTreeReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unreadable, hostile and huge input gives findings, never an exception. */
class XmlInputTest {

    @Test
    void the_sample_definition_is_clean() {
        assertThat(validate(SampleDdf.VALID)).isEmpty();
    }

    @Test
    void malformed_xml_is_one_error_at_its_line() {
        String broken = SampleDdf.with("<Name>Sensor Value</Name>", "<Name>Sensor Value</Nam>");
        List<Finding> findings = validate(broken);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("xml.malformed");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.line()).isEqualTo(SampleDdf.lineOf(broken, "</Nam>"));
            assertThat(f.file()).isEqualTo("sample.xml");
        });
    }

    @Test
    void an_external_entity_is_refused_and_never_read() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE LWM2M [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<LWM2M><Object ObjectType=\"MODefinition\"><Name>&x;</Name></Object></LWM2M>";
        List<Finding> findings = validate(xxe);
        assertThat(ruleIds(findings)).containsExactly("xml.doctype");
        assertThat(findings.get(0).toString()).doesNotContain("root:");
    }

    @Test
    void an_entity_expansion_bomb_is_refused() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                + "<LWM2M>&c;</LWM2M>";
        assertThat(ruleIds(validate(bomb))).containsExactly("xml.doctype");
    }

    @Test
    void empty_and_binary_input_are_malformed() {
        assertThat(ruleIds(ObjectValidator.validateXml(new byte[0], "empty.xml"))).containsExactly("xml.malformed");
        byte[] noise = new byte[4096];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (i * 131 + 7);
        }
        assertThat(ruleIds(ObjectValidator.validateXml(noise, "noise.bin"))).containsExactly("xml.malformed");
    }

    @Test
    void a_wrong_root_is_reported() {
        assertThat(ruleIds(validate("<Objects><Object/></Objects>"))).containsExactly("xml.root");
        assertThat(ruleIds(validate("<LWM2M></LWM2M>"))).containsExactly("xml.root");
    }

    @Test
    void a_ten_megabyte_file_is_refused_by_size() {
        byte[] big = new byte[10 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        List<Finding> findings = ObjectValidator.validateXml(big, "big.xml");
        assertThat(ruleIds(findings)).containsExactly("xml.too-large");
        assertThat(findings.get(0).message()).contains(Integer.toString(XmlTreeReader.MAX_BYTES));
    }

    @Test
    void a_one_megabyte_description_is_a_warning_with_a_short_value() {
        String huge = "Word ".repeat(200_000).strip();
        List<Finding> findings = validate(SampleDdf.with(
                "<Description1>A small object for the validator's tests.</Description1>",
                "<Description1>" + huge + "</Description1>"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("description.too-long");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.value()).hasSizeLessThanOrEqualTo(Finding.MAX_VALUE_LENGTH);
            assertThat(f.message()).contains(Integer.toString(huge.length()));
        });
    }

    @Test
    void a_one_megabyte_resource_name_gives_bounded_findings() {
        String name = "long " + "x".repeat(1_000_000) + " name";
        List<Finding> findings = validate(SampleDdf.with("<Name>Sensor Value</Name>", "<Name>" + name + "</Name>",
                "<Type>Float</Type>", "<Type>Real</Type>"));
        assertThat(ruleIds(findings)).containsExactly("name.capitalisation", "resource.type.unknown");
        assertThat(findings).allSatisfy(f -> assertThat(f.toString().length()).isLessThan(1200));
        assertThat(findings.get(0).message()).contains("long, xxxx").contains("name");
    }

    @Test
    void a_wrong_type_name_is_an_error_with_the_right_spelling() {
        String xml = SampleDdf.with("<Type>Float</Type>", "<Type>float</Type>");
        assertThat(validate(xml)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("resource.type.unknown");
            assertThat(f.line()).isEqualTo(SampleDdf.lineOf(xml, "<Type>float"));
            assertThat(f.fix()).contains("'Float'");
        });
        assertThat(ruleIds(validate(SampleDdf.with("<Type>Float</Type>", "<Type>Double</Type>"))))
                .containsExactly("resource.type.unknown");
    }

    @Test
    void files_are_read_from_disk_and_missing_ones_reported(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("10241.xml");
        Files.writeString(good, SampleDdf.VALID, StandardCharsets.UTF_8);
        assertThat(ObjectValidator.validateFile(good)).isEmpty();
        Path missing = dir.resolve("nope.xml");
        assertThat(ObjectValidator.validateFile(missing)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("file.unreadable");
            assertThat(f.file()).isEqualTo(missing.toString());
        });
    }

    @Test
    void crlf_and_a_byte_order_mark_are_fine() {
        byte[] text = SampleDdf.VALID.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertThat(ObjectValidator.validateXml(withBom, "crlf.xml")).isEmpty();
    }
}
