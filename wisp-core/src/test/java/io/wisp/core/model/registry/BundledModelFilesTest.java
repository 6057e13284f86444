package io.wisp.core.model.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.wisp.core.model.ddf.XmlDocument;
import io.wisp.core.model.ddf.XmlElement;
import io.wisp.core.model.ddf.XmlReadException;
import io.wisp.core.model.ddf.XmlTreeReader;
import io.wisp.core.model.validate.Finding;
import io.wisp.core.model.validate.ObjectValidator;
import io.wisp.core.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;

/**
 * The bundled DDF files as files: well-formed, schema-valid, complete, faithful to the registered facts of each
 * object, and written in our own words.
 */
class BundledModelFilesTest {

    /** The objects issue 2 asks Wisp to ship. */
    private static final Set<Integer> REQUIRED = Set.of(0, 1, 2, 3, 4, 5, 6, 7, 21, 3303, 3304, 3311, 3312, 3315,
            3336, 3340, 3341, 3342, 3347);

    /**
     * Facts we deliberately state differently from the registry file: 1/22 has prose in its RangeEnumeration there;
     * we give the binding letters of Core TS 1.2 (U, M, H, T, S, N) instead.
     */
    private static final Set<String> RANGE_CHANGED_ON_PURPOSE = Set.of("1/22");

    private static Map<String, XmlElement> bundledObjects() throws XmlReadException {
        Map<String, XmlElement> objects = new LinkedHashMap<>();
        for (String name : BundledModels.fileNames()) {
            XmlDocument doc = XmlTreeReader.read(BundledModels.read(name));
            assertThat(doc.root().name()).as(name).isEqualTo("LWM2M");
            assertThat(doc.root().children("Object")).as(name).hasSize(1);
            objects.put(name, doc.root().child("Object").orElseThrow());
        }
        return objects;
    }

    private static String text(XmlElement parent, String child) {
        return parent.child(child).map(e -> e.text().strip().replaceAll("\\s+", " ")).orElse("<absent>");
    }

