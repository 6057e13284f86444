package io.wisp.transport;

/**
 * Names one observation we hold at a peer: the CoAP token of its observe request, which every notification echoes
 * (RFC 7641 §3.2, Transport TS §6). Wisp's observe tokens are always 8 random bytes, so the value fits a long.
 */
public record ObservationToken(long value) {

    /** The token as it travels on the wire, most significant byte first. */
    public byte[] bytes() {
        byte[] b = new byte[8];
        for (int k = 7; k >= 0; k--) {
            b[k] = (byte) (value >>> (8 * (7 - k)));
        }
        return b;
    }

    /** The token with these 8 bytes; {@code null} for any other length (not one of ours). */
    public static ObservationToken ofBytes(byte[] bytes) {
        if (bytes == null || bytes.length != 8) {
            return null;
        }
        long v = 0;
        for (byte b : bytes) {
            v = v << 8 | (b & 0xFF);
        }
        return new ObservationToken(v);
    }

    /** The token in hex, as packet captures show it. */
    @Override
    public String toString() {
        return String.format("%016x", value);
    }
}
