package io.wisp.client.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.client.object.Requester;
import io.wisp.client.object.std.SecurityObject;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.DtlsClientSecurity;
import io.wisp.transport.DtlsClientSecurity.CertificateUsage;
import io.wisp.transport.testing.TestCertificates;
import io.wisp.transport.testing.TestCertificates.Issued;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reading a server account's DTLS security from its Security instance (Core TS Appendix E.1): each mode from the
 * resources Wisp's builder (and Leshan's bootstrap server) writes, raw secp256r1 keys too, and unusable instances
 * refused naming the resource without showing key bytes.
 */
class AccountSecurityTest {
    private static final URI COAPS = URI.create("coaps://127.0.0.1:5684");
    private static final byte[] KEY = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    private static ObjectInstance instance(Credentials credentials, Map<Integer, Value> overrides) {
        SecurityObject security = new SecurityObject();
        security.addSecureAccount(0, COAPS.toString(), 1, credentials);
        overrides.forEach((resource, value) -> security.set(0, resource, value));
        return (ObjectInstance) security.read(Requester.LOCAL, LwM2mPath.of(0, 0));
    }

    @Test
    void psk_identity_and_key_come_back_as_written() {
        DtlsClientSecurity read = AccountSecurity.read(instance(Credentials.psk("dev-1", KEY), Map.of()), COAPS,
                List.of()).orElseThrow();

        assertThat(read).isEqualTo(DtlsClientSecurity.psk("dev-1", KEY));
        assertThat(read.toString()).contains("dev-1").doesNotContain("0123456789abcdef")
                .doesNotContain(HexFormat.of().formatHex(KEY));
    }

    @Test
    void rpk_keys_are_read_as_der_and_as_raw_points_and_scalars() {
        KeyPair own = TestCertificates.ecKeyPair();
        KeyPair server = TestCertificates.ecKeyPair();
        Credentials credentials = Credentials.rpk(own.getPrivate(), own.getPublic(), server.getPublic());
        DtlsClientSecurity.RawPublicKey der = (DtlsClientSecurity.RawPublicKey) AccountSecurity.read(
                instance(credentials, Map.of()), COAPS, List.of()).orElseThrow();

        DtlsClientSecurity.RawPublicKey raw = (DtlsClientSecurity.RawPublicKey) AccountSecurity.read(
                instance(credentials, Map.of(3, Value.of(point((ECPublicKey) own.getPublic(), true)),
                        4, Value.of(point((ECPublicKey) server.getPublic(), false)),
                        5, Value.of(scalar((ECPrivateKey) own.getPrivate())))), COAPS, List.of()).orElseThrow();

        for (DtlsClientSecurity.RawPublicKey read : List.of(der, raw)) {
            assertThat(read.own().publicKey().getEncoded()).isEqualTo(own.getPublic().getEncoded());
            assertThat(read.serverKey().getEncoded()).isEqualTo(server.getPublic().getEncoded());
            assertThat(((ECPrivateKey) read.own().privateKey()).getS())
                    .isEqualTo(((ECPrivateKey) own.getPrivate()).getS());
        }
    }

    @Test
    void x509_takes_the_usage_and_the_uri_host_as_server_name() {
        Issued ca = TestCertificates.certificateAuthority("CA");
        Issued device = TestCertificates.leaf("dev-x", ca);
        Credentials credentials = Credentials.x509(device.keys().getPrivate(), device.certificate(),
                ca.certificate(), CertificateUsage.CA_CONSTRAINT);
        URI named = URI.create("coaps://localhost:5684");

        DtlsClientSecurity.Certificate read = (DtlsClientSecurity.Certificate) AccountSecurity.read(
                instance(credentials, Map.of()), named, List.of(ca.certificate())).orElseThrow();

        assertThat(read.usage()).isEqualTo(CertificateUsage.CA_CONSTRAINT);
        assertThat(read.serverCertificate()).isEqualTo(ca.certificate());
        assertThat(read.own().chain()).containsExactly(device.certificate());
        assertThat(read.serverName()).isEqualTo("localhost");
        DtlsClientSecurity.Certificate byAddress = (DtlsClientSecurity.Certificate) AccountSecurity.read(
                instance(credentials, Map.of()), COAPS, List.of()).orElseThrow();
        assertThat(byAddress.serverName()).as("no SNI for an IP address").isNull();
    }

    @Test
    void unusable_instances_are_refused_naming_the_resource_without_key_bytes() {
        ObjectInstance psk = instance(Credentials.psk("dev-1", KEY), Map.of());
        assertThatThrownBy(() -> AccountSecurity.read(psk, URI.create("coap://127.0.0.1"), List.of()))
                .hasMessageContaining("/0/0/0").hasMessageContaining("coaps://");
        assertThatThrownBy(() -> AccountSecurity.read(instance(Credentials.psk("dev-1", KEY),
                Map.of(5, Value.of(new byte[0]))), COAPS, List.of())).hasMessageContaining("/0/0/5");
        assertThatThrownBy(() -> AccountSecurity.read(instance(Credentials.psk("dev-1", KEY),
                Map.of(2, Value.of(4L))), COAPS, List.of())).hasMessageContaining("/0/0/2");
        KeyPair own = TestCertificates.ecKeyPair();
        byte[] garbage = "not a key at all, 27 bytes".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AccountSecurity.read(instance(Credentials.rpk(own.getPrivate(), own.getPublic(),
                own.getPublic()), Map.of(4, Value.of(garbage))), COAPS, List.of()))
                .hasMessageContaining("/0/0/4").hasMessageNotContaining("not a key at all");
    }

    @Test
    void nosec_over_coap_has_no_dtls_and_nosec_over_coaps_is_refused() {
        SecurityObject security = new SecurityObject();
        security.addServer(0, "coap://127.0.0.1:5683", 1);
        ObjectInstance nosec = (ObjectInstance) security.read(Requester.LOCAL, LwM2mPath.of(0, 0));

        assertThat(AccountSecurity.read(nosec, URI.create("coap://127.0.0.1:5683"), List.of())).isEmpty();
        assertThatThrownBy(() -> AccountSecurity.read(nosec, COAPS, List.of())).hasMessageContaining("/0/0/2");
    }

    private static byte[] point(ECPublicKey key, boolean withPrefix) {
        byte[] x = fixed(key.getW().getAffineX());
        byte[] y = fixed(key.getW().getAffineY());
        byte[] out = new byte[(withPrefix ? 1 : 0) + 64];
        int at = 0;
        if (withPrefix) {
            out[at++] = 0x04;
        }
        System.arraycopy(x, 0, out, at, 32);
        System.arraycopy(y, 0, out, at + 32, 32);
        return out;
    }

    private static byte[] scalar(ECPrivateKey key) {
        return fixed(key.getS());
    }

    private static byte[] fixed(BigInteger n) {
        byte[] b = n.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(32, b.length);
        System.arraycopy(b, b.length - copy, out, 32 - copy, copy);
        return Arrays.copyOf(out, 32);
    }
}
