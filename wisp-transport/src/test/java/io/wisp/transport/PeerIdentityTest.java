package io.wisp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.transport.testing.TestCertificates;
import io.wisp.transport.testing.TestCertificates.Issued;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The identities a secure connector hands to the roles, and the names they are compared by. */
class PeerIdentityTest {

    @Test
    void an_rpk_identity_is_the_rfc_6920_sha_256_name_of_the_subject_public_key_info_whatever_object_holds_it()
            throws Exception {
        KeyPair keys = TestCertificates.ecKeyPair();
        byte[] spki = keys.getPublic().getEncoded();
        PublicKey decodedAgain = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
        String expected = "ni:///sha-256;"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(spki));

        assertThat(PeerIdentity.rpk(keys.getPublic()).name()).isEqualTo(expected);
        assertThat(PeerIdentity.rpk(decodedAgain)).isEqualTo(PeerIdentity.rpk(keys.getPublic()));
        assertThat(PeerIdentity.rpk(TestCertificates.ecKeyPair().getPublic()))
                .isNotEqualTo(PeerIdentity.rpk(keys.getPublic()));
    }

    @Test
    void the_kind_is_part_of_the_identity_so_a_certificate_cn_never_equals_a_psk_identity_of_the_same_text() {
        assertThat(PeerIdentity.x509("dev-1")).isNotEqualTo(PeerIdentity.psk("dev-1"));
        assertThat(PeerIdentity.psk("dev-1")).hasToString("psk:dev-1");
        assertThat(PeerIdentity.x509("dev-1")).hasToString("x509:dev-1");
    }

    @Test
    void a_certificate_is_identified_by_the_cn_of_its_subject() {
        Issued ca = TestCertificates.certificateAuthority("Test CA");
        Issued leaf = TestCertificates.leaf("urn:imei:490154203237518", ca);

        assertThat(PeerIdentity.x509(leaf.certificate())).isEqualTo(PeerIdentity.x509("urn:imei:490154203237518"));
        assertThat(PeerIdentity.commonName(ca.certificate())).isEqualTo("Test CA");
    }

    @Test
    void psk_identities_are_limited_to_128_bytes_of_utf_8() {
        assertThat(PeerIdentity.psk("é".repeat(64)).name()).hasSize(64);
        assertThatThrownBy(() -> PeerIdentity.psk("é".repeat(65))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("identity").hasMessageContaining("130");
        assertThatThrownBy(() -> PeerIdentity.psk("")).hasMessageContaining("name");
    }
}
