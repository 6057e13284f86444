package io.wisp.server.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.SyntaxException;
import io.wisp.core.link.ObjectLinks;
import io.wisp.core.model.Version;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompactObjectLinksTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "</>;rt=\"oma.lwm2m\";ct=11543,</1>;ver=1.1,</1/0>,</3>;ver=1.2,</3/0>,</3442/0>",
        "</lwm2m>;rt=\"oma.lwm2m\",</lwm2m/1/101>,</lwm2m/3/0>,</lwm2m/5>",
        "</1/0>,</3/0>,</65534/65534>,</40000/7>",
        "</3/0>, </4/0>,\n</5>"})
    void answers_like_the_full_view_of_the_same_payload(String payload) {
        CompactObjectLinks compact = CompactObjectLinks.parse(payload);
        ObjectLinks full = ObjectLinks.parse(payload);

        assertThat(compact.objectIds()).isEqualTo(full.objectIds());
        for (int id : full.objectIds()) {
            assertThat(compact.instances(id)).as("instances of %s", id).isEqualTo(full.instances(id));
            assertThat(compact.version(id)).as("version of %s", id).isEqualTo(full.version(id));
            assertThat(compact.hasObject(id)).isTrue();
        }
        assertThat(compact.hasObject(2)).isFalse();
        assertThat(compact.alternatePath()).isEqualTo(full.alternatePath());
        assertThat(compact.contentFormats()).isEqualTo(full.contentFormats());
        assertThat(compact.expand()).isEqualTo(full);
        assertThat(compact.payloadText()).isEqualTo(payload);
    }

    @Test
    void equal_payloads_share_one_instance() {
        String payload = "</>;rt=\"oma.lwm2m\",</1/0>,</3/0>";

        assertThat(CompactObjectLinks.parse(payload)).isSameAs(CompactObjectLinks.parse(new String(payload)));
    }

    @Test
    void versions_are_kept_per_object() {
        CompactObjectLinks links = CompactObjectLinks.parse("</3>;ver=1.2,</3/0>,</5>,</3303>;ver=2.10");

        assertThat(links.version(3)).contains(Version.V1_2);
        assertThat(links.version(3303)).contains(new Version(2, 10));
        assertThat(links.version(5)).isEmpty();
    }

    @Test
    void the_empty_payload_has_no_objects_and_a_bad_one_says_where() {
        assertThat(CompactObjectLinks.parse("").objectIds()).isEmpty();
        assertThat(CompactObjectLinks.parse("").alternatePath()).isEqualTo("/");
        assertThat(CompactObjectLinks.parse("").contentFormats()).isEqualTo(List.of());
        assertThatThrownBy(() -> CompactObjectLinks.parse("</3/0>,</3/x>")).isInstanceOf(SyntaxException.class);
    }

    @Test
    void an_update_without_root_link_keeps_the_formats_and_alternate_path_announced_before() {
        CompactObjectLinks registered = CompactObjectLinks.parse("</>;rt=\"oma.lwm2m\";ct=\"110 112\",</3/0>");
        CompactObjectLinks update = CompactObjectLinks.parse("</3/0>,</16/4>").withRootOf(registered);
        assertThat(update.contentFormats()).isEqualTo(registered.contentFormats());
        assertThat(update.instances(16)).containsExactly(4);

        CompactObjectLinks ownRoot = CompactObjectLinks.parse("</>;rt=\"oma.lwm2m\";ct=11542,</3/0>");
        assertThat(ownRoot.withRootOf(registered).contentFormats())
                .containsExactly(io.wisp.core.codec.ContentFormat.TLV);
    }
}
