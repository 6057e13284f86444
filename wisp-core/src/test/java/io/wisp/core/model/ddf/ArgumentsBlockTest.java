package io.wisp.core.model.ddf;

import static io.wisp.core.model.ddf.DdfReaderTest.ITEM_0;
import static io.wisp.core.model.ddf.DdfReaderTest.ddf;
import static io.wisp.core.model.ddf.DdfReaderTest.object;
import static io.wisp.core.model.ddf.DdfReaderTest.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.model.ArgumentModel;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.Operations;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.model.ddf.DdfProblem.Kind;
import io.wisp.core.node.DataType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Executable-argument definitions kept in Description2: written, read back, and reported when malformed. */
class ArgumentsBlockTest {
    static final String EXECUTE_4 = "<Item ID=\"4\"><Name>Start</Name><Operations>E</Operations>"
            + "<MultipleInstances>Single</MultipleInstances><Mandatory>Optional</Mandatory><Type></Type>"
            + "<RangeEnumeration></RangeEnumeration><Units></Units><Description>Starts.</Description></Item>";

    static ObjectModel alarm(String description2, List<ArgumentModel> arguments) {
        ResourceModel start = new ResourceModel(4, "Start", Operations.EXECUTE, false, false, DataType.NONE, "", "",
                "Starts the alarm.", arguments);
        ResourceModel level = ResourceModel.of(0, "Level", Operations.READ, false, true, DataType.INTEGER);
        return new ObjectModel(30000, "Alarm", "An alarm.", description2, true, false, "urn:oma:lwm2m:x:30000",
                Version.V1_0, Version.V1_1, "", ObjectModel.byId(List.of(level, start)));
    }

    static DdfReadResult withDescription2(String d2) {
        return read(ddf(object("<ObjectID>30000</ObjectID>").replace(ITEM_0, ITEM_0 + EXECUTE_4)
                .replace("<Description2/>", "\n<Description2>" + d2 + "</Description2>")));
    }

    @Test
    void arguments_survive_write_and_read_as_readable_schema_valid_text() throws Exception {
        List<ArgumentModel> args = List.of(
                new ArgumentModel(0, "Duration", DataType.INTEGER, "0..3600", "s", "How long it \"sounds\"."),
                new ArgumentModel(1, "Tone", DataType.STRING, "'low','high'", "", "Path C:\\tones\\\nline two\ttab"),
                new ArgumentModel(2, "Note <&>", DataType.NONE, "", "", "é 中 \uD83D\uDE00 \r end"));
        ObjectModel m = alarm("The alarm sounds until acknowledged.", args);
        byte[] xml = DdfWriter.write(m);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("<Description2>The alarm sounds until acknowledged.\n[wisp-arguments]\n"
                + "resource=4 order=0 name=\"Duration\" type=\"Integer\" range=\"0..3600\" units=\"s\""
                + " description=\"How long it \\\"sounds\\\".\"\n");
        assertThat(XsdCheck.registry(true).errors(xml)).isEmpty();
        DdfReadResult back = DdfReader.read(xml, "alarm.xml");
        assertThat(back.problems()).isEmpty();
        assertThat(back.models()).containsExactly(m);
        assertThat(back.entries().get(0).lines().argumentLine(4, 1))
                .isEqualTo(back.entries().get(0).lines().line("Description2") + 3);
    }

    @Test
    void an_empty_or_blank_description2_round_trips_beside_arguments() {
        List<ArgumentModel> one = List.of(new ArgumentModel(3, "X", DataType.BOOLEAN, "", "", ""));
        for (String d2 : List.of("", "\n", "  ", "text\n", "text\n  ", "a\n\nb")) {
            ObjectModel m = alarm(d2, one);
            assertThat(DdfReader.read(DdfWriter.write(m), "d2").models()).as("'%s'", d2).containsExactly(m);
        }
    }

    @Test
    void reads_a_hand_written_block_with_any_field_order_tabs_and_blank_lines() {
        DdfReadResult result = withDescription2("Own text.\n    [wisp-arguments]\n\n"
                + "  order=1\tresource=4 type=\"Float\" name=Speed units=\"m/s\"  \n"
                + "resource=4 order=0 name=\"Mode\" type=\"String\" range=\"\\\"a\\\",\\\"b\\\"\"\n"
                + "  [/wisp-arguments]  \n  ");
        assertThat(result.problems()).isEmpty();
        ObjectModel m = result.models().get(0);
        assertThat(m.description2()).isEqualTo("Own text.");
        assertThat(m.resource(4).arguments()).containsExactly(
                new ArgumentModel(1, "Speed", DataType.FLOAT, "", "m/s", ""),
                new ArgumentModel(0, "Mode", DataType.STRING, "\"a\",\"b\"", "", ""));
    }

