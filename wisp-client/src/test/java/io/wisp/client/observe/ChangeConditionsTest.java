package io.wisp.client.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.node.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeConditionsTest {

    private static EffectiveAttributes attrs(String query) {
        return EffectiveAttributes.of(NotificationAttributes.parse(query), ServerSettings.DEFAULTS);
    }

    /** The old value is both the previous evaluated one and the last notified one, as in the TS examples. */
    private static boolean notifies(String query, long oldValue, long newValue) {
        Value old = Value.of(oldValue);
        return ChangeConditions.met(attrs(query), old, old, Value.of(newValue));
    }

    @ParameterizedTest(name = "gt=45&st=10: {0} -> {1} notifies: {2}")
    @DisplayName("Transport TS 1.2 Write-Attributes example 4 (/3/0/9?gt=45&st=10) and the issue's acceptance cases")
    @CsvSource({
        "45, 50, true",   // due to gt condition
        "38, 49, true",   // due to both gt and step conditions
        "48, 42, false",  // "not considered as satisfying any condition"
        "20, 35, true",   // 1.0/1.1 example: step condition
        "35, 20, true",   // 1.0/1.1 example: step condition
        "50, 40, true",   // 1.0/1.1 said gt and step; by step here
        "46, 55, false",  // above gt already, change 9 below the step
        "44, 45, false",  // reaching gt is not exceeding it
    })
    void gtAndStep(long oldValue, long newValue, boolean expected) {
        assertThat(notifies("gt=45&st=10", oldValue, newValue)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "lt=20&gt=85&st=10: {0} -> {1} notifies: {2}")
    @DisplayName("Transport TS 1.2 Write-Attributes example 5 (/3/0/9?lt=20&gt=85&st=10)")
    @CsvSource({
        "75, 90, true",   // both gt and step
        "50, 10, true",   // both lt and step
        "87, 99, true",   // step condition
        "17, 24, false",  // "no condition is satisfied"
        "21, 19, true",   // entering below lt by less than a step
        "30, 38, false",  // inside the band, below the step
    })
    void ltGtAndStep(long oldValue, long newValue, boolean expected) {
        assertThat(notifies("lt=20&gt=85&st=10", oldValue, newValue)).isEqualTo(expected);
    }

    @Test
    void stepCountsFromTheLastNotifiedValueNotFromThePreviousSample() {
        EffectiveAttributes a = attrs("st=10");
        // notified 20, then samples 25 (no notification), then 31: 11 away from what the server knows
        assertThat(ChangeConditions.met(a, Value.of(25L), Value.of(20L), Value.of(31L))).isTrue();
        // samples drifting by 4 each time never notify from the previous sample, but do from the notified one
        assertThat(ChangeConditions.met(a, Value.of(26L), Value.of(20L), Value.of(29L))).isFalse();
    }

    @Test
    void crossingCountsFromThePreviousSampleSoADipAndReturnCrossesAgain() {
        EffectiveAttributes a = attrs("gt=45");
        // notified 50 (above); the value dipped to 40 unnoticed by the server, and now rises to 47 again
        assertThat(ChangeConditions.met(a, Value.of(40L), Value.of(50L), Value.of(47L))).isTrue();
        // the dip itself (50 -> 40) leaves the region and does not notify
        assertThat(ChangeConditions.met(a, Value.of(50L), Value.of(50L), Value.of(40L))).isFalse();
    }

    @Test
    void zeroVariationIsNoChangeEvenWithStepZero() {
        EffectiveAttributes a = attrs("st=0");
        assertThat(ChangeConditions.met(a, Value.of(5L), Value.of(5L), Value.of(5L))).isFalse();
        assertThat(ChangeConditions.met(a, Value.of(5L), Value.of(5L), Value.of(6L))).isTrue();
    }

    @Test
    void edgeOneNotifiesRisingOnlyAndEdgeZeroFallingOnly() {
        EffectiveAttributes rising = attrs("edge=1");
        EffectiveAttributes falling = attrs("edge=0");
        Value f = Value.of(false);
        Value t = Value.of(true);
        assertThat(ChangeConditions.met(rising, f, f, t)).isTrue();
        assertThat(ChangeConditions.met(rising, t, t, f)).isFalse();
        assertThat(ChangeConditions.met(falling, t, t, f)).isTrue();
        assertThat(ChangeConditions.met(falling, f, f, t)).isFalse();
        assertThat(ChangeConditions.met(rising, t, f, t)).as("no transition since the previous sample").isFalse();
    }

    @Test
    void conditionsDecideOnlyForTheTypesTheyApplyTo() {
        assertThat(ChangeConditions.decides(attrs("gt=1"), Value.of(3L))).isTrue();
        assertThat(ChangeConditions.decides(attrs("gt=1"), Value.of(3.5))).isTrue();
        assertThat(ChangeConditions.decides(attrs("gt=1"), Value.unsigned(3))).isTrue();
        assertThat(ChangeConditions.decides(attrs("gt=1"), Value.of("text"))).isFalse();
        assertThat(ChangeConditions.decides(attrs("gt=1"), Value.of(true))).isFalse();
        assertThat(ChangeConditions.decides(attrs("edge=1"), Value.of(true))).isTrue();
        assertThat(ChangeConditions.decides(attrs("edge=1"), Value.of(3L))).isFalse();
        assertThat(ChangeConditions.decides(attrs("pmin=5&pmax=9"), Value.of(3L))).isFalse();
    }

    @Test
    void largeIntegersCompareExactly() {
        // 2^62 + 1 and 2^62 are the same double; the threshold still separates them
        long big = 1L << 62;
        EffectiveAttributes a = attrs("gt=" + big);
        assertThat(ChangeConditions.met(a, Value.of(big), Value.of(big), Value.of(big + 1))).isTrue();
        EffectiveAttributes u = attrs("gt=18446744073709551614");
        assertThat(ChangeConditions.met(u, Value.unsigned(-2), Value.unsigned(-2), Value.unsigned(-1)))
                .as("2^64-2 -> 2^64-1 exceeds gt=2^64-2").isTrue();
    }

    @Test
    void nanNeverCrossesNorStepsAndInfinityCrosses() {
        EffectiveAttributes a = attrs("gt=10&st=1");
        assertThat(ChangeConditions.met(a, Value.of(5.0), Value.of(5.0), Value.of(Double.NaN))).isFalse();
        assertThat(ChangeConditions.met(a, Value.of(5.0), Value.of(5.0), Value.of(Double.POSITIVE_INFINITY)))
                .isTrue();
    }

    @Test
    void negativeThresholdsWork() {
        EffectiveAttributes a = attrs("lt=-90");
        assertThat(ChangeConditions.met(a, Value.of(-85L), Value.of(-85L), Value.of(-91L))).isTrue();
        assertThat(ChangeConditions.met(a, Value.of(-91L), Value.of(-91L), Value.of(-85L))).isFalse();
    }
}
