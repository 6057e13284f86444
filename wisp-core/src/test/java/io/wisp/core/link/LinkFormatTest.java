package io.wisp.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.SyntaxException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkFormatTest {

    @Test
    void reads_a_register_payload_as_leshan_and_wakaama_send_it() {
        List<Link> links = LinkFormat.parse("</>;rt=\"oma.lwm2m\";ct=11543,</1/0>,</3/0>,</3303>;ver=1.1,</3303/0>");
        assertThat(links).extracting(Link::uriReference).containsExactly("/", "/1/0", "/3/0", "/3303", "/3303/0");
        assertThat(links.get(0).attributes()).containsExactly(LinkAttribute.of("rt", "oma.lwm2m"),
                LinkAttribute.of("ct", "11543"));
        assertThat(links.get(3).value("ver")).contains("1.1");
        assertThat(links.get(1).attributes()).isEmpty();
    }

    @Test
    void treats_quoted_and_unquoted_values_alike_and_keeps_a_list_in_quotes() {
        assertThat(LinkFormat.parse("</>;ct=60").get(0).value("ct")).contains("60");
        assertThat(LinkFormat.parse("</>;ct=\"60\"")).isEqualTo(LinkFormat.parse("</>;ct=60"));
        assertThat(LinkFormat.parse("</>;ct=\"60 110 112 11542 11543\"").get(0).value("ct"))
                .contains("60 110 112 11542 11543");
    }

    @Test
    void reads_parameters_without_value_spaces_line_breaks_and_a_trailing_comma() {
        List<Link> links = LinkFormat.parse(" </3/0/1> ; obs ; ct = 0 ,\r\n\t</3/0/2>;title=\"Model, \\\"v2\\\"\",\n");
        assertThat(links).hasSize(2);
        assertThat(links.get(0).attribute("obs")).contains(LinkAttribute.flag("obs"));
        assertThat(links.get(0).value("obs")).isEmpty();
        assertThat(links.get(0).has("obs")).isTrue();
        assertThat(links.get(0).value("CT")).contains("0");
        assertThat(links.get(1).value("title")).contains("Model, \"v2\"");
        assertThat(LinkFormat.parse("")).isEmpty();
        assertThat(LinkFormat.parse(" \n ")).isEmpty();
    }

    @Test
    void writes_one_canonical_form_without_spaces() {
        List<Link> links = LinkFormat.parse("</> ; rt=oma.lwm2m ; ct=\"60\", </1/0> ;obs; title=\"a \\\\ b\" ,");
        assertThat(LinkFormat.print(links)).isEqualTo("</>;rt=\"oma.lwm2m\";ct=60,</1/0>;obs;title=\"a \\\\ b\"");
        assertThat(Link.of("/3/0/7", LinkAttribute.of("gt", "-5.5"), LinkAttribute.of("lt", "1.")).toString())
                .isEqualTo("</3/0/7>;gt=-5.5;lt=\"1.\"");
        assertThat(Link.of("/", LinkAttribute.of("rt", "42")).toString()).isEqualTo("</>;rt=\"42\"");
        assertThat(LinkAttribute.of("uri", "coaps://server.example.com:5684").toString())
                .isEqualTo("uri=\"coaps://server.example.com:5684\"");
        assertThat(LinkAttribute.of("ep", "").toString()).isEqualTo("ep=\"\"");
    }

    @Test
    void garbage_is_refused_naming_the_position() {
        assertPosition("hello", 0, "expected '<'");
        assertPosition("</1>,,</2>", 5, "expected '<'");
        assertPosition(",</1>", 0, "expected '<'");
        assertPosition("</1", 0, "no closing '>'");
        assertPosition("</1 2>", 3, "cannot appear in a URI");
        assertPosition("</1></2>", 4, "expected ','");
        assertPosition("</1>;", 5, "parameter name after ';'");
        assertPosition("</1>;=5", 5, "expected a parameter name");
        assertPosition("</1>;ct=\"60", 8, "not closed");
        assertPosition("</1>;ct=6\"0\"", 9, "quote it");
        assertPosition("</1>;ct=\"6\u00010\"", 10, "control character");
        assertPosition("</1>;ct=60 110", 11, "expected ','");
        assertThatThrownBy(() -> LinkFormat.parse(null)).isInstanceOf(SyntaxException.class);
    }

    @Test
    void looks_up_the_first_parameter_of_a_name() {
        Link link = LinkFormat.parse("</1>;rt=a;rt=b").get(0);
        assertThat(link.value("rt")).contains("a");
        assertThat(link.attributes()).hasSize(2);
        assertThat(link.attribute("if")).isEqualTo(Optional.empty());
    }

    @Test
    void construction_refuses_what_could_not_be_written_back() {
        assertThatThrownBy(() -> Link.of("/a>b")).hasMessageContaining("uriReference");
        assertThatThrownBy(() -> LinkAttribute.of("c t", "1")).hasMessageContaining("name");
        assertThatThrownBy(() -> LinkAttribute.of("", "1")).hasMessageContaining("name must not be empty");
        assertThatThrownBy(() -> LinkAttribute.of("t", "a\nb")).hasMessageContaining("control character");
    }

    static void assertPosition(String text, int position, String reasonPart) {
        assertThatThrownBy(() -> LinkFormat.parse(text))
                .as("parsing %s", text)
                .isInstanceOfSatisfying(SyntaxException.class, e -> {
                    assertThat(e.position()).as("position for %s", text).isEqualTo(position);
                    assertThat(e.reason()).as("reason for %s", text).contains(reasonPart);
                });
    }
}
