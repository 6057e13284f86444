package io.wisp.core.attributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.SyntaxException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationAttributesTest {

    @Test
    void reads_the_query_form_with_typed_values_and_prints_it_back() {
        NotificationAttributes a = NotificationAttributes.parse("pmin=10&pmax=60&gt=45.5&st=10");
        assertThat(a.pmin()).hasValue(10);
        assertThat(a.pmax()).hasValue(60);
        assertThat(a.gt()).contains(new BigDecimal("45.5"));
        assertThat(a.st()).contains(BigDecimal.TEN);
        assertThat(a.lt()).isEmpty();
        assertThat(a.toString()).isEqualTo("pmin=10&pmax=60&gt=45.5&st=10");
        assertThat(a.queryParts()).containsExactly("pmin=10", "pmax=60", "gt=45.5", "st=10");
        assertThat(NotificationAttributes.parse(List.of("pmin=10", "pmax=60", "gt=45.5", "st=10"))).isEqualTo(a);
    }

    @Test
    void prints_a_single_canonical_form_in_table_order() {
        NotificationAttributes a = NotificationAttributes.parse("hqmax=5&st=10.0&pmin=010&gt=45.50&con=1&edge=0");
        assertThat(a.toString()).isEqualTo("pmin=10&gt=45.5&st=10&edge=0&con=1&hqmax=5");
        assertThat(a.edge()).contains(false);
        assertThat(a.con()).contains(true);
        assertThat(a.hqmax()).hasValue(5);
        assertThat(NotificationAttributes.parse("gt=-0.0").toString()).isEqualTo("gt=0");
        assertThat(NotificationAttributes.parse("").isEmpty()).isTrue();
    }

    @Test
    void accepts_negative_thresholds_but_no_negative_step_or_period() {
        NotificationAttributes rssi = NotificationAttributes.parse("lt=-80.5&gt=-60&st=2");
        assertThat(rssi.lt()).contains(new BigDecimal("-80.5"));
        assertPosition("st=-1", 3, "cannot be negative");
        assertPosition("pmin=-1", 5, "cannot be negative");
        assertPosition("hqmax=-3", 6, "cannot be negative");
    }

    @Test
    void values_of_the_wrong_shape_name_their_position() {
        assertPosition("pmin=1.5", 6, "whole number");
        assertPosition("pmin=", 5, "expected a digit");
        assertPosition("gt=1.", 5, "expected a digit");
        assertPosition("gt=.5", 3, "expected a digit");
        assertPosition("gt=1e3", 4, "unexpected 'e'");
        assertPosition("edge=2", 5, "must be 0 or 1");
        assertPosition("con=true", 4, "expected a digit");
        assertPosition("pmax=9223372036854775808", 5, "whole number in 0..9223372036854775807");
        assertPosition("gt=" + "1".repeat(41), 3, "more than 40 digits");
        assertPosition("gt=1." + "1".repeat(41), 3, "more than 40 digits");
    }

    @Test
    void malformed_queries_name_their_position() {
        assertPosition("pmin=10&", 8, "empty query part");
        assertPosition("&pmin=1", 0, "empty query part");
        assertPosition("pmin=1&&pmax=2", 7, "empty query part");
        assertPosition("=5", 0, "attribute name expected");
        assertPosition("pmin=1&pmin=2", 7, "'pmin' appears more than once");
        assertPosition("pmin=1&foo=2", 7, "unknown attribute 'foo'");
        assertPosition("pmin=1&dim=2", 7, "<PROPERTIES> attribute");
        assertPosition("PMIN=1", 0, "unknown attribute");
        assertPosition("pmin=1&pmax", 7, "has no value");
        assertThatThrownBy(() -> NotificationAttributes.parse((String) null)).isInstanceOf(SyntaxException.class);
    }

    @Test
    void broken_rules_point_at_the_last_attribute_involved() {
        assertPosition("lt=50&gt=40", 6, "'lt' (50) must be less than 'gt' (40)");
        assertPosition("gt=40&lt=40", 6, "must be less than");
        assertPosition("lt=10&gt=20&st=5", 12, "'lt' + 2*'st'");
        assertPosition("st=5&lt=10&gt=20", 11, "'lt' + 2*'st'");
        assertPosition("epmin=10&epmax=5", 9, "'epmin' (10) must not exceed 'epmax' (5)");
        assertThat(NotificationAttributes.parse("lt=10&gt=20&st=4.99").st()).contains(new BigDecimal("4.99"));
        assertThat(NotificationAttributes.parse("epmin=5&epmax=5").epmax()).hasValue(5);
    }

    @Test
    void pmax_not_above_pmin_is_kept_but_ignored_as_the_ts_says() {
        assertThat(NotificationAttributes.parse("pmin=60&pmax=30").effectivePmax()).isEmpty();
        assertThat(NotificationAttributes.parse("pmin=60&pmax=60").effectivePmax()).hasValue(60);
        assertThat(NotificationAttributes.parse("pmax=0").effectivePmax()).isEmpty();
        assertThat(NotificationAttributes.parse("pmax=30").effectivePmax()).hasValue(30);
        assertThat(NotificationAttributes.EMPTY.effectivePmax()).isEmpty();
    }

    @Test
    void write_attributes_sets_removes_and_keeps_the_rest() {
        NotificationAttributes before = NotificationAttributes.parse("pmin=10&pmax=60&gt=45");
        NotificationAttributes after = before.with(AttributeUpdate.parse("pmax&gt=50&st=2"));
        assertThat(after.toString()).isEqualTo("pmin=10&gt=50&st=2");
        assertThat(before.toString()).isEqualTo("pmin=10&pmax=60&gt=45");

        NotificationAttributes both = NotificationAttributes.EMPTY.with(AttributeUpdate.parse("lt=30"))
                .with(AttributeUpdate.parse("gt=70"));
        assertThat(both.toString()).isEqualTo("gt=70&lt=30");
        assertThat(both.with(AttributeUpdate.parse("gt&lt")).isEmpty()).isTrue();
        assertThat(both.with(AttributeUpdate.EMPTY)).isEqualTo(both);
    }

    @Test
    void a_write_whose_result_breaks_a_rule_is_refused_and_changes_nothing() {
        NotificationAttributes current = NotificationAttributes.parse("lt=10&gt=20&st=2");
        assertThatThrownBy(() -> current.with(AttributeUpdate.parse("gt=12")))
                .isInstanceOf(InvalidAttributesException.class)
                .hasMessageContaining("'lt' + 2*'st' (10 + 2*2) must be less than 'gt' (12)");
        assertThat(current.toString()).isEqualTo("gt=20&lt=10&st=2");
        assertThat(current.with(AttributeUpdate.parse("st&gt=12")).toString()).isEqualTo("gt=12&lt=10");
    }

    @Test
    void building_from_values_checks_each_value_and_the_rules() {
        assertThatThrownBy(() -> NotificationAttributes.of(Map.of(NotificationAttribute.EPMIN, BigDecimal.TEN,
                NotificationAttribute.EPMAX, BigDecimal.ONE))).isInstanceOf(InvalidAttributesException.class)
                .hasMessageContaining("'epmin'");
        assertThatThrownBy(() -> NotificationAttributes.of(Map.of(NotificationAttribute.CON, BigDecimal.TEN)))
                .hasMessageContaining("'con' must be 0 or 1");
        assertThatThrownBy(() -> AttributeChange.set(NotificationAttribute.PMIN, -1))
                .hasMessageContaining("'pmin' must be a whole number");
        NotificationAttributes built = NotificationAttributes.of(Map.of(NotificationAttribute.PMIN,
                new BigDecimal("10.000")));
        assertThat(built).isEqualTo(NotificationAttributes.parse("pmin=10"));
        assertThat(built.hashCode()).isEqualTo(NotificationAttributes.parse("pmin=10").hashCode());
    }

    static void assertPosition(String query, int position, String reasonPart) {
        assertThatThrownBy(() -> NotificationAttributes.parse(query))
                .as("parsing %s", query)
                .isInstanceOfSatisfying(SyntaxException.class, e -> {
                    assertThat(e.position()).as("position for %s", query).isEqualTo(position);
                    assertThat(e.reason()).as("reason for %s", query).contains(reasonPart);
                    assertThat(e.input()).isEqualTo(query);
                });
    }
}
