package io.wisp.core.attributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.SyntaxException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeUpdateTest {

    @Test
    void a_bare_name_removes_and_the_order_given_is_kept() {
        AttributeUpdate u = AttributeUpdate.parse("pmin&pmax=60&st=0.5");
        assertThat(u.changes()).containsExactly(AttributeChange.unset(NotificationAttribute.PMIN),
                AttributeChange.set(NotificationAttribute.PMAX, 60),
                AttributeChange.set(NotificationAttribute.ST, new java.math.BigDecimal("0.5")));
        assertThat(u.changes().get(0).isUnset()).isTrue();
        assertThat(u.toString()).isEqualTo("pmin&pmax=60&st=0.5");
        assertThat(u.queryParts()).containsExactly("pmin", "pmax=60", "st=0.5");
        assertThat(AttributeUpdate.parse(List.of("pmin", "pmax=60", "st=0.5"))).isEqualTo(u);
    }

    @Test
    void positions_in_the_list_form_count_in_the_joined_text() {
        assertThatThrownBy(() -> AttributeUpdate.parse(List.of("pmin=1", "gt=x")))
                .isInstanceOfSatisfying(SyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(10);
                    assertThat(e.input()).isEqualTo("pmin=1&gt=x");
                });
        assertThatThrownBy(() -> AttributeUpdate.parse(List.of("pmin=1", ""))).isInstanceOf(SyntaxException.class);
    }

    @Test
    void values_set_together_must_keep_the_rules_but_removals_do_not_count() {
        assertThatThrownBy(() -> AttributeUpdate.parse("lt=5&gt=1"))
                .isInstanceOfSatisfying(SyntaxException.class, e -> assertThat(e.position()).isEqualTo(5));
        assertThat(AttributeUpdate.parse("lt=50&gt").changes()).hasSize(2);
        assertThatThrownBy(() -> AttributeUpdate.of(AttributeChange.set(NotificationAttribute.EPMIN, 9),
                AttributeChange.set(NotificationAttribute.EPMAX, 3))).isInstanceOf(InvalidAttributesException.class);
    }

    @Test
    void naming_an_attribute_twice_is_refused() {
        assertThatThrownBy(() -> AttributeUpdate.of(AttributeChange.unset(NotificationAttribute.GT),
                AttributeChange.set(NotificationAttribute.GT, 1))).hasMessageContaining("'gt' appears more than once");
        assertThatThrownBy(() -> AttributeUpdate.parse("gt&gt=1"))
                .isInstanceOfSatisfying(SyntaxException.class, e -> assertThat(e.position()).isEqualTo(3));
    }

    @Test
    void the_empty_query_is_the_empty_update() {
        assertThat(AttributeUpdate.parse("")).isSameAs(AttributeUpdate.EMPTY);
        assertThat(AttributeUpdate.EMPTY.isEmpty()).isTrue();
        assertThat(AttributeUpdate.EMPTY.toString()).isEmpty();
    }
}
