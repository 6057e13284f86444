package io.wisp.bench.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * AES-CCM with an 8-byte tag and a 12-byte nonce against the published example of NIST SP 800-38C (Appendix C,
 * example 3: the one with these lengths), and a flipped bit that must be refused.
 */
class Ccm8Test {
    private static final HexFormat HEX = HexFormat.of();
    private static final SecretKeySpec KEY = new SecretKeySpec(HEX.parseHex("404142434445464748494a4b4c4d4e4f"),
            "AES");
    private static final byte[] NONCE = HEX.parseHex("101112131415161718191a1b");
    private static final byte[] AAD = HEX.parseHex("000102030405060708090a0b0c0d0e0f10111213");
    private static final byte[] PLAIN = HEX.parseHex("202122232425262728292a2b2c2d2e2f3031323334353637");
    private static final String SEALED = "e3b201a9f5b71a7a9b1ceaeccd97e70b6176aad9a4428aa5" + "484392fbc1b09951";

    @Test
    void sealing_gives_the_published_ciphertext_and_tag() {
        byte[] out = new byte[PLAIN.length + Ccm8.TAG];

        int n = new Ccm8().seal(KEY, NONCE, AAD, PLAIN, 0, PLAIN.length, out, 0);

        assertThat(n).isEqualTo(PLAIN.length + 8);
        assertThat(HEX.formatHex(out)).isEqualTo(SEALED);
    }

    @Test
    void opening_recovers_the_plaintext_and_refuses_a_changed_bit() {
        byte[] sealed = HEX.parseHex(SEALED);
        Ccm8 ccm = new Ccm8();

        assertThat(ccm.open(KEY, NONCE, AAD, sealed, 0, sealed.length)).isEqualTo(PLAIN);
        sealed[3] ^= 1;
        assertThat(ccm.open(KEY, NONCE, AAD, sealed, 0, sealed.length)).isNull();
    }
}
