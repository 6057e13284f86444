package io.wisp.core.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wisp.core.SyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes both readers of the attribute query form. {@code mvn verify} replays the committed seeds; to fuzz for real:
 * {@code JAZZER_FUZZ=1 mvn -o test -pl wisp-core -Dtest=AttributesFuzzTest#parse}.
 */
class AttributesFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            AttributeUpdate update = AttributeUpdate.parse(text);
            assertThat(AttributeUpdate.parse(update.toString())).isEqualTo(update);
        } catch (SyntaxException e) {
            assertThat(e.position()).isBetween(0, text.length());
        }
        try {
            NotificationAttributes set = NotificationAttributes.parse(text);
            assertThat(NotificationAttributes.parse(set.toString())).isEqualTo(set);
        } catch (SyntaxException e) {
            assertThat(e.position()).isBetween(0, text.length());
        }
    }
}