    @Test
    void malformed_lines_are_reported_at_their_line_and_good_ones_kept() {
        DdfReadResult result = withDescription2("Intro.\n[wisp-arguments]\n"
                + "resource=4 order=0 name=\"Ok\" type=\"Integer\"\n"
                + "resource=4 order=1 name=\"Bad \\q escape\" type=\"String\"\n"
                + "resource=4 order=2 type=\"String\" name=\"Open\n"
                + "resource=4 order=12 name=\"Two digits\" type=\"String\"\n"
                + "resource=4 name=\"No order\" type=\"String\"\n"
                + "resource=9 order=3 name=\"Nowhere\" type=\"String\"\n"
                + "resource=4 order=4 name=\"Odd type\" type=\"Int32\"\n"
                + "resource=4 order=0 name=\"Again\" type=\"Integer\" colour=\"red\"\n"
                + "[/wisp-arguments]\nTrailing words.");
        ObjectModel m = result.models().get(0);
        assertThat(m.resource(4).arguments()).extracting(ArgumentModel::name)
                .containsExactly("Ok", "Odd type", "Again");
        assertThat(m.resource(4).arguments().get(1).type()).isEqualTo(DataType.NONE);
        assertThat(m.description2()).isEqualTo("Intro.\nTrailing words.");
        int d2 = result.entries().get(0).lines().line("Description2");
        assertThat(result.problems()).allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo(Kind.ARGUMENTS);
            assertThat(p.element()).isEqualTo("Description2");
        });
        assertThat(result.problems()).extracting(p -> (p.line() - d2) + ": " + p.message()).satisfiesExactly(
                p -> assertThat(p).startsWith("3: ").contains("unknown escape"),
                p -> assertThat(p).startsWith("4: ").contains("no closing quote"),
                p -> assertThat(p).startsWith("5: ").contains("order must be one digit"),
                p -> assertThat(p).startsWith("6: ").contains("order is missing"),
                p -> assertThat(p).startsWith("7: ").contains("resource 9, which this object does not define"),
                p -> assertThat(p).startsWith("8: ").contains("unknown argument type"),
                p -> assertThat(p).startsWith("9: ").contains("unknown field 'colour'"),
                p -> assertThat(p).startsWith("9: ").contains("two arguments with order 0 (the other at line "
                        + (d2 + 2) + ")"),
                p -> assertThat(p).startsWith("11: ").contains("text after [/wisp-arguments]"));
    }

    @Test
    void an_unclosed_block_is_reported_and_its_lines_still_read() {
        DdfReadResult result = withDescription2("[wisp-arguments]\nresource=4 order=0 name=\"A\" type=\"\"");
        assertThat(result.models().get(0).resource(4).arguments()).extracting(ArgumentModel::name)
                .containsExactly("A");
        assertThat(result.models().get(0).description2()).isEmpty();
        assertThat(result.problems()).singleElement().extracting(DdfProblem::message).asString()
                .contains("no end line");
    }

    @Test
    void the_marker_inside_a_sentence_is_plain_text_and_the_writer_refuses_it() {
        DdfReadResult result = withDescription2("See [wisp-arguments] in the docs.");
        assertThat(result.problems()).isEmpty();
        ObjectModel m = result.models().get(0);
        assertThat(m.description2()).isEqualTo("See [wisp-arguments] in the docs.");
        assertThatThrownBy(() -> DdfWriter.write(m)).isInstanceOfSatisfying(DdfWriteException.class,
                e -> assertThat(e.field()).isEqualTo("object 30000 Description2"));
    }

    @Test
    void refuses_a_control_character_in_an_argument_naming_it() {
        ObjectModel m = alarm("", List.of(new ArgumentModel(7, "Bad\u0000", DataType.STRING, "", "", "")));
        assertThatThrownBy(() -> DdfWriter.write(m)).isInstanceOfSatisfying(DdfWriteException.class,
                e -> assertThat(e.field()).isEqualTo("object 30000 resource 4 argument 7 name"));
    }
}
