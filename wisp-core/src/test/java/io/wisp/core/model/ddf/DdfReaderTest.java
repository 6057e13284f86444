package io.wisp.core.model.ddf;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.Operations;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.model.ddf.DdfProblem.Kind;
import io.wisp.core.node.DataType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DdfReaderTest {

    static final String ITEM_0 = """
            <Item ID="0"><Name>Value</Name><Operations>R</Operations><MultipleInstances>Single</MultipleInstances>
            <Mandatory>Mandatory</Mandatory><Type>Float</Type><RangeEnumeration/><Units>Cel</Units>
            <Description>The value.</Description></Item>""";

    /** A DDF file around one object's children. */
    static String ddf(String objectChildren) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LWM2M>\n<Object ObjectType=\"MODefinition\">\n"
                + objectChildren + "\n</Object>\n</LWM2M>\n";
    }

    /** A complete object whose ID element is given, with one resource. */
    static String object(String idElement) {
        return "<Name>Thing</Name><Description1>d</Description1>" + idElement
                + "<ObjectURN>urn:oma:lwm2m:x:30000</ObjectURN><MultipleInstances>Single</MultipleInstances>"
                + "<Mandatory>Optional</Mandatory><Resources>" + ITEM_0 + "</Resources><Description2/>";
    }

    static DdfReadResult read(String xml) {
        return DdfReader.read(xml.getBytes(StandardCharsets.UTF_8), "test.xml");
    }

    @Test
    void reads_elements_by_name_in_any_order_despite_bom_crlf_and_blanks() {
        String text = ("\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- My License -->\n"
                + "<LWM2M xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                + "  <Object ObjectType=\"MODefinition\">\n"
                + "    <Resources>\n"
                + "      <Item ID=\" 7 \">\n"
                + "        <Description><![CDATA[ Press <here> & wait. ]]></Description>\n"
                + "        <Type> Unsigned Integer </Type><Mandatory> Optional </Mandatory>\n"
                + "        <MultipleInstances>Multiple\n</MultipleInstances><Operations> RW </Operations>\n"
                + "        <Units>\n   s\n  </Units><RangeEnumeration> 0..10 </RangeEnumeration>\n"
                + "        <Name>  Press Count </Name>\n"
                + "      </Item>\n"
                + "    </Resources>\n"
                + "    <Description2>  second\n  part </Description2>\n"
                + "    <Mandatory>Mandatory</Mandatory><MultipleInstances>Single</MultipleInstances>\n"
                + "    <ObjectVersion> 2.1 </ObjectVersion><LWM2MVersion>1.1</LWM2MVersion>\n"
                + "    <ObjectURN> urn:oma:lwm2m:x:30001:2.1 </ObjectURN><ObjectID>\n30001\n</ObjectID>\n"
                + "    <Description1>First &amp; only.</Description1><Name>Press Counter</Name>\n"
                + "  </Object>\n</LWM2M>\n").replace("\n", "\r\n");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        DdfReadResult result = DdfReader.read(withBom, "bom.xml");

        assertThat(result.problems()).isEmpty();
        ObjectModel m = result.models().get(0);
        ResourceModel expectedResource = new ResourceModel(7, "Press Count", Operations.READ_WRITE, true, false,
                DataType.UNSIGNED_INTEGER, "0..10", "s", " Press <here> & wait. ", java.util.List.of());
        ObjectModel expected = new ObjectModel(30001, "Press Counter", "First & only.", "  second\n  part ", false,
                true, "urn:oma:lwm2m:x:30001:2.1", new Version(2, 1), Version.V1_1, " My License ",
                ObjectModel.byId(java.util.List.of(expectedResource)));
        assertThat(m).isEqualTo(expected);
        SourceLines lines = result.entries().get(0).lines();
        assertThat(lines.objectLine()).isEqualTo(5);
        assertThat(lines.resourceLine(7)).isEqualTo(7);
        assertThat(lines.resourceLine(7, "Type")).isEqualTo(9);
        assertThat(lines.line("ObjectURN")).isEqualTo(22);
        assertThat(lines.resourceLine(99)).as("unknown resource falls back to the object").isEqualTo(5);
    }

    @Test
    void reads_several_objects_of_one_file_with_the_shared_license() {
        String xml = "<?xml version=\"1.0\"?>\n<!--part one-->\n<!--part two-->\n<LWM2M><Object ObjectType=\"x\">"
                + object("<ObjectID>30000</ObjectID>") + "</Object><Object ObjectType=\"x\">"
                + object("<ObjectID>30002</ObjectID>") + "</Object></LWM2M>";
        DdfReadResult result = read(xml);
        assertThat(result.problems()).isEmpty();
        assertThat(result.models()).extracting(ObjectModel::id).containsExactly(30000, 30002);
        assertThat(result.models()).extracting(ObjectModel::license).containsOnly("part one\npart two");
        assertThat(result.objectModels().find(30002)).isPresent();
    }

    @Test
    void absent_versions_mean_1_0_and_a_bad_version_is_reported() {
        ObjectModel plain = read(ddf(object("<ObjectID>30000</ObjectID>"))).models().get(0);
        assertThat(plain.objectVersion()).isEqualTo(Version.V1_0);
        assertThat(plain.lwm2mVersion()).isEqualTo(Version.V1_0);

        DdfReadResult bad = read(ddf(object("<ObjectID>30000</ObjectID>\n<ObjectVersion>1.0.1</ObjectVersion>")));
        assertThat(bad.models().get(0).objectVersion()).isEqualTo(Version.V1_0);
        assertThat(bad.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.INVALID);
            assertThat(p.element()).isEqualTo("ObjectVersion");
            assertThat(p.value()).isEqualTo("1.0.1");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("major.minor").contains("read as 1.0");
        });
    }

    @Test
    void an_object_without_a_usable_id_is_skipped_and_the_next_one_still_read() {
        String xml = "<LWM2M>\n<Object ObjectType=\"MODefinition\">" + object("<ObjectID>3303a</ObjectID>")
                + "</Object>\n<Object ObjectType=\"MODefinition\">" + object("<ObjectID>65535</ObjectID>")
                + "</Object>\n<Object ObjectType=\"MODefinition\">" + object("") + "</Object>\n"
                + "<Object ObjectType=\"MODefinition\">" + object("<ObjectID>30000</ObjectID>") + "</Object></LWM2M>";
        DdfReadResult result = read(xml);
        assertThat(result.models()).extracting(ObjectModel::id).containsExactly(30000);
        assertThat(result.problems()).hasSize(3);
        assertThat(result.problems().get(0)).satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.INVALID);
            assertThat(p.source()).isEqualTo("test.xml");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.element()).isEqualTo("ObjectID");
            assertThat(p.value()).isEqualTo("3303a");
            assertThat(p.message()).contains("whole number").contains("skipped");
            assertThat(p.toString()).startsWith("test.xml:2: ObjectID '3303a' - ");
        });
        assertThat(result.problems().get(1).message()).contains("65535 is reserved");
        assertThat(result.problems().get(2).kind()).isEqualTo(Kind.MISSING);
    }

    @Test
    void a_wrong_type_name_is_reported_with_the_types_allowed() {
        String item = ITEM_0.replace("<Type>Float</Type>", "<Type>Int32</Type>");
        DdfReadResult result = read(ddf(object("<ObjectID>30000</ObjectID>").replace(ITEM_0, item)));
        assertThat(result.models().get(0).resource(0).type()).isEqualTo(DataType.NONE);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.INVALID);
            assertThat(p.element()).isEqualTo("Item[0]/Type");
            assertThat(p.value()).isEqualTo("Int32");
            assertThat(p.message()).contains("'Integer'").contains("'Unsigned Integer'").contains("'Corelnk'");
        });
    }

    @Test
    void a_value_in_the_wrong_case_is_read_as_the_schema_spells_it_and_reported() {
        String item = ITEM_0.replace("<Type>Float</Type>", "<Type>integer</Type>")
                .replace("<Operations>R</Operations>", "<Operations>rw</Operations>");
        DdfReadResult result = read(ddf(object("<ObjectID>30000</ObjectID>").replace(ITEM_0, item)));
        ResourceModel r = result.models().get(0).resource(0);
        assertThat(r.type()).isEqualTo(DataType.INTEGER);
        assertThat(r.operations()).isEqualTo(Operations.READ_WRITE);
        assertThat(result.problems()).extracting(DdfProblem::message)
                .containsExactly("the schema spells it 'RW'; read as that",
                        "the schema spells it 'Integer'; read as that");
    }

    @Test
    void missing_and_unknown_elements_are_reported_with_the_default_used() {
        String item = "<Item ID=\"3\"><Name>Reset</Name><Operations>W</Operations><Colour>red</Colour></Item>"
                + "<Item><Name>No ID</Name></Item>" + ITEM_0 + ITEM_0;
        DdfReadResult result = read(ddf(object("<ObjectID>30000</ObjectID>").replace(ITEM_0, item)));
        ObjectModel m = result.models().get(0);
        assertThat(m.resources().keySet()).containsExactly(0, 3);
        ResourceModel reset = m.resource(3);
        assertThat(reset.multiple()).isFalse();
        assertThat(reset.mandatory()).isFalse();
        assertThat(reset.type()).isEqualTo(DataType.NONE);
        assertThat(result.problems()).extracting(p -> p.kind() + " " + p.element()).containsExactly(
                "IGNORED Item[3]/Colour", "MISSING Item[3]/MultipleInstances", "MISSING Item[3]/Mandatory",
                "MISSING Item[3]/Type", "MISSING Item[3]/RangeEnumeration", "MISSING Item[3]/Units",
                "MISSING Item[3]/Description", "MISSING Item", "IGNORED Item[0]");
        assertThat(result.problems().get(3).message()).contains("not executable needs a Type");
        assertThat(result.problems().get(8).message()).contains("appears twice");
    }

    @Test
    void a_flood_of_bad_elements_gives_a_bounded_report() {
        DdfReadResult result = read(ddf(object("<ObjectID>30000</ObjectID>") + "<X/>".repeat(2000)));
        assertThat(result.models()).hasSize(1);
        assertThat(result.problems()).hasSize(ProblemLog.MAX + 1);
        assertThat(result.problems().get(ProblemLog.MAX).message()).isEqualTo("1500 more problems are not listed");
    }

    @Test
    void malformed_xml_is_reported_with_its_line() {
        DdfReadResult result = read("<LWM2M>\n<Object>\n<Name>x</Nam>\n</Object>\n</LWM2M>");
        assertThat(result.models()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.UNREADABLE);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("not readable as DDF XML");
        });
    }

    @Test
    void an_external_entity_is_refused_and_never_read(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-VALUE");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE LWM2M [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + ddf(object("<ObjectID>30000</ObjectID>").replace("<Description1>d", "<Description1>&x;"))
                .replaceFirst("<\\?xml[^>]*>", "");
        DdfReadResult result = read(xxe);
        assertThat(result.models()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.UNREADABLE);
            assertThat(p.message()).containsIgnoringCase("DOCTYPE").doesNotContain("TOP-SECRET-VALUE");
        });
    }

    @Test
    void a_billion_laughs_entity_bomb_is_refused() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE LWM2M [<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>\n<LWM2M><Object><Name>&l10;</Name></Object></LWM2M>");
        DdfReadResult result = read(dtd.toString());
        assertThat(result.models()).isEmpty();
        assertThat(result.problems()).singleElement().extracting(DdfProblem::kind).isEqualTo(Kind.UNREADABLE);
    }

    @Test
    void a_one_megabyte_description_is_kept_and_reported_briefly() {
        String huge = "x".repeat(1024 * 1024);
        String item = ITEM_0.replace("<Description>The value.</Description>", "<Description>" + huge
                + "</Description>");
        DdfReadResult result = read(ddf(object("<ObjectID>30000</ObjectID>").replace(ITEM_0, item)));
        assertThat(result.models().get(0).resource(0).description()).isEqualTo(huge);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.OVERSIZED);
            assertThat(p.element()).isEqualTo("Item[0]/Description");
            assertThat(p.message()).contains("1048576 characters");
            assertThat(p.value().length()).isLessThanOrEqualTo(DdfProblem.MAX_SHOWN);
        });
    }

    @Test
    void a_ten_megabyte_file_is_refused_by_size(@TempDir Path dir) throws Exception {
        byte[] big = new byte[10 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        byte[] head = ddf(object("<ObjectID>30000</ObjectID>")).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, big, 0, head.length);
        DdfReadResult fromBytes = DdfReader.read(big, "big.xml");
        assertThat(fromBytes.models()).isEmpty();
        assertThat(fromBytes.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.UNREADABLE);
            assertThat(p.message()).contains("10485760 bytes").contains("limit");
        });
        Path file = dir.resolve("big.xml");
        Files.write(file, big);
        assertThat(DdfReader.read(file).problems()).singleElement().extracting(DdfProblem::message)
                .asString().contains("10485760 bytes");
    }

    @Test
    void a_file_that_is_not_a_ddf_or_not_there_gives_a_problem(@TempDir Path dir) {
        DdfReadResult other = read("<DDFList><Item/></DDFList>");
        assertThat(other.problems()).singleElement().extracting(DdfProblem::message).asString()
                .contains("root element is <DDFList>");
        DdfReadResult empty = read("<LWM2M/>");
        assertThat(empty.problems()).singleElement().extracting(DdfProblem::message).asString()
                .contains("no <Object>");
        DdfReadResult missing = DdfReader.read(dir.resolve("absent.xml"));
        assertThat(missing.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.UNREADABLE);
            assertThat(p.source()).endsWith("absent.xml");
            assertThat(p.message()).contains("cannot read the file");
        });
    }
}
