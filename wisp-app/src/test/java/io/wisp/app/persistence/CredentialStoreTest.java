package io.wisp.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CredentialStoreTest extends DatabaseTest {
    private static final byte[] KEY = HexFormat.of().parseHex("73656372657450534b6b6579");

    @Test
    void credentials_of_every_mode_come_back_after_a_restart() {
        StoredCredential psk = StoredCredential.psk("psk-dev", "psk-identity", KEY);
        StoredCredential rpk = StoredCredential.rpk("rpk-dev", "sha256:ab12", new byte[] {0x30, 0x59, 1, 2, 3});
        StoredCredential x509 = StoredCredential.x509("cert-dev", "CN-cert-dev");
        assertThat(db.credentials().put(psk)).isEmpty();
        db.credentials().put(rpk);
        db.credentials().put(x509);

        reopen();

        assertThat(db.credentials().byEndpoint("psk-dev")).contains(psk);
        assertThat(db.credentials().byEndpoint("psk-dev").orElseThrow().keyMaterial()).isEqualTo(KEY);
        assertThat(db.credentials().byIdentity(StoredCredential.Mode.RPK, "sha256:ab12")).contains(rpk);
        assertThat(db.credentials().byIdentity(StoredCredential.Mode.X509, "CN-cert-dev")).contains(x509);
        assertThat(db.credentials().byIdentity(StoredCredential.Mode.PSK, "CN-cert-dev")).isEmpty();
        assertThat(db.credentials().list()).containsExactly(x509.summary(), psk.summary(), rpk.summary());
    }

    @Test
    void new_credentials_replace_the_old_ones_of_the_endpoint() {
        StoredCredential old = StoredCredential.psk("dev", "old-id", KEY);
        StoredCredential renewed = StoredCredential.psk("dev", "new-id", new byte[] {9, 9, 9});
        db.credentials().put(old);

        assertThat(db.credentials().put(renewed)).contains(old);
        assertThat(db.credentials().byEndpoint("dev")).contains(renewed);
        assertThat(db.credentials().byIdentity(StoredCredential.Mode.PSK, "old-id")).isEmpty();
        assertThat(db.credentials().remove("dev")).isTrue();
        assertThat(db.credentials().remove("dev")).isFalse();
        assertThat(db.credentials().list()).isEmpty();
    }

    @Test
    void an_identity_bound_to_one_endpoint_is_refused_for_another() {
        db.credentials().put(StoredCredential.psk("first", "shared-id", KEY));

        assertThatThrownBy(() -> db.credentials().put(StoredCredential.psk("second", "shared-id", KEY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first");
        assertThat(db.credentials().byEndpoint("second")).isEmpty();
        assertThat(db.credentials().byIdentity(StoredCredential.Mode.PSK, "shared-id").orElseThrow().endpoint())
                .isEqualTo("first");
    }

    @Test
    void the_key_never_shows_in_text_and_bad_credentials_are_refused_naming_the_field() {
        StoredCredential psk = StoredCredential.psk("dev", "id", KEY);
        String hex = HexFormat.of().formatHex(KEY);
        assertThat(psk.toString()).contains("dev", "id").doesNotContain(hex).doesNotContain("secret");
        assertThat(psk.summary().toString()).doesNotContain(hex);

        assertThatThrownBy(() -> StoredCredential.psk("dev", "id", new byte[0]))
                .hasMessageContaining("keyMaterial");
        assertThatThrownBy(() -> StoredCredential.psk("", "id", KEY)).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> StoredCredential.rpk("dev", "", KEY)).hasMessageContaining("identity");
    }

    @Test
    void a_returned_key_is_a_copy() {
        StoredCredential psk = StoredCredential.psk("dev", "id", KEY);
        psk.keyMaterial()[0] = 0;
        assertThat(psk.keyMaterial()).isEqualTo(KEY);
    }
}
