package io.wisp.bench.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The generator's record protection (AES-CCM with an 8-byte tag and a 12-byte nonce) against the published example
 * of NIST SP 800-38C (Appendix C, example 3: the one with these lengths), and a flipped bit that must be refused.
 */
class DtlsCryptoTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final SecretKeySpec KEY = new SecretKeySpec(HEX.parseHex("404142434445464748494a4b4c4d4e4f"),
            "AES");
    private static final byte[] NONCE = HEX.parseHex("101112131415161718191a1b");
    private static final byte[] AAD = HEX.parseHex("000102030405060708090a0b0c0d0e0f10111213");
    private static final byte[] PLAIN = HEX.parseHex("202122232425262728292a2b2c2d2e2f3031323334353637");
    private static final String SEALED = "e3b201a9f5b71a7a9b1ceaeccd97e70b6176aad9a4428aa5" + "484392fbc1b09951";

    @Test
    void sealing_gives_the_published_ciphertext_and_tag() {
        assertThat(HEX.formatHex(DtlsCrypto.seal(KEY, NONCE, AAD, PLAIN))).isEqualTo(SEALED);
    }

    @Test
    void opening_recovers_the_plaintext_and_refuses_a_changed_bit() {
        byte[] record = HEX.parseHex("aabb" + SEALED);

        assertThat(DtlsCrypto.open(KEY, NONCE, AAD, record, 2, record.length - 2)).isEqualTo(PLAIN);
        record[5] ^= 1;
        assertThat(DtlsCrypto.open(KEY, NONCE, AAD, record, 2, record.length - 2)).isNull();
    }
}
