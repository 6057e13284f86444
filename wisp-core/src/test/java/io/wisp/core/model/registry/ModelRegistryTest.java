package io.wisp.core.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.model.ddf.DdfProblem;
import io.wisp.core.model.ddf.DdfWriter;
import io.wisp.core.model.ddf.XmlElement;
import io.wisp.core.model.ddf.XmlReadException;
import io.wisp.core.model.ddf.XmlTreeReader;
import io.wisp.core.node.DataType;
import io.wisp.core.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

    @Test
    void bundled_registry_holds_every_shipped_object_from_its_own_file_without_problems() {
        ModelRegistry registry = ModelRegistry.bundled();
        assertThat(registry.problems()).isEmpty();
        assertThat(registry.all()).hasSize(BundledModels.fileNames().size());
        for (int id : List.of(0, 1, 2, 3, 4, 5, 6, 7, 21, 3303, 3304, 3311, 3312, 3315, 3336, 3340, 3341, 3342,
                3347)) {
            ObjectModel model = registry.find(id).orElseThrow(() -> new AssertionError("object " + id + " missing"));
            assertThat(registry.sourceOf(model)).isEqualTo("bundled:" + id + ".xml");
        }
        ObjectModel device = registry.find(3).orElseThrow();
        assertThat(device.name()).isEqualTo("Device");
        assertThat(device.objectVersion()).isEqualTo(Version.V1_2);
        assertThat(device.multiple()).isFalse();
        assertThat(device.resource(4).operations().isExecutable()).isTrue();
        assertThat(device.resource(11).multiple()).isTrue();
        assertThat(registry.resource(3303, 5700)).hasValueSatisfying(r -> assertThat(r.type())
                .isEqualTo(DataType.FLOAT));
    }

    @Test
    void bundled_server_object_defines_the_transport_argument_of_registration_update_trigger() {
        ResourceModel trigger = ModelRegistry.bundled().resource(1, 8).orElseThrow();
        assertThat(trigger.arguments()).singleElement().satisfies(a -> {
            assertThat(a.order()).isZero();
            assertThat(a.name()).isEqualTo("Transport Binding");
            assertThat(a.type()).isEqualTo(DataType.STRING);
            assertThat(a.rangeEnumeration()).contains("\"U\"").contains("\"T\"");
        });
        assertThat(ModelRegistry.bundled().find(1).orElseThrow().description2()).isEmpty();
    }

    @Test
    void a_version_the_registry_lacks_gives_the_nearest_one_and_says_so() {
        ModelRegistry registry = ModelRegistry.bundled();
        ModelMatch exact = registry.lookup(3, Version.V1_2).orElseThrow();
        assertThat(exact.exact()).isTrue();
        assertThat(exact.warning()).isEmpty();

        ModelMatch nearest = registry.lookup(3, Version.V1_0).orElseThrow();
        assertThat(nearest.exact()).isFalse();
        assertThat(nearest.model().objectVersion()).isEqualTo(Version.V1_2);
        assertThat(nearest.warning()).hasValueSatisfying(w -> assertThat(w).contains("1.0").contains("1.2")
                .contains("bundled:3.xml"));

        assertThat(registry.lookup(4242, Version.V1_0)).isEmpty();
        assertThat(registry.find(4242)).isEmpty();
    }

    @Test
    void a_later_source_replaces_the_model_of_the_same_id_and_version_and_the_registry_names_it(@TempDir Path dir)
            throws Exception {
        ObjectModel bundledDevice = ModelRegistry.bundled().find(3).orElseThrow();
        ObjectModel vendorDevice = renamed(bundledDevice, "Vendor Device");
        Path file = dir.resolve("device.xml");
        Files.write(file, DdfWriter.write(vendorDevice));

        ModelRegistry vendorLast = ModelRegistry.builder().addBundled().addDirectory(dir).build();
        assertThat(vendorLast.find(3).orElseThrow().name()).isEqualTo("Vendor Device");
        assertThat(vendorLast.sourceOf(vendorLast.find(3).orElseThrow())).isEqualTo(file.toString());
        assertThat(vendorLast.find(3303).map(vendorLast::sourceOf)).hasValue("bundled:3303.xml");
        assertThat(vendorLast.all()).hasSize(ModelRegistry.bundled().all().size());

        ModelRegistry bundledLast = ModelRegistry.builder().addDirectory(dir).addBundled().build();
        assertThat(bundledLast.find(3).orElseThrow().name()).isEqualTo("Device");
        assertThat(bundledLast.sourceOf(bundledLast.find(3).orElseThrow())).isEqualTo("bundled:3.xml");
    }

    @Test
    void another_version_of_a_bundled_object_is_added_beside_it(@TempDir Path dir) throws Exception {
        ObjectModel device = ModelRegistry.bundled().find(3).orElseThrow();
        ObjectModel older = new ObjectModel(3, device.name(), device.description(), "", false, true,
                "urn:oma:lwm2m:oma:3:1.1", Version.V1_1, Version.V1_1, device.license(), device.resources());
        Files.write(dir.resolve("3-1_1.xml"), DdfWriter.write(older));
        ModelRegistry registry = ModelRegistry.builder().addBundled().addDirectory(dir).build();
        assertThat(registry.find(3)).hasValueSatisfying(m -> assertThat(m.objectVersion()).isEqualTo(Version.V1_2));
        assertThat(registry.lookup(3, Version.V1_1)).hasValueSatisfying(m -> {
            assertThat(m.exact()).isTrue();
            assertThat(m.source()).endsWith("3-1_1.xml");
        });
    }

    @Test
    void bad_files_and_missing_directories_are_collected_as_problems_and_good_files_still_load(@TempDir Path dir)
            throws Exception {
        Path good = dir.resolve("b-good.xml");
        Files.write(good, DdfWriter.write(ModelRegistry.bundled().find(3303).orElseThrow()));
        Path broken = dir.resolve("a-broken.xml");
        Files.writeString(broken, "<LWM2M><Object>", StandardCharsets.UTF_8);
        Path notDdf = dir.resolve("c-index.xml");
        Files.writeString(notDdf, "<DDFList/>", StandardCharsets.UTF_8);
        Path xxe = dir.resolve("d-xxe.xml");
        Files.writeString(xxe, "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<LWM2M>&x;</LWM2M>", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("notes.txt"), "not a model", StandardCharsets.UTF_8);
        Path missing = dir.resolve("no-such-dir");

        ModelRegistry registry = ModelRegistry.builder().addDirectory(dir).addDirectory(missing).build();

        assertThat(registry.all()).extracting(ObjectModel::id).containsExactly(3303);
        assertThat(registry.sourceOf(registry.find(3303).orElseThrow())).isEqualTo(good.toString());
        assertThat(registry.problems()).extracting(DdfProblem::source)
                .containsExactly(broken.toString(), notDdf.toString(), xxe.toString(), missing.toString());
        assertThat(registry.problems()).allSatisfy(p -> assertThat(p.kind()).isEqualTo(DdfProblem.Kind.UNREADABLE));
    }

    @Test
    void loads_every_latest_and_historical_registry_file_and_finds_each_version() throws Exception {
        Path omna = SharedData.omna();
        Map<String, Set<String>> filesByKey = new HashMap<>();
        Set<Path> nonDdf = new HashSet<>();
        int ddfFiles = 0;
        try (Stream<Path> walk = Files.walk(omna)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".xml")).toList()) {
                XmlElement root = XmlTreeReader.read(Files.readAllBytes(file)).root();
                if (!root.name().equals("LWM2M") || root.children("Object").stream()
                        .anyMatch(o -> o.child("ObjectID").isEmpty())) {
                    nonDdf.add(file); // the registry's index files (Common.xml has <LWM2M> but no object IDs)
                    continue;
                }
                ddfFiles++;
                for (XmlElement object : root.children("Object")) {
                    filesByKey.computeIfAbsent(key(object), k -> new HashSet<>()).add(file.toString());
                }
            }
        }
        assertThat(ddfFiles).as("327 latest + 424 version_history files").isEqualTo(751);

        ModelRegistry registry = ModelRegistry.builder().addDirectory(omna).build();

        Set<String> loaded = new TreeSet<>();
        for (ObjectModel m : registry.all()) {
            String key = m.id() + "@" + m.objectVersion();
            loaded.add(key);
            assertThat(filesByKey.get(key)).as("source of " + key).contains(registry.sourceOf(m));
        }
        assertThat(loaded).isEqualTo(new TreeSet<>(filesByKey.keySet()));
        assertThat(nonDdf).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("DDF.xml", "Common.xml", "LWM2M_senml_units.xml");
        assertThat(registry.problems()).extracting(p -> Path.of(p.source())).containsAll(nonDdf);

        assertThat(registry.find(3).orElseThrow().objectVersion()).isEqualTo(Version.V1_2);
        assertThat(registry.lookup(3, Version.V1_0)).hasValueSatisfying(m -> assertThat(m.exact()).isTrue());
        assertThat(registry.lookup(3, Version.V1_1)).hasValueSatisfying(m -> assertThat(m.exact()).isTrue());
        assertThat(registry.lookup(21, Version.V1_0)).hasValueSatisfying(m -> {
            assertThat(m.exact()).isTrue();
            assertThat(m.model().resources()).as("OSCORE 1.0 has no ID Context yet").hasSize(6);
        });
        assertThat(registry.lookup(21, new Version(1, 5))).hasValueSatisfying(m -> {
            assertThat(m.exact()).isFalse();
            assertThat(m.model().objectVersion()).isEqualTo(Version.V1_1);
        });
        assertThat(registry.lookup(21, new Version(2, 3))).hasValueSatisfying(m ->
                assertThat(m.model().objectVersion()).isEqualTo(new Version(2, 0)));
    }

    /** ID and version as the file states them; an absent version means 1.0 (Core TS §7.2, object versioning). */
    private static String key(XmlElement object) throws XmlReadException {
        String id = object.child("ObjectID").map(e -> e.text().strip()).orElseThrow();
        String version = object.child("ObjectVersion").map(e -> e.text().strip()).filter(v -> !v.isEmpty())
                .orElse("1.0");
        return Integer.parseInt(id) + "@" + Version.parse(version);
    }

    private static ObjectModel renamed(ObjectModel m, String name) {
        return new ObjectModel(m.id(), name, m.description(), m.description2(), m.multiple(), m.mandatory(), m.urn(),
                m.objectVersion(), m.lwm2mVersion(), m.license(), m.resources());
    }

}
