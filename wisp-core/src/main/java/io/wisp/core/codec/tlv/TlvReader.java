package io.wisp.core.codec.tlv;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a byte range into consecutive TLVs (Core TS §7.4.3): type byte, an 8- or 16-bit identifier, the length in
 * the type byte or in an 8-, 16- or 24-bit field, then the value. A header or value that runs past the range
 * (the payload, or the value of the enclosing TLV) is malformed at the offset of that TLV's type byte.
 */
final class TlvReader {
    private TlvReader() {
    }

    static List<Tlv> read(byte[] in, int from, int to, ContentFormat format, LwM2mPath path) {
        List<Tlv> out = new ArrayList<>();
        int pos = from;
        while (pos < to) {
            int start = pos;
            int typeByte = in[pos++] & 0xFF;
            int idBytes = (typeByte & 0x20) != 0 ? 2 : 1;
            int lengthBytes = (typeByte >> 3) & 3;
            if (to - pos < idBytes + lengthBytes) {
                throw CodecException.malformed(format, start, path, "TLV header needs " + (1 + idBytes + lengthBytes)
                        + " bytes but only " + (to - start) + " are left" + where(from, to, in.length));
            }
            int id = (int) bigEndian(in, pos, idBytes);
            pos += idBytes;
            if (id > LwM2mPath.MAX_ID) {
                throw CodecException.malformed(format, start, path, "TLV identifier 65535 is reserved");
            }
            int length = lengthBytes == 0 ? typeByte & 7 : (int) bigEndian(in, pos, lengthBytes);
            pos += lengthBytes;
            if (to - pos < length) {
                throw CodecException.malformed(format, start, path, "TLV value of " + length + " bytes runs past the "
                        + "end" + where(from, to, in.length) + " (" + (to - pos) + " bytes left)");
            }
            out.add(new Tlv(TlvType.ofTypeByte(typeByte), id, start, pos, length));
            pos += length;
        }
        return out;
    }

    private static String where(int from, int to, int total) {
        return from == 0 && to == total ? " of the payload" : " of its enclosing TLV";
    }

    static long bigEndian(byte[] in, int pos, int n) {
        long v = 0;
        for (int k = 0; k < n; k++) {
            v = (v << 8) | (in[pos + k] & 0xFF);
        }
        return v;
    }
}
