package io.wisp.core.model.ddf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class XmlTreeReaderTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void reads_elements_with_lines_and_leading_comments_despite_bom_and_blanks() throws Exception {
        byte[] text = utf8("\n\n  <?xml version=\"1.0\"?>\r\n<!-- license -->\r\n<A x=\"1\">\r\n  <B>hi</B>\r\n</A>\r\n");
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        XmlDocument doc = XmlTreeReader.read(withBom);
        assertThat(doc.leadingComments()).containsExactly(" license ");
        assertThat(doc.root().name()).isEqualTo("A");
        assertThat(doc.root().attributes()).containsEntry("x", "1");
        XmlElement b = doc.root().child("B").orElseThrow();
        assertThat(b.text()).isEqualTo("hi");
        assertThat(b.line()).isEqualTo(6);
    }

    @Test
    void refuses_doctype_and_external_entities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
        assertThatThrownBy(() -> XmlTreeReader.read(utf8(xxe))).isInstanceOf(XmlReadException.class);
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]><r>&b;</r>";
        assertThatThrownBy(() -> XmlTreeReader.read(utf8(bomb))).isInstanceOf(XmlReadException.class);
    }

    @Test
    void reports_malformed_xml_with_its_line() {
        assertThatThrownBy(() -> XmlTreeReader.read(utf8("<a>\n<b>\n</a>")))
                .isInstanceOfSatisfying(XmlReadException.class, e -> assertThat(e.line()).isEqualTo(3));
        assertThatThrownBy(() -> XmlTreeReader.read(new byte[0])).isInstanceOf(XmlReadException.class);
    }

    @Test
    void reports_invalid_utf8_with_its_line_and_byte() {
        byte[] head = utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\n");
        byte[] bad = new byte[head.length + 6];
        System.arraycopy(head, 0, bad, 0, head.length);
        bad[head.length] = (byte) 0xC3;
        bad[head.length + 1] = (byte) 0x28;
        System.arraycopy(utf8("</a>"), 0, bad, head.length + 2, 4);
        assertThatThrownBy(() -> XmlTreeReader.read(bad))
                .isInstanceOfSatisfying(XmlReadException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("invalid UTF-8 at byte " + head.length);
    }

    @Test
    void reads_a_declared_latin1_file() throws Exception {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\u00e9</a>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(XmlTreeReader.read(latin1).root().text()).isEqualTo("caf\u00e9");
    }

    @Test
    void refuses_files_over_the_size_limit() {
        byte[] big = new byte[XmlTreeReader.MAX_BYTES + 1];
        assertThatThrownBy(() -> XmlTreeReader.read(big)).hasMessageContaining("limit");
    }

    @Test
    void reads_every_registry_file() throws Exception {
        var omna = SharedData.omna();
        int count = 0;
        try (var files = Files.walk(omna)) {
            for (var f : files.filter(p -> p.toString().endsWith(".xml")).toList()) {
                XmlDocument doc = XmlTreeReader.read(Files.readAllBytes(f));
                assertThat(doc.root().name()).as(f.toString()).isNotEmpty();
                count++;
            }
        }
        assertThat(count).isGreaterThanOrEqualTo(751);
    }
}
