package io.wisp.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Certificate Usage of an X.509 account reaches the client as {@code /0/x/15} (Core TS 1.1 Appendix E.1, RFC 6698
 * values) only when it was set, and changes nothing else the Bootstrap-Server writes.
 */
class SecurityInstanceCertificateUsageTest {
    private static final String URI = "coaps://lwm2m.example.com:5684";

    private final byte[] cert = fixture("device-cert.der");
    private final byte[] key = fixture("device-key.der");

    private SecurityInstance account(Credentials credentials) {
        return SecurityInstance.builder().serverUri(URI).shortServerId(4).clientHoldOffTime(5)
                .credentials(credentials).build();
    }

    @Test
    void without_a_usage_no_resource_15_is_written() {
        ObjectInstance node = account(Credentials.x509(cert, key, cert)).toNode(1);

        assertThat(node.resources()).containsOnlyKeys(0, 1, 2, 3, 4, 5, 10, 11);
        assertThat(((Credentials.X509) Credentials.x509(cert, key, cert)).certificateUsage()).isEmpty();
        assertThat(account(Credentials.x509(cert, key, cert, null)).toNode(1)).isEqualTo(node);
    }

    @Test
    void a_trust_anchor_assertion_is_written_as_2_and_nothing_else_changes() {
        ObjectInstance plain = account(Credentials.x509(cert, key, cert)).toNode(1);
        ObjectInstance withUsage = account(Credentials.x509(cert, key, cert, CertificateUsage.TRUST_ANCHOR_ASSERTION))
                .toNode(1);

        assertThat(withUsage.resource(15)).isEqualTo(SingleResource.of(15, Value.unsigned(2)));
        Map<Integer, LwM2mResource> others = new TreeMap<>(withUsage.resources());
        others.remove(15);
        assertThat(others).isEqualTo(plain.resources());
        assertThat(withUsage.resource(2)).isEqualTo(SingleResource.of(2, Value.of(2)));
        assertThat(withUsage.resource(3)).isEqualTo(SingleResource.of(3, Value.of(cert)));
        assertThat(withUsage.resource(5)).isEqualTo(SingleResource.of(5, Value.of(key)));
    }

    @Test
    void each_usage_carries_its_rfc_6698_value() {
        Map<CertificateUsage, Long> rfc6698 = Map.of(CertificateUsage.CA_CONSTRAINT, 0L,
                CertificateUsage.SERVICE_CERTIFICATE_CONSTRAINT, 1L, CertificateUsage.TRUST_ANCHOR_ASSERTION, 2L,
                CertificateUsage.DOMAIN_ISSUED_CERTIFICATE, 3L);

        rfc6698.forEach((usage, value) -> {
            assertThat(account(Credentials.x509(cert, key, cert, usage)).toNode(0).resource(15))
                    .as("%s", usage).isEqualTo(SingleResource.of(15, Value.unsigned(value)));
            assertThat(CertificateUsage.ofCode("certificateUsage", value)).isEqualTo(usage);
        });
    }

    @Test
    void a_value_outside_0_to_3_is_refused_naming_the_field() {
        for (long bad : new long[] {-1, 4, 255}) {
            assertThatThrownBy(() -> CertificateUsage.ofCode("securities[0].certificateUsage", bad))
                    .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                        assertThat(e.field()).isEqualTo("securities[0].certificateUsage");
                        assertThat(e.reason()).contains("0..3").contains("got " + bad);
                    });
        }
    }

    @Test
    void the_usage_is_part_of_equality_and_keys_stay_hidden() {
        Credentials anchor = Credentials.x509(cert, key, cert, CertificateUsage.TRUST_ANCHOR_ASSERTION);

        assertThat(anchor).isEqualTo(Credentials.x509(cert, key, cert, CertificateUsage.TRUST_ANCHOR_ASSERTION))
                .hasSameHashCodeAs(Credentials.x509(cert, key, cert, CertificateUsage.TRUST_ANCHOR_ASSERTION))
                .isNotEqualTo(Credentials.x509(cert, key, cert))
                .isNotEqualTo(Credentials.x509(cert, key, cert, CertificateUsage.DOMAIN_ISSUED_CERTIFICATE));
        assertThat(account(anchor)).isNotEqualTo(account(Credentials.x509(cert, key, cert)));
        assertThat(anchor.toString()).contains("TRUST_ANCHOR_ASSERTION").contains("hidden")
                .doesNotContain(HexFormat.of().formatHex(key));
    }

    private static byte[] fixture(String name) {
        try (var in = SecurityInstanceCertificateUsageTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
