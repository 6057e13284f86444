package io.wisp.core.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The validator over the 327 latest OMNA registry files. The counts were reviewed finding by finding (each rule
 * spot-checked against the files, several counts recomputed independently) before being pinned: errors appear only
 * where a file breaks a hard rule, everything else is a warning.
 */
class RegistryFindingsTest {
    private static final Set<String> NOT_OBJECTS = Set.of("DDF.xml", "Common.xml", "LWM2M_senml_units.xml");
    private static final List<Finding> FINDINGS = new ArrayList<>();
    private static int files;

    @BeforeAll
    static void validateRegistry() throws IOException {
        Path omna = SharedData.omna();
        List<Path> latest;
        try (Stream<Path> s = Files.list(omna)) {
            latest = s.filter(p -> p.toString().endsWith(".xml"))
                    .filter(p -> !NOT_OBJECTS.contains(p.getFileName().toString())).sorted().toList();
        }
        files = latest.size();
        for (Path f : latest) {
            FINDINGS.addAll(ObjectValidator.validateFile(f));
        }
    }

    @Test
    void pins_the_number_of_findings_per_rule() {
        assertThat(files).isEqualTo(327);
        Map<String, Integer> counts = new TreeMap<>();
        for (Finding f : FINDINGS) {
            counts.merge(f.ruleId() + " " + f.severity(), 1, Integer::sum);
        }
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                "resource.type.missing ERROR", 1,
                "resource.name.duplicate ERROR", 8,
                "schema.missing-empty WARNING", 145,
                "description.too-long WARNING", 131,
                "name.capitalisation WARNING", 611,
                "license.not-bsd3 WARNING", 45,
                "license.missing WARNING", 2,
                "range.syntax WARNING", 9,
                "range.type WARNING", 3,
                "urn.version.redundant WARNING", 1));
    }

    @Test
    void the_errors_are_the_real_defects() {
        List<String> errors = FINDINGS.stream().filter(Finding::isError)
                .map(f -> Path.of(f.file()).getFileName() + ":" + f.line() + " " + f.ruleId() + " " + f.value())
                .toList();
        assertThat(errors).containsExactlyInAnyOrder(
                "10482.xml:101 resource.type.missing ",
                "10329.xml:209 resource.name.duplicate Group Dancing Program Control",
                "10329.xml:391 resource.name.duplicate Intonation Change",
                "3392.xml:186 resource.name.duplicate Object Enabled",
                "3393.xml:256 resource.name.duplicate Object Enabled",
                "3394.xml:165 resource.name.duplicate Object Enabled",
                "3395.xml:170 resource.name.duplicate Object Enabled",
                "3416.xml:309 resource.name.duplicate Control gear thermal derating counter reset",
                "3430.xml:243 resource.name.duplicate Satellite identifiers");
    }

    @Test
    void spot_checks_of_warnings() {
        assertThat(FINDINGS).anySatisfy(f -> {
            assertThat(Path.of(f.file()).getFileName()).hasToString("10254.xml");
            assertThat(f.ruleId()).isEqualTo("urn.version.redundant");
            assertThat(f.value()).isEqualTo("urn:oma:lwm2m:x:10254:1.0");
        });
        assertThat(FINDINGS).anySatisfy(f -> {
            assertThat(Path.of(f.file()).getFileName()).hasToString("10309.xml");
            assertThat(f.ruleId()).isEqualTo("range.syntax");
            assertThat(f.value()).isEqualTo("-30..-120");
        });
        assertThat(FINDINGS).anySatisfy(f -> {
            assertThat(Path.of(f.file()).getFileName()).hasToString("3387.xml");
            assertThat(f.ruleId()).isEqualTo("range.type");
            assertThat(f.message()).contains("Boolean");
        });
        assertThat(FINDINGS.stream().filter(f -> f.ruleId().startsWith("license."))
                .map(f -> Path.of(f.file()).getFileName().toString()))
                .contains("10244.xml", "3443.xml", "10254.xml", "10286.xml", "10300.xml", "3351.xml")
                .doesNotContain("3303.xml", "0.xml", "10482.xml");
    }

    @Test
    void every_version_history_file_validates_without_an_unreadable_finding() throws IOException {
        List<Path> history;
        try (Stream<Path> s = Files.list(SharedData.omna().resolve("version_history"))) {
            history = s.filter(p -> p.toString().endsWith(".xml")).toList();
        }
        assertThat(history).hasSize(424);
        for (Path f : history) {
            assertThat(ObjectValidator.validateFile(f)).as(f.toString())
                    .noneMatch(x -> x.ruleId().startsWith("xml.") || x.ruleId().startsWith("file."));
        }
    }
}
