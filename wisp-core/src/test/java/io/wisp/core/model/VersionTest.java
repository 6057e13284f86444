package io.wisp.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void reads_major_and_minor_and_orders_numerically() {
        assertThat(Version.parse("1.1")).isEqualTo(Version.V1_1);
        assertThat(Version.parse("0010.0002")).isEqualTo(new Version(10, 2));
        assertThat(Version.parse("1.10")).isGreaterThan(Version.parse("1.9"));
    }

    @Test
    void refuses_what_is_not_digits_dot_digits_naming_the_text() {
        for (String bad : new String[] {"", "1", "1.", ".1", "1.1.1", "12345.1", "1.12345", "1,1", "a.1", "1.b",
                " 1.1", "1.1 ", "+1.1", "-1.1", "١.١", "1..1"}) {
            assertThat(Version.isValid(bad)).as("'%s'", bad).isFalse();
            assertThatThrownBy(() -> Version.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThat(Version.isValid(null)).isFalse();
    }

    @Property
    void every_version_reads_back_from_its_text(@ForAll @IntRange(max = 9999) int major,
            @ForAll @IntRange(max = 9999) int minor) {
        Version v = new Version(major, minor);
        assertThat(Version.isValid(v.toString())).isTrue();
        assertThat(Version.parse(v.toString())).isEqualTo(v);
    }
}
