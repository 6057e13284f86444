package io.wisp.core.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.SyntaxException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExecuteArgumentsTest {

    @Test
    void reads_the_ts_example_with_a_bare_digit_and_a_quoted_value() {
        ExecuteArguments args = ExecuteArguments.parse("0,1='2'");
        assertThat(args.list()).containsExactly(ExecuteArgument.of(0), ExecuteArgument.of(1, "2"));
        assertThat(args.has(0)).isTrue();
        assertThat(args.value(0)).isEmpty();
        assertThat(args.value(1)).contains("2");
        assertThat(args.has(2)).isFalse();
        assertThat(args.toString()).isEqualTo("0,1='2'");
    }

    @Test
    void reads_what_servers_send() {
        ExecuteArguments url = ExecuteArguments.parse("2,0='https://thingsboard.io/docs/reference/lwm2m-api/'");
        assertThat(url.value(0)).contains("https://thingsboard.io/docs/reference/lwm2m-api/");
        assertThat(url.list()).extracting(ExecuteArgument::digit).containsExactly(2, 0);

        ExecuteArguments all = ExecuteArguments.parse("0,1,2,3,4,5,6,7,8,9");
        assertThat(all.size()).isEqualTo(10);
        assertThat(all.list()).allSatisfy(a -> assertThat(a.value()).isEmpty());

        assertThat(ExecuteArguments.parse("2='60'").value(2)).contains("60");
        assertThat(ExecuteArguments.parse("5").list()).containsExactly(ExecuteArgument.of(5));
    }

    @Test
    void empty_payload_is_no_arguments_and_empty_value_differs_from_no_value() {
        assertThat(ExecuteArguments.parse("")).isSameAs(ExecuteArguments.EMPTY);
        assertThat(ExecuteArguments.EMPTY.toString()).isEmpty();
        ExecuteArguments emptyValue = ExecuteArguments.parse("0=''");
        assertThat(emptyValue.value(0)).contains("");
        assertThat(emptyValue).isNotEqualTo(ExecuteArguments.parse("0"));
        assertThat(emptyValue.toString()).isEqualTo("0=''");
    }

    @Test
    void accepts_a_space_inside_a_value() {
        assertThat(ExecuteArguments.parse("3='5 minutes'").value(3)).contains("5 minutes");
    }

    @Test
    void a_repeated_digit_is_reported_at_its_second_occurrence() {
        assertThatThrownBy(() -> ExecuteArguments.parse("0,1,0"))
                .isInstanceOfSatisfying(SyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(4);
                    assertThat(e.reason()).contains("digit 0 appears more than once");
                });
        assertThatThrownBy(() -> ExecuteArguments.parse("7='a',7='b'"))
                .isInstanceOfSatisfying(SyntaxException.class, e -> assertThat(e.position()).isEqualTo(6));
    }

    @Test
    void malformed_lists_name_the_offending_position() {
        assertPosition("", -1, null);
        assertPosition("a", 0, "expected a digit");
        assertPosition(" 0", 0, "expected a digit");
        assertPosition("10", 1, "single digit");
        assertPosition("0,", 2, "after ','");
        assertPosition("0,,1", 2, "expected a digit");
        assertPosition("0=x", 2, "expected '");
        assertPosition("0=", 2, "expected '");
        assertPosition("1='abc", 2, "not closed");
        assertPosition("0='a\"b'", 4, "cannot appear");
        assertPosition("0='a\\b'", 4, "cannot appear");
        assertPosition("0='é'", 3, "U+00E9");
        assertPosition("0='a'b", 5, "expected ','");
        assertPosition("0;1", 1, "expected ','");
    }

    @Test
    void null_is_a_syntax_error_not_a_null_pointer() {
        assertThatThrownBy(() -> ExecuteArguments.parse(null)).isInstanceOf(SyntaxException.class);
    }

    @Test
    void construction_validates_digit_value_and_uniqueness_naming_the_field() {
        assertThatThrownBy(() -> ExecuteArgument.of(10)).hasMessageContaining("digit must be 0..9");
        assertThatThrownBy(() -> ExecuteArgument.of(-1)).hasMessageContaining("digit");
        assertThatThrownBy(() -> ExecuteArgument.of(1, "it's")).hasMessageContaining("value")
                .hasMessageContaining("index 2");
        assertThatThrownBy(() -> ExecuteArguments.of(ExecuteArgument.of(4), ExecuteArgument.of(4, "x")))
                .hasMessageContaining("digit 4 appears more than once");
        assertThatThrownBy(() -> new ExecuteArgument(1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void keeps_the_order_given_and_compares_by_it() {
        ExecuteArguments a = ExecuteArguments.of(ExecuteArgument.of(3, "x"), ExecuteArgument.of(1));
        assertThat(a.toString()).isEqualTo("3='x',1");
        assertThat(a.get(1)).isEqualTo(Optional.of(ExecuteArgument.of(1)));
        assertThat(a).isEqualTo(ExecuteArguments.parse("3='x',1")).isNotEqualTo(ExecuteArguments.parse("1,3='x'"));
        assertThat(a.hashCode()).isEqualTo(ExecuteArguments.parse("3='x',1").hashCode());
    }

    private static void assertPosition(String text, int position, String reasonPart) {
        if (position < 0) {
            assertThat(ExecuteArguments.parse(text).isEmpty()).isTrue();
            return;
        }
        assertThatThrownBy(() -> ExecuteArguments.parse(text))
                .as("parsing %s", text)
                .isInstanceOfSatisfying(SyntaxException.class, e -> {
                    assertThat(e.position()).as("position for %s", text).isEqualTo(position);
                    assertThat(e.reason()).as("reason for %s", text).contains(reasonPart);
                    assertThat(e.input()).isEqualTo(text);
                });
    }
}
