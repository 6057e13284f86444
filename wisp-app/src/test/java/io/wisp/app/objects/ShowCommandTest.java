package io.wisp.app.objects;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.model.ArgumentModel;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.Operations;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.model.ddf.DdfWriter;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowCommandTest {

    /** The table line of a resource: the row starting with its ID, split into cells on runs of 2+ blanks. */
    private static List<String> row(String table, int resourceId) {
        return Arrays.stream(table.split("\n"))
                .filter(l -> l.startsWith(resourceId + "  "))
                .findFirst()
                .map(l -> List.of(l.strip().split(" {2,}")))
                .orElseThrow(() -> new AssertionError("no row for resource " + resourceId + " in\n" + table));
    }

    @Test
    void an_id_shows_the_bundled_object_with_its_header_and_resources() {
        Cli.Result r = Cli.run("objects", "show", "3");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Object 3: Device", "urn:oma:lwm2m:oma:3:1.2", "bundled:3.xml", "Single",
                "Resources (23)");
        // Facts of the Device object (Core TS Appendix E.4): Reboot is executable, Error Code multiple.
        assertThat(row(r.out(), 4)).containsExactly("4", "Reboot", "E", "Single", "Mandatory");
        assertThat(row(r.out(), 9)).containsExactly("9", "Battery Level", "R", "Single", "Optional", "Integer",
                "0..100", "/100");
        assertThat(row(r.out(), 11)).contains("Error Code", "Multiple", "Mandatory");
        assertThat(r.out()).contains("Executable arguments (0)");
    }

    @Test
    void executable_arguments_are_listed_under_their_resource() {
        Cli.Result r = Cli.run("objects", "show", "1");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Executable arguments (1)");
        String argumentLine = Arrays.stream(r.out().split("\n")).filter(l -> l.startsWith("8 Registration"))
                .findFirst().orElseThrow();
        assertThat(argumentLine).contains("Transport Binding", "String", "\"U\"");
    }

    @Test
    void a_file_is_read_and_shown_with_its_arguments(@TempDir Path dir) throws Exception {
        ResourceModel sound = new ResourceModel(4, "Sound Alarm", Operations.EXECUTE, false, false, DataType.NONE,
                "", "", "Makes the device beep.",
                List.of(new ArgumentModel(0, "Duration", DataType.INTEGER, "1..60", "s", "How long to beep."),
                        new ArgumentModel(1, "Tone", DataType.STRING, "", "", "Which tone.")));
        ResourceModel level = ResourceModel.of(1, "Volume", Operations.READ_WRITE, false, true, DataType.INTEGER);
        ObjectModel alarm = new ObjectModel(10999, "Test Alarm", "An alarm for tests.", "", true, false,
                "urn:oma:lwm2m:x:10999", Version.V1_0, Version.V1_0, "", ObjectModel.byId(List.of(sound, level)));
        Path file = dir.resolve("alarm.xml");
        Files.write(file, DdfWriter.write(alarm));

        Cli.Result r = Cli.run("objects", "show", file.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Object 10999: Test Alarm", "Multiple", file.toString(),
                "Executable arguments (2)");
        assertThat(row(r.out(), 1)).containsExactly("1", "Volume", "RW", "Single", "Mandatory", "Integer");
        List<String> lines = Arrays.asList(r.out().split("\n"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("4 Sound Alarm", "0", "Duration", "Integer",
                "1..60", "s", "How long to beep."));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("4 Sound Alarm", "1", "Tone", "String"));
    }

    @Test
    void an_unknown_id_or_a_missing_file_fails_with_a_message() {
        Cli.Result unknown = Cli.run("objects", "show", "4242");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).contains("object 4242", "--models");

        Cli.Result missing = Cli.run("objects", "show", "/no/such/dir/object.xml");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("/no/such/dir/object.xml");
    }

    @Test
    void a_file_that_is_not_ddf_fails_with_the_reader_problem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.xml");
        Files.writeString(file, "<LWM2M><Object>");
        Cli.Result r = Cli.run("objects", "show", file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(file.toString(), "not readable");
    }

    @Test
    void a_version_that_is_not_known_shows_the_nearest_with_a_warning() {
        Cli.Result r = Cli.run("objects", "show", "3", "--version", "1.0");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Object version  1.2");
        assertThat(r.err()).contains("warning", "version 1.0", "1.2");

        assertThat(Cli.run("objects", "show", "3", "--version", "one").exitCode()).isEqualTo(2);
    }

    @Test
    void models_directories_add_objects_and_override_bundled_ones(@TempDir Path dir) throws Exception {
        ObjectModel device = ModelRegistry.bundled().find(3).orElseThrow();
        ObjectModel vendorDevice = new ObjectModel(3, "Vendor Device", device.description(), "", false, true,
                device.urn(), device.objectVersion(), device.lwm2mVersion(), device.license(), device.resources());
        Files.write(dir.resolve("3.xml"), DdfWriter.write(vendorDevice));
        ObjectModel extra = new ObjectModel(10999, "Test Gadget", "A gadget for tests.", "", false, false,
                "urn:oma:lwm2m:x:10999", Version.V1_0, Version.V1_0, "", ObjectModel.byId(List.of(
                        ResourceModel.of(0, "State", Operations.READ, false, true, DataType.BOOLEAN))));
        Files.write(dir.resolve("10999.xml"), DdfWriter.write(extra));

        Cli.Result overridden = Cli.run("objects", "show", "3", "--models", dir.toString());
        assertThat(overridden.exitCode()).isZero();
        assertThat(overridden.out()).contains("Object 3: Vendor Device", dir.resolve("3.xml").toString());

        Cli.Result added = Cli.run("objects", "show", "10999", "--models", dir.toString());
        assertThat(added.exitCode()).isZero();
        assertThat(added.out()).contains("Test Gadget");

        Cli.Result badDir = Cli.run("objects", "show", "3", "--models", dir.resolve("nope").toString());
        assertThat(badDir.exitCode()).isZero();
        assertThat(badDir.out()).contains("Object 3: Device");
        assertThat(badDir.err()).contains("warning", "nope", "not a directory");
    }
}
