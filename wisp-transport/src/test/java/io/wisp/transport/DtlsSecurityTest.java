package io.wisp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.transport.testing.TestCertificates;
import io.wisp.transport.testing.TestCertificates.Issued;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a secure connector can be configured with, and the combinations that cannot work. */
class DtlsSecurityTest {
    private final KeyPair keys = TestCertificates.ecKeyPair();

    @Test
    void each_part_switches_its_mode_on_and_connection_ids_are_on_by_default() {
        DtlsSecurity psk = DtlsSecurity.builder().pskKeys(id -> Optional.empty()).build();
        assertThat(psk.pskMode()).isTrue();
        assertThat(psk.certificateMode()).isFalse();
        assertThat(psk.connectionId()).isTrue();

        DtlsSecurity rpk = DtlsSecurity.builder().rawPublicKeyTrust(k -> true)
                .ownCredentials(OwnCredentials.rawPublicKey(keys.getPrivate(), keys.getPublic()))
                .connectionId(false).build();
        assertThat(rpk.pskMode()).isFalse();
        assertThat(rpk.certificateMode()).isTrue();
        assertThat(rpk.connectionId()).isFalse();
    }

    @Test
    void certificate_peers_need_own_credentials_and_own_credentials_need_a_way_to_trust_peers() {
        assertThatThrownBy(() -> DtlsSecurity.builder().rawPublicKeyTrust(k -> true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ownCredentials");
        assertThatThrownBy(() -> DtlsSecurity.builder()
                .ownCredentials(OwnCredentials.rawPublicKey(keys.getPrivate(), keys.getPublic())).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rawPublicKeyTrust");
        assertThatThrownBy(() -> DtlsSecurity.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("security mode");
    }

    @Test
    void own_credentials_never_show_the_private_key() {
        Issued ca = TestCertificates.certificateAuthority("Test CA");
        Issued server = TestCertificates.leaf("wisp-server", ca);
        OwnCredentials certificate = server.credentials();
        OwnCredentials rpk = OwnCredentials.rawPublicKey(keys.getPrivate(), keys.getPublic());

        assertThat(certificate.publicKey()).isEqualTo(server.keys().getPublic());
        assertThat(certificate.toString()).contains("wisp-server").doesNotContain(privateText(server.keys()));
        assertThat(rpk.toString()).contains(PeerIdentity.rpk(keys.getPublic()).name())
                .doesNotContain(privateText(keys));
        assertThatThrownBy(() -> OwnCredentials.certificate(keys.getPrivate(), List.of()))
                .hasMessageContaining("chain");
    }

    private static String privateText(KeyPair pair) {
        java.security.interfaces.ECPrivateKey key = (java.security.interfaces.ECPrivateKey) pair.getPrivate();
        return key.getS().toString(16);
    }
}
