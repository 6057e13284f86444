package io.wisp.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.SyntaxException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import org.junit.jupiter.api.Test;

class ObjectLinksTest {

    @Test
    void reads_objects_versions_instances_and_the_content_format_of_a_register_payload() {
        ObjectLinks ol = ObjectLinks.parse("</>;rt=\"oma.lwm2m\";ct=11543,</1/0>,</3/0>,</3303>;ver=1.1,</3303/0>");
        assertThat(ol.alternatePath()).isEqualTo("/");
        assertThat(ol.contentFormats()).containsExactly(ContentFormat.JSON);
        assertThat(ol.objectIds()).containsExactly(1, 3, 3303);
        assertThat(ol.instances(3303)).containsExactly(0);
        assertThat(ol.instances(1)).containsExactly(0);
        assertThat(ol.version(3303)).contains(Version.V1_1);
        assertThat(ol.version(3)).isEmpty();
        assertThat(ol.versions()).containsOnlyKeys(3303);
        assertThat(ol.rootLink()).isPresent();
        assertThat(ol.toString()).isEqualTo("</>;rt=\"oma.lwm2m\";ct=11543,</1/0>,</3/0>,</3303>;ver=1.1,</3303/0>");
    }

    @Test
    void finds_the_alternate_path_from_the_root_link() {
        ObjectLinks ol = ObjectLinks.parse("</lwm2m>;rt=\"oma.lwm2m\",</lwm2m/1/0>,</lwm2m/3/0>,</lwm2m/5>");
        assertThat(ol.alternatePath()).isEqualTo("/lwm2m");
        assertThat(ol.objectIds()).containsExactly(1, 3, 5);
        assertThat(ol.instances(5)).isEmpty();
        assertThat(ObjectLinks.parse("</my/lwm2m/>;rt=\"oma.lwm2m\",</my/lwm2m/3/0>").alternatePath())
                .isEqualTo("/my/lwm2m");
    }

    @Test
    void accepts_payloads_without_a_root_link_and_a_plain_root() {
        ObjectLinks bare = ObjectLinks.parse("</1>");
        assertThat(bare.rootLink()).isEmpty();
        assertThat(bare.alternatePath()).isEqualTo("/");
        assertThat(bare.objectIds()).containsExactly(1);
        assertThat(bare.contentFormats()).isEmpty();

        ObjectLinks plainRoot = ObjectLinks.parse("</>;ct=60,</1/0>,</2/0>,</2/1>");
        assertThat(plainRoot.contentFormats()).containsExactly(ContentFormat.CBOR);
        assertThat(plainRoot.instances(2)).containsExactly(0, 1);
        assertThat(ObjectLinks.parse("").objectIds()).isEmpty();
    }

    @Test
    void reads_a_quoted_list_of_content_formats_and_the_rt_among_others() {
        ObjectLinks ol = ObjectLinks.parse("</>;rt=\"oma.lwm2m other\";ct=\"60 110 112 11542 11543\",</1>;ver=1.2,"
                + "</1/0>,</3>;ver=1.1,</3/0>,</4/0>");
        assertThat(ol.contentFormats()).containsExactly(ContentFormat.CBOR, ContentFormat.SENML_JSON,
                ContentFormat.SENML_CBOR, ContentFormat.TLV, ContentFormat.JSON);
        assertThat(ol.versions()).containsEntry(1, Version.V1_2).containsEntry(3, Version.V1_1);
        assertThat(ObjectLinks.parse("</>;ct=9999").contentFormats()).extracting(ContentFormat::code)
                .containsExactly(9999);
    }

    @Test
    void refuses_links_that_make_no_sense_in_a_register_payload_at_their_position() {
        assertPosition("</1/0>,</3/0/1>", 7, "object or an object instance");
        assertPosition("</lwm2m>;rt=\"oma.lwm2m\",</1/0>", 24, "not below the alternate path /lwm2m");
        assertPosition("</>;rt=\"oma.lwm2m\",</a/0>", 19, "not an LwM2M path");
        assertPosition("</1/0>,</1/0>", 7, "listed twice");
        assertPosition("</3>,</3>;ver=1.1", 5, "object 3 is listed twice");
        assertPosition("</3>;ver=one", 0, "ver must look like 1.1");
        assertPosition("</>;ct=\"60 x\"", 0, "ct must list content format numbers");
        assertPosition("</>;ct=70000", 0, "0..65535");
        assertPosition("</>;ct", 0, "ct has no content format");
        assertPosition("</>;rt=\"oma.lwm2m\",</x>;rt=\"oma.lwm2m\"", 19, "second link");
        assertPosition("</a?b>;rt=\"oma.lwm2m\"", 0, "absolute path");
        assertPosition("</>;rt=\"oma.lwm2m\",</>", 19, "got /");
        assertPosition("</65535>", 0, "65535 is reserved");
    }

    @Test
    void interprets_links_built_in_code_with_plain_errors() {
        ObjectLinks ol = ObjectLinks.of(LinkFormat.parse("</1/0>,</3/0>"));
        assertThat(ol.objectIds()).containsExactly(1, 3);
        assertThat(ol).isEqualTo(ObjectLinks.parse("</1/0>, </3/0>"));
        assertThatThrownBy(() -> ObjectLinks.of(LinkFormat.parse("</1/0/0>")))
                .isInstanceOf(IllegalArgumentException.class).isNotInstanceOf(SyntaxException.class)
                .hasMessageContaining("</1/0/0>");
    }

    private static void assertPosition(String text, int position, String reasonPart) {
        assertThatThrownBy(() -> ObjectLinks.parse(text))
                .as("parsing %s", text)
                .isInstanceOfSatisfying(SyntaxException.class, e -> {
                    assertThat(e.position()).as("position for %s", text).isEqualTo(position);
                    assertThat(e.reason()).as("reason for %s", text).contains(reasonPart);
                });
    }
}
