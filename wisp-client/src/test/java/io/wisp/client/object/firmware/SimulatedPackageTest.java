package io.wisp.client.object.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The simulated package format: what it accepts, and which result each kind of damage gets. */
class SimulatedPackageTest {

    @Provide
    Arbitrary<PackageInfo> infos() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(60);
        return Combinators.combine(text, text).as(PackageInfo::new);
    }

    @Property(tries = 200)
    void a_built_package_is_accepted_with_its_name_and_version(@ForAll("infos") PackageInfo info,
            @ForAll @Size(max = 2000) byte[] body) {
        assertThat(SimulatedPackage.check(SimulatedPackage.build(info, body))).isEqualTo(Verdict.accepted(info));
    }

    @Property(tries = 300)
    void any_flipped_bit_is_caught_as_another_type_in_the_magic_and_version_else_as_an_integrity_failure(
            @ForAll @Size(max = 500) byte[] body, @ForAll @IntRange(max = 10_000) int where,
            @ForAll @IntRange(max = 7) int bit) {
        byte[] pkg = SimulatedPackage.build(Fixtures.NEXT, body);
        int at = where % pkg.length;
        pkg[at] ^= (byte) (1 << bit);

        Verdict verdict = SimulatedPackage.check(pkg);

        UpdateResult expected = at < 5 ? UpdateResult.UNSUPPORTED_PACKAGE_TYPE : UpdateResult.INTEGRITY_FAILURE;
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Refused.class,
                r -> assertThat(r.result()).isEqualTo(expected));
    }

    @Property(tries = 1000)
    void any_bytes_get_a_verdict_and_never_an_exception(@ForAll @Size(max = 300) byte[] bytes) {
        assertThat(SimulatedPackage.check(bytes)).isNotNull();
    }

    @Test
    void a_truncated_package_is_of_an_unsupported_type_or_fails_integrity() {
        byte[] pkg = Fixtures.validPackage(100);

        assertThat(SimulatedPackage.check(java.util.Arrays.copyOf(pkg, 20)))
                .isEqualTo(Verdict.refused(UpdateResult.UNSUPPORTED_PACKAGE_TYPE, "not a WSPF package"));
        assertThat(SimulatedPackage.check(java.util.Arrays.copyOf(pkg, pkg.length - 1)))
                .isInstanceOfSatisfying(Verdict.Refused.class,
                        r -> assertThat(r.result()).isEqualTo(UpdateResult.INTEGRITY_FAILURE));
    }

    @Test
    void names_longer_than_255_utf8_bytes_cannot_be_packed() {
        PackageInfo info = new PackageInfo("é".repeat(128), "1");

        assertThatThrownBy(() -> SimulatedPackage.build(info, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }

    @Test
    void the_simulated_installer_refuses_packages_larger_than_its_flash_before_reading_them() {
        SimulatedFirmwareInstaller device = new SimulatedFirmwareInstaller(1000, Fixtures.FACTORY);

        assertThat(device.verify(Fixtures.validPackage(2000))).isInstanceOfSatisfying(Verdict.Refused.class,
                r -> assertThat(r.result()).isEqualTo(UpdateResult.NOT_ENOUGH_FLASH));
        assertThat(device.verify(Fixtures.validPackage(500))).isEqualTo(Verdict.accepted(Fixtures.NEXT));
        assertThat(device.running()).isEqualTo(Fixtures.FACTORY);
    }
}
