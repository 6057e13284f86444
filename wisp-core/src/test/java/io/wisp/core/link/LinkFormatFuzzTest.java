package io.wisp.core.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wisp.core.SyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzzes the link format reader and its two LwM2M readings. {@code mvn verify} replays the committed seeds; to fuzz
 * for real: {@code JAZZER_FUZZ=1 mvn -o test -pl wisp-core -Dtest=LinkFormatFuzzTest#parse}.
 */
class LinkFormatFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            List<Link> links = LinkFormat.parse(text);
            assertThat(LinkFormat.parse(LinkFormat.print(links))).isEqualTo(links);
        } catch (SyntaxException e) {
            assertThat(e.position()).isBetween(0, text.length());
        }
        try {
            ObjectLinks objects = ObjectLinks.parse(text);
            assertThat(ObjectLinks.parse(objects.toString())).isEqualTo(objects);
        } catch (SyntaxException e) {
            assertThat(e.position()).isBetween(0, text.length());
        }
        try {
            DiscoverLink.parse(text);
        } catch (SyntaxException e) {
            assertThat(e.position()).isBetween(0, text.length());
        }
    }
}
