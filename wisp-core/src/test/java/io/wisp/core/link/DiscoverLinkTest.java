package io.wisp.core.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.SyntaxException;
import io.wisp.core.model.Version;
import io.wisp.core.path.LwM2mPath;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoverLinkTest {

    @Test
    void reads_a_discover_response_with_dimensions_and_notification_attributes() {
        List<DiscoverLink> links = DiscoverLink.parse(
                "</3/0>;pmin=10,</3/0/1>,</3/0/6>;dim=8,</3/0/7>;dim=8;gt=50;lt=42.2,</3/0/16>;obs");
        assertThat(links).extracting(DiscoverLink::path).containsExactly(LwM2mPath.parse("/3/0"),
                LwM2mPath.parse("/3/0/1"), LwM2mPath.parse("/3/0/6"), LwM2mPath.parse("/3/0/7"),
                LwM2mPath.parse("/3/0/16"));
        assertThat(links.get(0).attributes().pmin()).hasValue(10);
        assertThat(links.get(1).dim()).isEmpty();
        assertThat(links.get(2).dim()).hasValue(8);
        assertThat(links.get(3).attributes().gt()).contains(new BigDecimal("50"));
        assertThat(links.get(3).attributes().lt()).contains(new BigDecimal("42.2"));
        assertThat(links.get(4).link().has("obs")).isTrue();
        assertThat(links.get(4).attributes().isEmpty()).isTrue();
    }

    @Test
    void reads_a_bootstrap_discover_response_with_version_ssid_and_uri() {
        List<DiscoverLink> links = DiscoverLink.parse("</>;lwm2m=1.2,</0/0>;ssid=101;uri=\"coaps://server_1.example.com\","
                + "</0/1>,</1/0>;ssid=101,</3/0>,</3303>;ver=1.1");
        assertThat(links.get(0).path()).isEqualTo(LwM2mPath.ROOT);
        assertThat(links.get(0).lwm2m()).contains(Version.V1_2);
        assertThat(links.get(1).ssid()).hasValue(101);
        assertThat(links.get(1).uri()).contains("coaps://server_1.example.com");
        assertThat(links.get(2).ssid()).isEmpty();
        assertThat(links.get(3).ssid()).hasValue(101);
        assertThat(links.get(5).ver()).contains(Version.V1_1);
    }

    @Test
    void refuses_bad_lwm2m_attributes_at_the_link_position() {
        assertPosition("</3/0/6>;dim=256", 0, "dim must be a whole number in 0..255");
        assertPosition("</3/0>,</1/0>;ssid=0", 7, "ssid must be a whole number in 1..65534");
        assertPosition("</3>;ver=1", 0, "ver must look like 1.1");
        assertPosition("</>;lwm2m", 0, "lwm2m needs a value");
        assertPosition("</3/0/7>;gt=5;lt=7", 0, "'lt' (7) must be less than 'gt' (5)");
        assertPosition("</3/0/7>;pmin=x", 0, "notification attributes");
        assertPosition("</3/0/7>;pmin=\"1&pmax=2\"", 0, "not a number");
        assertPosition("</x/0>", 0, "not an LwM2M path");
        assertThatThrownBy(() -> DiscoverLink.of(Link.of("/3/0/6", LinkAttribute.of("dim", "-1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dim");
    }

    private static void assertPosition(String text, int position, String reasonPart) {
        assertThatThrownBy(() -> DiscoverLink.parse(text))
                .as("parsing %s", text)
                .isInstanceOfSatisfying(SyntaxException.class, e -> {
                    assertThat(e.position()).as("position for %s", text).isEqualTo(position);
                    assertThat(e.reason()).as("reason for %s", text).contains(reasonPart);
                });
    }
}
