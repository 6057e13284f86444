package io.wisp.core.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.SyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LwM2mPathTest {

    @Test
    void parses_every_depth_and_prints_it_back() {
        assertThat(LwM2mPath.parse("/")).isEqualTo(LwM2mPath.ROOT);
        assertThat(LwM2mPath.parse("")).isEqualTo(LwM2mPath.ROOT);
        assertThat(LwM2mPath.parse("/3").isObject()).isTrue();
        assertThat(LwM2mPath.parse("/3/0").isObjectInstance()).isTrue();
        assertThat(LwM2mPath.parse("/3/0/9").resourceId()).isEqualTo(9);
        assertThat(LwM2mPath.parse("3/0/7/1").resourceInstanceId()).isEqualTo(1);
        assertThat(LwM2mPath.parse("/65534/65534").toString()).isEqualTo("/65534/65534");
        assertThat(LwM2mPath.ROOT.toString()).isEqualTo("/");
    }

    @Test
    void rejects_reserved_and_malformed_ids_naming_the_position() {
        assertThatThrownBy(() -> LwM2mPath.parse("/3/65535"))
                .isInstanceOfSatisfying(SyntaxException.class, e -> assertThat(e.position()).isEqualTo(3))
                .hasMessageContaining("65535 is reserved");
        assertThatThrownBy(() -> LwM2mPath.parse("/3/x/1"))
                .isInstanceOfSatisfying(SyntaxException.class, e -> assertThat(e.position()).isEqualTo(3));
        assertThatThrownBy(() -> LwM2mPath.parse("/3//1"))
                .isInstanceOfSatisfying(SyntaxException.class, e -> assertThat(e.position()).isEqualTo(3));
        assertThatThrownBy(() -> LwM2mPath.parse("/3/0/"))
                .isInstanceOfSatisfying(SyntaxException.class, e -> assertThat(e.reason()).contains("trailing"));
        assertThatThrownBy(() -> LwM2mPath.parse("/1/2/3/4/5"))
                .isInstanceOf(SyntaxException.class).hasMessageContaining("at most 4");
        assertThatThrownBy(() -> LwM2mPath.parse("/-1")).isInstanceOf(SyntaxException.class);
        assertThatThrownBy(() -> LwM2mPath.of(65535)).hasMessageContaining("object ID");
    }

    @Test
    void orders_parents_before_children_and_by_id() {
        List<LwM2mPath> paths = new ArrayList<>(List.of(LwM2mPath.parse("/3/0/1"), LwM2mPath.parse("/3"),
                LwM2mPath.parse("/10"), LwM2mPath.ROOT, LwM2mPath.parse("/3/0"), LwM2mPath.parse("/3/0/1/0"),
                LwM2mPath.parse("/2/5")));
        Collections.shuffle(paths);
        Collections.sort(paths);
        assertThat(paths).extracting(LwM2mPath::toString)
                .containsExactly("/", "/2/5", "/3", "/3/0", "/3/0/1", "/3/0/1/0", "/10");
    }

    @Test
    void navigates_parent_child_and_prefix() {
        LwM2mPath p = LwM2mPath.parse("/3/0/7");
        assertThat(p.parent()).isEqualTo(LwM2mPath.of(3, 0));
        assertThat(p.child(2)).isEqualTo(LwM2mPath.parse("/3/0/7/2"));
        assertThat(p.startsWith(LwM2mPath.of(3))).isTrue();
        assertThat(p.startsWith(LwM2mPath.of(3, 1))).isFalse();
        assertThat(p.startsWith(LwM2mPath.ROOT)).isTrue();
    }

    @Property
    void printing_then_parsing_gives_the_same_path(@ForAll("paths") LwM2mPath path) {
        assertThat(LwM2mPath.parse(path.toString())).isEqualTo(path);
    }

    @Property
    void random_text_parses_or_fails_with_syntax_exception(@ForAll String text) {
        try {
            LwM2mPath parsed = LwM2mPath.parse(text);
            assertThat(LwM2mPath.parse(parsed.toString())).isEqualTo(parsed);
        } catch (SyntaxException e) {
            assertThat(e.position()).isBetween(-1, text.length());
        }
    }

    @Provide
    Arbitrary<LwM2mPath> paths() {
        return Arbitraries.integers().between(0, 65534).array(int[].class).ofMaxSize(4).map(LwM2mPath::of);
    }
}