    @Test
    void index_lists_one_readable_file_for_each_required_object() throws Exception {
        Set<Integer> ids = new TreeSet<>();
        for (var e : bundledObjects().entrySet()) {
            int id = Integer.parseInt(text(e.getValue(), "ObjectID"));
            assertThat(ids.add(id)).as("object %d bundled twice", id).isTrue();
            assertThat(e.getKey()).as("file name of object %d", id).isEqualTo(id + ".xml");
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(REQUIRED);
    }

    @Test
    void every_bundled_file_is_valid_against_the_lwm2m_1_1_schema() throws Exception {
        Path xsd = SharedData.omna().resolve("LWM2M-v1_1.xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        var schema = factory.newSchema(new StreamSource(xsd.toFile()));
        List<String> problems = new ArrayList<>();
        for (String name : BundledModels.fileNames()) {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            try {
                validator.validate(new StreamSource(new ByteArrayInputStream(BundledModels.read(name)), name));
            } catch (org.xml.sax.SAXException e) {
                problems.add(name + ": " + e.getMessage());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void facts_match_the_registry_file_of_the_same_object_and_version() throws Exception {
        Path omna = SharedData.omna();
        List<String> mismatches = new ArrayList<>();
        for (XmlElement ours : bundledObjects().values()) {
            String id = text(ours, "ObjectID");
            XmlElement theirs = XmlTreeReader.read(Files.readAllBytes(omna.resolve(id + ".xml"))).root()
                    .child("Object").orElseThrow();
            for (String field : List.of("ObjectID", "ObjectURN", "ObjectVersion", "LWM2MVersion",
                    "MultipleInstances", "Mandatory")) {
                compare(mismatches, id, field, text(ours, field), text(theirs, field));
            }
            compare(mismatches, id, "Name", sameName(text(ours, "Name")), sameName(text(theirs, "Name")));
            Map<String, XmlElement> theirItems = items(theirs);
            Map<String, XmlElement> ourItems = items(ours);
            compare(mismatches, id, "resource IDs", new TreeSet<>(ourItems.keySet()).toString(),
                    new TreeSet<>(theirItems.keySet()).toString());
            for (var e : ourItems.entrySet()) {
                XmlElement their = theirItems.get(e.getKey());
                if (their == null) {
                    continue;
                }
                String at = id + "/" + e.getKey();
                XmlElement our = e.getValue();
                for (String field : List.of("Operations", "MultipleInstances", "Mandatory", "Type", "Units")) {
                    compare(mismatches, at, field, text(our, field), text(their, field));
                }
                compare(mismatches, at, "Name", sameName(text(our, "Name")), sameName(text(their, "Name")));
                if (!RANGE_CHANGED_ON_PURPOSE.contains(at)) {
                    compare(mismatches, at, "RangeEnumeration", text(our, "RangeEnumeration"),
                            text(their, "RangeEnumeration"));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void descriptions_are_ours_short_and_share_no_eight_word_run_with_the_registry() throws Exception {
        Path omna = SharedData.omna();
        List<String> problems = new ArrayList<>();
        for (XmlElement ours : bundledObjects().values()) {
            String id = text(ours, "ObjectID");
            XmlElement theirs = XmlTreeReader.read(Files.readAllBytes(omna.resolve(id + ".xml"))).root()
                    .child("Object").orElseThrow();
            checkDescription(problems, id, text(ours, "Description1"), text(theirs, "Description1"));
            Map<String, XmlElement> theirItems = items(theirs);
            for (var e : items(ours).entrySet()) {
                checkDescription(problems, id + "/" + e.getKey(), text(e.getValue(), "Description"),
                        text(theirItems.get(e.getKey()), "Description"));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_file_carries_a_bsd_3_license_of_the_wisp_authors() throws Exception {
        for (String name : BundledModels.fileNames()) {
            XmlDocument doc = XmlTreeReader.read(BundledModels.read(name));
            String license = String.join("\n", doc.leadingComments());
            assertThat(license).as(name)
                    .contains("SPDX-License-Identifier: BSD-3-Clause")
                    .contains("the Wisp authors")
                    .contains("Neither the name of the copyright holder")
                    .doesNotContain("Open Mobile Alliance");
        }
    }

    @Test
    void the_validator_finds_nothing_to_complain_about_in_any_bundled_file() {
        List<Finding> findings = new ArrayList<>();
        for (String name : BundledModels.fileNames()) {
            findings.addAll(ObjectValidator.validateXml(BundledModels.read(name), name));
        }
        assertThat(findings).isEmpty();
    }

    private static void checkDescription(List<String> problems, String at, String ours, String theirs) {
        if (ours.isBlank()) {
            problems.add(at + ": no description");
        }
        if (ours.length() > 134) {
            problems.add(at + ": description has " + ours.length() + " characters, more than 134");
        }
        if (ours.equalsIgnoreCase(theirs)) {
            problems.add(at + ": description is the registry's text");
        }
        Set<String> shared = wordRuns(ours, 8);
        shared.retainAll(wordRuns(theirs, 8));
        if (!shared.isEmpty()) {
            problems.add(at + ": shares '" + shared.iterator().next() + "' with the registry text");
        }
    }

    private static Set<String> wordRuns(String text, int length) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        List<String> kept = new ArrayList<>();
        for (String w : words) {
            if (!w.isEmpty()) {
                kept.add(w);
            }
        }
        Set<String> runs = new HashSet<>();
        for (int i = 0; i + length <= kept.size(); i++) {
            runs.add(String.join(" ", kept.subList(i, i + length)));
        }
        return runs;
    }

    /** Names are compared the way a reader sees them: case and repeated blanks do not make another name. */
    private static String sameName(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Map<String, XmlElement> items(XmlElement object) {
        Map<String, XmlElement> byId = new LinkedHashMap<>();
        XmlElement resources = object.child("Resources").orElse(null);
        if (resources == null) {
            fail("object " + text(object, "ObjectID") + " has no Resources element");
        }
        for (XmlElement item : resources.children("Item")) {
            byId.put(item.attributes().get("ID"), item);
        }
        return byId;
    }

    private static void compare(List<String> mismatches, String at, String field, String ours, String theirs) {
        if (!ours.equals(theirs)) {
            mismatches.add(at + " " + field + ": bundled '" + ours + "', registry '" + theirs + "'");
        }
    }
}
