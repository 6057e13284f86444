package io.wisp.core.model.ddf;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ddf.DdfProblem.Kind;
import io.wisp.core.node.DataType;
import io.wisp.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reader and writer against the whole OMNA registry snapshot in ../shared/omna: the 327 latest object files and
 * the 424 in version_history. DDF.xml (the registry index), Common.xml (reusable resources) and
 * LWM2M_senml_units.xml (extra units) are not object definition files and are left out.
 */
class DdfRegistryTest {
    private static final Set<String> NOT_OBJECT_FILES = Set.of("DDF.xml", "Common.xml", "LWM2M_senml_units.xml");

    static List<Path> objectFiles() throws IOException {
        Path omna = SharedData.omna();
        try (Stream<Path> files = Stream.concat(Files.list(omna), Files.list(omna.resolve("version_history")))) {
            return files.filter(p -> p.toString().endsWith(".xml"))
                    .filter(p -> !NOT_OBJECT_FILES.contains(p.getFileName().toString())).sorted().toList();
        }
    }

    @Test
    void reads_all_751_registry_files_into_one_model_each() throws IOException {
        List<Path> files = objectFiles();
        assertThat(files).hasSize(751);
        int models = 0;
        List<DdfProblem> problems = new ArrayList<>();
        for (Path f : files) {
            DdfReadResult result = DdfReader.read(f);
            assertThat(result.models()).as(f.toString()).hasSize(1);
            ObjectModel m = result.models().get(0);
            String stem = f.getFileName().toString().replaceFirst("[-.].*", "");
            assertThat(m.id()).as(f.toString()).isEqualTo(Integer.parseInt(stem));
            assertThat(m.resources()).as(f.toString()).isNotEmpty();
            models += result.models().size();
            problems.addAll(result.problems());
        }
        assertThat(models).isEqualTo(751);
        // No file is unreadable, and nothing is invalid or ignored: the registry's deviations are omissions only.
        assertThat(problems).extracting(DdfProblem::kind).containsOnly(Kind.MISSING);
        Map<String, Long> byElement = problems.stream().collect(Collectors.groupingBy(
                p -> p.element().replaceFirst("^Item\\[\\d+]/", "Item/"), TreeMap::new, Collectors.counting()));
        // 290 items (in the files that list Item children in a non-schema order) leave out RangeEnumeration;
        // 10482 resource 5 (latest and version_history copy) is readable but has no Type.
        assertThat(byElement).isEqualTo(Map.of("Item/RangeEnumeration", 290L, "Item/Type", 2L));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.source()).endsWith("10482.xml");
            assertThat(p.element()).isEqualTo("Item[5]/Type");
            assertThat(p.message()).contains("not executable needs");
        });
    }

    @Test
    void reads_licenses_from_the_comment_before_lwm2m() throws IOException {
        ObjectModel temperature = DdfReader.read(SharedData.omna().resolve("3303.xml")).models().get(0);
        assertThat(temperature.license()).startsWith(" BSD-3 Clause License").contains("Redistribution and use");
        assertThat(temperature.name()).isEqualTo("Temperature");
        assertThat(temperature.resource(5700).type()).isEqualTo(DataType.FLOAT);
        ObjectModel noLicense = DdfReader.read(SharedData.omna().resolve("3443.xml")).models().get(0);
        assertThat(noLicense.license()).isEmpty();
    }

    @Test
    void read_write_read_gives_equal_models_and_schema_valid_files() throws Exception {
        XsdCheck v11 = XsdCheck.registry(true);
        XsdCheck v10 = XsdCheck.registry(false);
        int checkedAgainst10 = 0;
        for (Path f : objectFiles()) {
            List<ObjectModel> first = DdfReader.read(f).models();
            byte[] written = DdfWriter.write(first);
            DdfReadResult again = DdfReader.read(written, f + " (rewritten)");
            assertThat(again.models()).as(f.toString()).isEqualTo(first);
            assertThat(again.problems()).as(f.toString())
                    .allSatisfy(p -> assertThat(p.message()).contains("not executable needs"));
            assertThat(v11.errors(written)).as(f.toString()).isEmpty();
            boolean uses11Types = first.stream().flatMap(m -> m.resources().values().stream())
                    .anyMatch(r -> r.type() == DataType.UNSIGNED_INTEGER || r.type() == DataType.CORELNK);
            if (!uses11Types) {
                assertThat(v10.errors(written)).as(f.toString()).isEmpty();
                checkedAgainst10++;
            } else {
                assertThat(v10.errors(written)).as(f + " uses a 1.1 type").isPresent();
            }
        }
        assertThat(checkedAgainst10).isGreaterThan(600);
    }
}
