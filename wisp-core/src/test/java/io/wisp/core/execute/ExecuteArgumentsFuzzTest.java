package io.wisp.core.execute;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wisp.core.SyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the Execute payload reader. {@code mvn verify} replays the committed seeds; to fuzz for real:
 * {@code JAZZER_FUZZ=1 mvn -o test -pl wisp-core -Dtest=ExecuteArgumentsFuzzTest#parse}.
 */
class ExecuteArgumentsFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            ExecuteArguments args = ExecuteArguments.parse(text);
            assertThat(args.toString()).isEqualTo(text);
        } catch (SyntaxException e) {
            assertThat(e.position()).isBetween(0, text.length());
        }
    }
}
