package io.wisp.core.codec.senml;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.cborio.CborItem;
import io.wisp.core.codec.cborio.CborReader;
import java.math.BigInteger;

/**
 * Reads a CBOR bignum (RFC 8949 §3.4.3: tag 2 or 3 on a byte string holding the magnitude, big-endian, unsigned)
 * straight from the content, for the values Jackson's parser gets wrong.
 */
final class CborBignum {
    private static final long TAG_UNSIGNED_BIGNUM = 2;
    private static final long TAG_NEGATIVE_BIGNUM = 3;

    private CborBignum() {
    }

    /**
     * The bignum whose head (its tags) starts at {@code offset}; {@code fallback} when the bytes there are not a
     * tagged byte string.
     */
    static BigInteger read(byte[] content, int offset, BigInteger fallback) {
        CborItem item;
        try {
            item = new CborReader(content, offset, ContentFormat.SENML_CBOR, null).readScalar();
        } catch (CodecException e) {
            return fallback;
        }
        if (item.kind() != CborItem.Kind.BYTES
                || item.tag() != TAG_UNSIGNED_BIGNUM && item.tag() != TAG_NEGATIVE_BIGNUM) {
            return fallback;
        }
        BigInteger magnitude = new BigInteger(1, item.bytes());
        return item.tag() == TAG_UNSIGNED_BIGNUM ? magnitude : magnitude.negate().subtract(BigInteger.ONE);
    }
}
