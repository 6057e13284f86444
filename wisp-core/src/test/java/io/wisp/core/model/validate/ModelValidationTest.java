package io.wisp.core.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.model.ArgumentModel;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.Operations;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.node.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same rules over definitions built in code, as the web editor does while the user types. */
class ModelValidationTest {
    private static final String BSD3 = "SPDX-License-Identifier: BSD-3-Clause";

    private static ObjectModel object(int id, String urn, Version lwm2m, String license, ResourceModel... resources) {
        return new ObjectModel(id, "Valve Control", "Opens and closes a valve.", "", true, false, urn,
                Version.V1_0, lwm2m, license, ObjectModel.byId(List.of(resources)));
    }

    private static ResourceModel resource(int id, String name, Operations ops, DataType type, String range,
                                          String units, List<ArgumentModel> args) {
        return new ResourceModel(id, name, ops, false, false, type, range, units, "", args);
    }

    private static List<String> ruleIds(ObjectModel m) {
        return ObjectValidator.validateModel(m).stream().map(Finding::ruleId).toList();
    }

    @Test
    void a_good_model_is_clean() {
        ObjectModel m = object(10241, "urn:oma:lwm2m:x:10241", Version.V1_1, BSD3,
                resource(0, "Opening", Operations.READ_WRITE, DataType.INTEGER, "0..100", "%", List.of()),
                resource(1, "Open For", Operations.EXECUTE, DataType.NONE, "", "", List.of(
                        new ArgumentModel(0, "Seconds", DataType.UNSIGNED_INTEGER, "1..3600", "s", "How long."))));
        assertThat(ObjectValidator.validateModel(m)).isEmpty();
    }

    @Test
    void findings_on_a_model_have_no_line_and_name_the_object() {
        ObjectModel m = object(3303, "urn:oma:lwm2m:x:3303", Version.V1_1, BSD3,
                resource(0, "opening", Operations.READ, DataType.NONE, "", "furlongs", List.of()));
        List<Finding> findings = ObjectValidator.validateModel(m);
        assertThat(findings).extracting(Finding::ruleId).containsExactlyInAnyOrder("urn.label",
                "resource.type.missing", "name.capitalisation", "units.unknown");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.line()).isEqualTo(-1);
            assertThat(f.file()).isEqualTo("object 3303");
        });
    }

    @Test
    void an_empty_urn_and_license_are_reported() {
        ObjectModel m = object(10241, "", Version.V1_1, "",
                resource(0, "Opening", Operations.READ, DataType.INTEGER, "", "", List.of()));
        assertThat(ruleIds(m)).containsExactlyInAnyOrder("urn.syntax", "license.missing");
    }

    @Test
    void executable_arguments_are_checked() {
        List<ArgumentModel> args = List.of(
                new ArgumentModel(0, "Seconds", DataType.INTEGER, "one..two", "sec", ""),
                new ArgumentModel(0, "Again", DataType.NONE, "", "", ""));
        ObjectModel m = object(10241, "urn:oma:lwm2m:x:10241", Version.V1_1, BSD3,
                resource(0, "Open For", Operations.EXECUTE, DataType.NONE, "", "", args),
                resource(1, "Opening", Operations.READ, DataType.INTEGER, "", "",
                        List.of(new ArgumentModel(1, "Unused", DataType.STRING, "", "", ""))));
        assertThat(ruleIds(m)).containsExactlyInAnyOrder("argument.order.duplicate", "argument.type.missing",
                "range.syntax", "units.unknown", "argument.not-executable");
    }

    @Test
    void types_from_lwm2m_1_1_in_a_1_0_model_are_errors() {
        ObjectModel m = object(10241, "urn:oma:lwm2m:x:10241", Version.V1_0, BSD3,
                resource(0, "Links", Operations.READ, DataType.CORELNK, "", "", List.of()));
        assertThat(ruleIds(m)).containsExactly("resource.type.version");
    }
}
