package io.wisp.core.model.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FindingTest {

    @Test
    void prints_as_one_line_for_a_terminal() {
        Finding f = new Finding("resource.type.missing", Severity.ERROR, "10482.xml", 101, "a\nb",
                "resource 5 has no type", "set <Type>");
        assertThat(f.toString()).isEqualTo(
                "10482.xml:101: error [resource.type.missing] resource 5 has no type (value: 'a\\nb'). Fix: set <Type>");
        assertThat(new Finding("x.y", Severity.WARNING, "m", -1, "", "msg", "").toString())
                .isEqualTo("m: warning [x.y] msg");
    }

    @Test
    void long_values_keep_both_ends_and_never_split_a_character() {
        String v = "😀".repeat(100) + "A".repeat(500) + "😀".repeat(100) + "ZZ";
        Finding f = new Finding("r", Severity.WARNING, "f", 1, v, "m", "");
        assertThat(f.value()).hasSizeLessThanOrEqualTo(Finding.MAX_VALUE_LENGTH).startsWith("😀").endsWith("😀ZZ")
                .contains("…");
        assertThat(f.value().codePoints()).noneMatch(c -> c >= 0xD800 && c <= 0xDFFF);
    }

    @Test
    void lines_are_one_based_or_unknown() {
        assertThatThrownBy(() -> new Finding("r", Severity.ERROR, "f", 0, "", "m", ""))
                .hasMessageContaining("line");
    }

    @Test
    void every_rule_id_is_short_dotted_lower_case_and_unique() {
        assertThat(Arrays.stream(Rule.values()).map(Rule::id))
                .allMatch(id -> id.matches("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+"))
                .doesNotHaveDuplicates();
        assertThat(Rule.byId("resource.type.missing")).contains(Rule.RESOURCE_TYPE_MISSING);
    }
}
