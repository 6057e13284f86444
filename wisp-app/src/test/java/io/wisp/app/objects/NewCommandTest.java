package io.wisp.app.objects;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.Version;
import io.wisp.core.model.ddf.DdfReadResult;
import io.wisp.core.model.ddf.DdfReader;
import io.wisp.core.model.validate.ObjectValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTest {

    private static ObjectModel readOne(byte[] xml) {
        DdfReadResult result = DdfReader.read(xml, "new");
        assertThat(result.problems()).isEmpty();
        assertThat(result.models()).hasSize(1);
        return result.models().get(0);
    }

    @Test
    void writes_a_skeleton_to_stdout_that_the_validator_accepts_without_any_finding() {
        Cli.Result r = Cli.run("objects", "new", "--id", "10999", "--name", "Water Meter");
        assertThat(r.exitCode()).isZero();
        byte[] xml = r.out().getBytes(StandardCharsets.UTF_8);
        assertThat(ObjectValidator.validateXml(xml, "stdout")).isEmpty();
        ObjectModel model = readOne(xml);
        assertThat(model.id()).isEqualTo(10999);
        assertThat(model.name()).isEqualTo("Water Meter");
        assertThat(model.urn()).isEqualTo("urn:oma:lwm2m:x:10999");
        assertThat(model.multiple()).isFalse();
        assertThat(model.objectVersion()).isEqualTo(Version.V1_0);
        assertThat(model.resources()).isNotEmpty();
    }

    @Test
    void options_set_instances_versions_and_the_urn_follows_the_id_class_and_version() {
        ObjectModel oma = readOne(Cli.run("objects", "new", "--id", "42", "--name", "Test Object", "--multiple",
                "--version", "1.1", "--lwm2m", "1.1").out().getBytes(StandardCharsets.UTF_8));
        assertThat(oma.urn()).isEqualTo("urn:oma:lwm2m:oma:42:1.1");
        assertThat(oma.multiple()).isTrue();
        assertThat(oma.objectVersion()).isEqualTo(Version.V1_1);
        assertThat(oma.lwm2mVersion()).isEqualTo(Version.V1_1);

        ObjectModel ext = readOne(Cli.run("objects", "new", "--id", "3400", "--name", "Test Object")
                .out().getBytes(StandardCharsets.UTF_8));
        assertThat(ext.urn()).isEqualTo("urn:oma:lwm2m:ext:3400");
    }

    @Test
    void new_then_validate_then_show_round_trip_through_a_file(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("meter.xml");
        Cli.Result created = Cli.run("objects", "new", "--id", "10999", "--name", "Water Meter", "--multiple",
                "--version", "2.0", "-o", file.toString());
        assertThat(created.exitCode()).isZero();
        assertThat(created.out()).contains("wrote " + file);

        Cli.Result validated = Cli.run("objects", "validate", "--strict", file.toString());
        assertThat(validated.exitCode()).isZero();
        assertThat(validated.out()).contains("1 file checked: 0 errors, 0 warnings");

        Cli.Result shown = Cli.run("objects", "show", file.toString());
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out()).contains("Object 10999: Water Meter", "urn:oma:lwm2m:x:10999:2.0", "Multiple");
    }

    @Test
    void an_existing_file_is_kept_unless_forced(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("taken.xml");
        Files.writeString(file, "keep me");
        Cli.Result refused = Cli.run("objects", "new", "--id", "10999", "--name", "Water Meter", "-o", file.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("--force");
        assertThat(Files.readString(file)).isEqualTo("keep me");

        Cli.Result forced = Cli.run("objects", "new", "--id", "10999", "--name", "Water Meter", "-o",
                file.toString(), "--force");
        assertThat(forced.exitCode()).isZero();
        assertThat(readOne(Files.readAllBytes(file)).name()).isEqualTo("Water Meter");
    }

    @Test
    void an_id_the_validator_rejects_writes_nothing_and_says_why(@TempDir Path dir) {
        Path file = dir.resolve("reserved.xml");
        Cli.Result r = Cli.run("objects", "new", "--id", "1500", "--name", "Reserved Thing", "-o", file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("object.id.reserved");
        assertThat(file).doesNotExist();
    }

    @Test
    void bad_arguments_are_usage_errors() {
        assertThat(Cli.run("objects", "new", "--id", "70000", "--name", "Too Big").exitCode()).isEqualTo(2);
        assertThat(Cli.run("objects", "new", "--id", "10999").exitCode()).isEqualTo(2);
        assertThat(Cli.run("objects", "new", "--id", "10999", "--name", " ").exitCode()).isEqualTo(2);
        assertThat(Cli.run("objects", "new", "--id", "10999", "--name", "X", "--version", "1").exitCode())
                .isEqualTo(2);
    }

    @Test
    void a_path_that_cannot_be_written_fails_cleanly(@TempDir Path dir) {
        Path file = dir.resolve("no/such/dir/x.xml");
        Cli.Result r = Cli.run("objects", "new", "--id", "10999", "--name", "Water Meter", "-o", file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("cannot write");
    }
}
