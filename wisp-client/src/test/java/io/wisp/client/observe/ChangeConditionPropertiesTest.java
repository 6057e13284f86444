package io.wisp.client.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.node.Value;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** gt, lt and st over generated thresholds and values (Core TS 1.2 §7.3.2; see {@link ChangeConditions}). */
class ChangeConditionPropertiesTest {

    private static EffectiveAttributes attrs(long lt, long gt, long st) {
        return EffectiveAttributes.of(NotificationAttributes.parse("lt=" + lt + "&gt=" + gt + "&st=" + st),
                ServerSettings.DEFAULTS);
    }

    @Property
    void changesStrictlyInsideTheBandSmallerThanTheStepNeverNotify(
            @ForAll @IntRange(min = -1000, max = 1000) int lt, @ForAll @IntRange(min = 1, max = 50) int st,
            @ForAll @IntRange(min = 1, max = 500) int slack, @ForAll @IntRange(min = 0, max = 10_000) int at,
            @ForAll @IntRange(min = -49, max = 49) int delta, @ForAll @IntRange(min = -49, max = 49) int drift) {
        long gt = lt + 2L * st + slack;
        long notified = lt + 1 + at % (gt - lt - 1);
        long previous = notified + drift;
        long current = notified + delta;
        Assume.that(Math.abs(delta) < st);
        Assume.that(previous > lt && previous < gt && current > lt && current < gt);
        EffectiveAttributes a = attrs(lt, gt, st);
        assertThat(NotificationRule.decide(a, Value.of(previous), Value.of(notified), 0, Value.of(current), 0))
                .isEqualTo(Decision.NONE);
    }

    @Property
    void enteringTheRegionAboveGtAlwaysNotifies(@ForAll @IntRange(min = -1000, max = 1000) int gt,
                                               @ForAll @IntRange(min = 0, max = 100) int below,
                                               @ForAll @IntRange(min = 1, max = 100) int above,
                                               @ForAll @IntRange(min = 1, max = 100) int st) {
        EffectiveAttributes a = EffectiveAttributes.of(NotificationAttributes.parse("gt=" + gt + "&st=" + st),
                ServerSettings.DEFAULTS);
        Value previous = Value.of((long) gt - below);
        assertThat(ChangeConditions.met(a, previous, previous, Value.of((long) gt + above))).isTrue();
    }

    @Property
    void enteringTheRegionBelowLtAlwaysNotifies(@ForAll @IntRange(min = -1000, max = 1000) int lt,
                                               @ForAll @IntRange(min = 0, max = 100) int above,
                                               @ForAll @IntRange(min = 1, max = 100) int below) {
        EffectiveAttributes a = EffectiveAttributes.of(NotificationAttributes.parse("lt=" + lt),
                ServerSettings.DEFAULTS);
        Value previous = Value.of((long) lt + above);
        assertThat(ChangeConditions.met(a, previous, previous, Value.of((long) lt - below))).isTrue();
    }

    @Property
    void leavingARegionByLessThanAStepNeverNotifies(@ForAll @IntRange(min = -1000, max = 1000) int lt,
                                                   @ForAll @IntRange(min = 2, max = 50) int st,
                                                   @ForAll @IntRange(min = 1, max = 500) int slack,
                                                   @ForAll @IntRange(min = 1, max = 49) int move,
                                                   @ForAll boolean fromAbove) {
        long gt = lt + 2L * st + slack;
        Assume.that(move < st);
        long previous = fromAbove ? gt + 1 : lt - 1;
        long current = fromAbove ? previous - move : previous + move;
        assertThat(ChangeConditions.met(attrs(lt, gt, st), Value.of(previous), Value.of(previous),
                Value.of(current))).isFalse();
    }

    @Property
    void aVariationOfAtLeastTheStepFromTheLastNotifiedValueAlwaysNotifies(
            @ForAll @IntRange(min = -100_000, max = 100_000) int notified, @ForAll @IntRange(min = 0, max = 100) int st,
            @ForAll @IntRange(min = 0, max = 100) int extra, @ForAll boolean up,
            @ForAll @IntRange(min = -100_000, max = 100_000) int previous) {
        long distance = Math.max(1, st + extra);
        long current = up ? (long) notified + distance : (long) notified - distance;
        EffectiveAttributes a = EffectiveAttributes.of(NotificationAttributes.parse("st=" + st),
                ServerSettings.DEFAULTS);
        assertThat(ChangeConditions.met(a, Value.of((long) previous), Value.of((long) notified), Value.of(current)))
                .isTrue();
    }

    @Property
    void floatsCompareAsTheDecimalsTheyPrint(@ForAll @IntRange(min = -1000, max = 1000) int gtTenths,
                                         @ForAll @IntRange(min = -2000, max = 2000) int fromTenths,
                                         @ForAll @IntRange(min = -2000, max = 2000) int toTenths) {
        String gt = java.math.BigDecimal.valueOf(gtTenths, 1).toPlainString();
        EffectiveAttributes a = EffectiveAttributes.of(NotificationAttributes.parse("gt=" + gt),
                ServerSettings.DEFAULTS);
        double from = fromTenths / 10.0;
        double to = toTenths / 10.0;
        boolean expected = fromTenths <= gtTenths && toTenths > gtTenths;
        assertThat(ChangeConditions.met(a, Value.of(from), Value.of(from), Value.of(to))).isEqualTo(expected);
    }
}
