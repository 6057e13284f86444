package io.wisp.client.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.node.Value;
import org.junit.jupiter.api.Test;

class NotificationRuleTest {
    private static final long T0 = 1_700_000_000_000L;

    private static EffectiveAttributes attrs(String query) {
        return EffectiveAttributes.of(NotificationAttributes.parse(query), ServerSettings.DEFAULTS);
    }

    @Test
    void aChangeAfterPminNotifiesNow() {
        Decision d = NotificationRule.decide(attrs("pmin=10"), Value.of(1L), Value.of(1L), T0, Value.of(2L),
                T0 + 10_000);
        assertThat(d).isEqualTo(Decision.NOW);
    }

    @Test
    void aChangeBeforePminIsHeldUntilPminElapses() {
        Decision d = NotificationRule.decide(attrs("pmin=10"), Value.of(1L), Value.of(1L), T0, Value.of(2L),
                T0 + 3_000);
        assertThat(d).isEqualTo(Decision.later(T0 + 10_000));
    }

    @Test
    void noChangeOrAnUnmetConditionIsNothing() {
        assertThat(NotificationRule.decide(attrs("pmin=0"), Value.of(1L), Value.of(1L), T0, Value.of(1L), T0 + 1))
                .isEqualTo(Decision.NONE);
        assertThat(NotificationRule.decide(attrs("gt=45&st=10"), Value.of(48L), Value.of(48L), T0, Value.of(42L),
                T0 + 60_000)).isEqualTo(Decision.NONE);
    }

    @Test
    void theIssueExamplesThroughTheRule() {
        EffectiveAttributes a = attrs("gt=45&st=10");
        assertThat(NotificationRule.decide(a, Value.of(45L), Value.of(45L), T0, Value.of(50L), T0 + 1))
                .isEqualTo(Decision.NOW);
        assertThat(NotificationRule.decide(a, Value.of(38L), Value.of(38L), T0, Value.of(49L), T0 + 1))
                .isEqualTo(Decision.NOW);
        assertThat(NotificationRule.decide(a, Value.of(48L), Value.of(48L), T0, Value.of(42L), T0 + 1))
                .isEqualTo(Decision.NONE);
    }

    @Test
    void pmaxDeadlineCountsFromTheLastNotification() {
        assertThat(NotificationRule.pmaxDeadline(attrs("pmax=30"), T0)).isEqualTo(T0 + 30_000);
        assertThat(NotificationRule.pmaxDeadline(attrs("pmin=5"), T0)).isEqualTo(Long.MAX_VALUE);
        assertThat(NotificationRule.pmaxDeadline(attrs("pmin=40&pmax=30"), T0))
                .as("pmax below pmin is ignored").isEqualTo(Long.MAX_VALUE);
    }
}
