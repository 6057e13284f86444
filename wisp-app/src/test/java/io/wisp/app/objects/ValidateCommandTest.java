package io.wisp.app.objects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wisp.core.model.ddf.DdfWriter;
import io.wisp.core.model.registry.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    private static final String LICENSE = "<!-- SPDX-License-Identifier: BSD-3-Clause -->\n";

    /** A DDF file whose resource 1 can be read but has no type: an error (Core TS Appendix C). */
    private static final String UNTYPED = """
            <?xml version="1.0" encoding="UTF-8"?>
            %s<LWM2M>
              <Object ObjectType="MODefinition">
                <Name>Test Meter</Name>
                <Description1>A meter for tests.</Description1>
                <ObjectID>10999</ObjectID>
                <ObjectURN>urn:oma:lwm2m:x:10999</ObjectURN>
                <LWM2MVersion>1.0</LWM2MVersion>
                <ObjectVersion>1.0</ObjectVersion>
                <MultipleInstances>Single</MultipleInstances>
                <Mandatory>Optional</Mandatory>
                <Resources>
                  <Item ID="1">
                    <Name>%s</Name>
                    <Operations>R</Operations>
                    <MultipleInstances>Single</MultipleInstances>
                    <Mandatory>Mandatory</Mandatory>
                    <Type>%s</Type>
                    <RangeEnumeration></RangeEnumeration>
                    <Units></Units>
                    <Description>What the meter shows.</Description>
                  </Item>
                </Resources>
                <Description2></Description2>
              </Object>
            </LWM2M>
            """;

    private static Path ddf(Path dir, String fileName, String resourceName, String type) throws Exception {
        Path file = dir.resolve(fileName);
        Files.writeString(file, UNTYPED.formatted(LICENSE, resourceName, type));
        return file;
    }

    @Test
    void a_clean_file_passes_with_a_summary(@TempDir Path dir) throws Exception {
        Path file = ddf(dir, "clean.xml", "Reading", "Integer");
        Cli.Result r = Cli.run("objects", "validate", file.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("1 file checked: 0 errors, 0 warnings");
    }

    @Test
    void an_error_is_printed_with_file_line_rule_value_and_fix_and_exits_1(@TempDir Path dir) throws Exception {
        Path file = ddf(dir, "untyped.xml", "Reading", "");
        Cli.Result r = Cli.run("objects", "validate", file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        String line = r.out().lines().filter(l -> l.contains("resource.type.missing")).findFirst().orElseThrow();
        int typeLine = 19; // <Type></Type> in UNTYPED, counting from the XML declaration
        assertThat(line).startsWith(file + ":" + typeLine + ": error resource.type.missing: ").contains(" — ");
        assertThat(r.out()).contains("1 file checked: 1 error, 0 warnings");
    }

    @Test
    void warnings_pass_unless_strict(@TempDir Path dir) throws Exception {
        Path file = ddf(dir, "lower.xml", "reading", "Integer");
        Cli.Result lenient = Cli.run("objects", "validate", file.toString());
        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.out()).contains("warning name.capitalisation", "0 errors, 1 warning");

        Cli.Result strict = Cli.run("objects", "validate", "--strict", file.toString());
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).contains("--strict");
    }

    @Test
    void json_output_is_an_array_of_findings(@TempDir Path dir) throws Exception {
        Path bad = ddf(dir, "untyped.xml", "reading", "");
        Cli.Result r = Cli.run("objects", "validate", "--format", "json", bad.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode findings = new ObjectMapper().readTree(r.out());
        assertThat(findings.isArray()).isTrue();
        assertThat(findings).hasSize(2);
        JsonNode error = findings.findParents("rule").stream()
                .filter(f -> f.get("rule").asText().equals("resource.type.missing")).findFirst().orElseThrow();
        assertThat(error.get("file").asText()).isEqualTo(bad.toString());
        assertThat(error.get("line").asInt()).isEqualTo(19);
        assertThat(error.get("severity").asText()).isEqualTo("error");
        assertThat(error.get("fix").asText()).isNotBlank();
        assertThat(error.get("message").asText()).contains("type");

        Cli.Result clean = Cli.run("objects", "validate", "--format", "json", ddf(dir, "ok.xml", "Reading", "Float")
                .toString());
        assertThat(clean.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(clean.out())).isEmpty();
    }

    @Test
    void a_directory_is_validated_file_by_file(@TempDir Path dir) throws Exception {
        ddf(dir, "a.xml", "Reading", "Integer");
        ddf(dir, "b.xml", "Reading", "");
        Files.writeString(dir.resolve("notes.txt"), "not checked");
        Cli.Result r = Cli.run("objects", "validate", dir.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("2 files checked: 1 error");
        assertThat(r.out()).contains(dir.resolve("b.xml") + ":").doesNotContain(dir.resolve("a.xml") + ":");
    }

    @Test
    void bad_paths_are_errors_not_stack_traces(@TempDir Path dir) throws Exception {
        Cli.Result missing = Cli.run("objects", "validate", dir.resolve("missing.xml").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out()).contains("missing.xml: error file.unreadable");
        assertThat(missing.err()).doesNotContain("Exception in");

        Path empty = Files.createDirectory(dir.resolve("empty"));
        Cli.Result none = Cli.run("objects", "validate", empty.toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.out()).contains("no *.xml files");

        Path garbage = dir.resolve("garbage.xml");
        Files.write(garbage, new byte[] {0, 1, 2, (byte) 0xFF});
        Cli.Result malformed = Cli.run("objects", "validate", garbage.toString());
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.out()).contains("error xml.malformed");
    }

    @Test
    void wrong_usage_exits_2() {
        assertThat(Cli.run("objects", "validate").exitCode()).isEqualTo(2);
        assertThat(Cli.run("objects", "validate", "--format", "yaml", "x.xml").exitCode()).isEqualTo(2);
    }

    @Test
    void a_bundled_model_written_back_out_validates_cleanly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("3303.xml");
        Files.write(file, DdfWriter.write(ModelRegistry.bundled().find(3303).orElseThrow()));
        Cli.Result r = Cli.run("objects", "validate", "--strict", file.toString());
        assertThat(r.exitCode()).isZero();
    }
}
