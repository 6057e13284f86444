package io.wisp.core.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.SyntaxException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AttributesPropertiesTest {

    @Property
    void a_set_prints_and_parses_back(@ForAll("sets") NotificationAttributes set) {
        assertThat(NotificationAttributes.parse(set.toString())).isEqualTo(set);
        assertThat(NotificationAttributes.parse(set.queryParts())).isEqualTo(set);
    }

    @Property
    void an_update_prints_and_parses_back(@ForAll("updates") AttributeUpdate update) {
        assertThat(AttributeUpdate.parse(update.toString())).isEqualTo(update);
    }

    @Property
    void merging_sets_removes_or_keeps_each_attribute(@ForAll("sets") NotificationAttributes before,
                                                       @ForAll("updates") AttributeUpdate update) {
        Map<NotificationAttribute, BigDecimal> expected = new EnumMap<>(NotificationAttribute.class);
        expected.putAll(before.asMap());
        for (AttributeChange c : update.changes()) {
            c.value().ifPresentOrElse(v -> expected.put(c.attribute(), v), () -> expected.remove(c.attribute()));
        }
        boolean valid = AttributeRules.check(expected).isEmpty();
        try {
            assertThat(before.with(update).asMap()).isEqualTo(expected);
            assertThat(valid).as("merge accepted only when the result keeps the rules").isTrue();
        } catch (InvalidAttributesException e) {
            assertThat(valid).as("merge refused only when the result breaks a rule").isFalse();
        }
    }

    @Property
    void random_text_yields_attributes_or_a_syntax_exception(@ForAll String text) {
        checkBothReaders(text);
    }

    @Property
    void query_like_text_yields_attributes_or_a_syntax_exception(@ForAll("querylike") String text) {
        checkBothReaders(text);
    }

    private static void checkBothReaders(String text) {
        try {
            AttributeUpdate u = AttributeUpdate.parse(text);
            assertThat(AttributeUpdate.parse(u.toString())).isEqualTo(u);
        } catch (SyntaxException e) {
            assertThat(e.position()).isBetween(0, text.length());
        }
        try {
            NotificationAttributes s = NotificationAttributes.parse(text);
            assertThat(NotificationAttributes.parse(s.toString())).isEqualTo(s);
        } catch (SyntaxException e) {
            assertThat(e.position()).isBetween(0, text.length());
        }
    }

    @Provide
    Arbitrary<String> querylike() {
        return Arbitraries.strings().withChars("pmintgxlsedcohqa=&.-0123456789").ofMaxLength(30);
    }

    @Provide
    Arbitrary<NotificationAttributes> sets() {
        return valueMaps().filter(m -> AttributeRules.check(m).isEmpty()).map(NotificationAttributes::of);
    }

    @Provide
    Arbitrary<AttributeUpdate> updates() {
        List<Arbitrary<Optional<AttributeChange>>> each = new ArrayList<>();
        for (NotificationAttribute a : NotificationAttribute.values()) {
            each.add(Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(3, Arbitraries.just(Optional.<AttributeChange>empty())),
                    net.jqwik.api.Tuple.of(1, Arbitraries.just(Optional.of(AttributeChange.unset(a)))),
                    net.jqwik.api.Tuple.of(2, value(a).map(v -> Optional.of(AttributeChange.set(a, v))))));
        }
        return Combinators.combine(each).as(list -> list.stream().flatMap(Optional::stream).toList())
                .flatMap(changes -> Arbitraries.shuffle(changes))
                .filter(changes -> AttributeRules.check(setValues(changes)).isEmpty())
                .map(AttributeUpdate::of);
    }

    private static Map<NotificationAttribute, BigDecimal> setValues(List<AttributeChange> changes) {
        Map<NotificationAttribute, BigDecimal> m = new EnumMap<>(NotificationAttribute.class);
        changes.forEach(c -> c.value().ifPresent(v -> m.put(c.attribute(), v)));
        return m;
    }

    private Arbitrary<Map<NotificationAttribute, BigDecimal>> valueMaps() {
        List<Arbitrary<Optional<BigDecimal>>> each = new ArrayList<>();
        for (NotificationAttribute a : NotificationAttribute.values()) {
            each.add(value(a).optional(0.5));
        }
        return Combinators.combine(each).as(list -> {
            Map<NotificationAttribute, BigDecimal> m = new EnumMap<>(NotificationAttribute.class);
            for (int k = 0; k < list.size(); k++) {
                NotificationAttribute a = NotificationAttribute.values()[k];
                list.get(k).ifPresent(v -> m.put(a, v));
            }
            return m;
        });
    }

    private static Arbitrary<BigDecimal> value(NotificationAttribute a) {
        return switch (a.kind()) {
            case INTEGER -> Arbitraries.oneOf(Arbitraries.longs().between(0, 3600),
                    Arbitraries.longs().between(0, Long.MAX_VALUE)).map(BigDecimal::valueOf);
            case FLAG -> Arbitraries.of(BigDecimal.ZERO, BigDecimal.ONE);
            case DECIMAL -> Arbitraries.bigDecimals().between(new BigDecimal("-1e9"), new BigDecimal("1e9"))
                    .ofScale(4);
            case NON_NEGATIVE_DECIMAL -> Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1e6"))
                    .ofScale(3);
        };
    }
}
