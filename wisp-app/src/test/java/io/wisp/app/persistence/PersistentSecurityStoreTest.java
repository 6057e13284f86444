package io.wisp.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.transport.PeerIdentity;
import io.wisp.transport.security.SecurityInfo;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PersistentSecurityStoreTest extends DatabaseTest {
    private static final byte[] KEY = HexFormat.of().parseHex("73656372657450534b6b6579");

    private static PublicKey ecKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair().getPublic();
    }

    @Test
    void credentials_of_every_mode_come_back_after_a_restart() throws Exception {
        SecurityInfo psk = SecurityInfo.psk("psk-dev", "psk-identity", KEY);
        PublicKey key = ecKey();
        SecurityInfo rpk = SecurityInfo.rpk("rpk-dev", key);
        SecurityInfo x509 = SecurityInfo.x509("cert-dev", "CN-of-cert-dev");
        assertThat(db.security().add(psk)).isEmpty();
        db.security().add(rpk);
        db.security().add(x509);

        reopen();

        assertThat(db.security().byEndpoint("psk-dev")).contains(psk);
        assertThat(((SecurityInfo.Psk) db.security().byEndpoint("psk-dev").orElseThrow()).key()).isEqualTo(KEY);
        assertThat(db.security().byIdentity(PeerIdentity.rpk(key)).map(SecurityInfo::endpoint)).contains("rpk-dev");
        assertThat(((SecurityInfo.Rpk) db.security().byEndpoint("rpk-dev").orElseThrow()).publicKey().getEncoded())
                .isEqualTo(key.getEncoded());
        assertThat(db.security().byIdentity(PeerIdentity.x509("CN-of-cert-dev"))).contains(x509);
        assertThat(db.security().byIdentity(PeerIdentity.psk("CN-of-cert-dev"))).isEmpty();
        assertThat(db.security().list()).containsExactly(x509.summary(), psk.summary(), rpk.summary());
    }

    @Test
    void new_credentials_replace_the_old_ones_and_removal_lasts() {
        SecurityInfo old = SecurityInfo.psk("dev", "old-id", KEY);
        SecurityInfo renewed = SecurityInfo.psk("dev", "new-id", new byte[] {9, 9, 9});
        db.security().add(old);
        assertThat(db.security().add(renewed)).contains(old);
        db.security().add(SecurityInfo.x509("gone", "gone"));
        assertThat(db.security().remove("gone")).isTrue();
        assertThat(db.security().remove("gone")).isFalse();

        reopen();

        assertThat(db.security().byEndpoint("dev")).contains(renewed);
        assertThat(db.security().byIdentity(PeerIdentity.psk("old-id"))).isEmpty();
        assertThat(db.security().byEndpoint("gone")).isEmpty();
    }

    @Test
    void an_identity_bound_to_one_endpoint_is_refused_for_another_and_nothing_changes() throws Exception {
        db.security().add(SecurityInfo.psk("first", "shared-id", KEY));

        assertThatThrownBy(() -> db.security().add(SecurityInfo.psk("second", "shared-id", KEY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first");
        reopen();
        assertThat(db.security().byEndpoint("second")).isEmpty();
        assertThat(db.security().byIdentity(PeerIdentity.psk("shared-id")).map(SecurityInfo::endpoint))
                .contains("first");
        assertThat(Sql.count(dir, "credential")).isEqualTo(1);
    }

    @Test
    void an_unreadable_row_is_skipped_and_kept_for_the_operator() throws Exception {
        db.security().add(SecurityInfo.psk("good", "good-id", KEY));
        db.security().add(SecurityInfo.psk("bad", "bad-id", KEY));
        db.close();
        Sql.execute(dir, "UPDATE credential SET security_mode = 'NOSEC' WHERE endpoint = 'bad'");
        db = WispDatabase.open(dir, options(), clock);

        assertThat(db.security().byEndpoint("good")).isPresent();
        assertThat(db.security().byEndpoint("bad")).isEmpty();
        assertThat(Sql.count(dir, "credential")).isEqualTo(2);
    }
}
