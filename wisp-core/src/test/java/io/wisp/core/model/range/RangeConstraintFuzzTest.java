package io.wisp.core.model.range;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wisp.core.node.DataType;
import io.wisp.core.node.Value;

/**
 * Any range text, for any type, gives a constraint whose check never throws. Seeds replay under {@code mvn verify};
 * {@code JAZZER_FUZZ=1 mvn -o verify -pl wisp-core -Dtest=RangeConstraintFuzzTest#parseNeverThrows} fuzzes.
 */
class RangeConstraintFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void parseNeverThrows(FuzzedDataProvider data) {
        DataType type = data.pickValue(DataType.values());
        long number = data.consumeLong();
        String text = data.consumeRemainingAsString();
        RangeConstraint c = RangeConstraint.parse(text, type);
        assertThat(c).isNotNull();
        assertThat(c.check(Value.of(number))).isNotNull();
        assertThat(c.check(Value.of(text))).isNotNull();
        if (!(c instanceof RangeConstraint.Unparseable)) {
            assertThat(RangeConstraint.parse(c.text(), type)).isEqualTo(c);
        }
    }
}
