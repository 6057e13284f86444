package io.wisp.bench.load;

import io.wisp.bench.Fleet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;

/**
 * The CoAP requests of the virtual clients (RFC 7252 §3), encoded once by Californium's serializer and then reused:
 * the generator only patches the message ID (bytes 2–3) and the 8-byte token (bytes 4–11) of each copy it sends,
 * and a Register template additionally gets the device's IMEI digits written over the placeholder endpoint name.
 */
public final class CoapPackets {
    /** Every request carries an 8-byte token; the generator keeps its own bookkeeping in it. */
    public static final int TOKEN_LENGTH = 8;
    static final int MID_OFFSET = 2;
    static final int TOKEN_OFFSET = 4;

    private static final UdpDataSerializer SERIALIZER = new UdpDataSerializer();

    private CoapPackets() {
    }

    /**
     * A Register template (Transport TS §6.2: {@code POST /rd?ep=..&lt=..&lwm2m=1.1&b=U} with the link-format
     * payload of {@link Fleet#LINKS}) and where its endpoint digits are, for {@link RegisterTemplate#write}.
     */
    public static RegisterTemplate register(long lifetimeSeconds) {
        Request request = new Request(CoAP.Code.POST, CoAP.Type.CON);
        String endpoint = Fleet.endpoint(0);
        request.getOptions().addUriPath("rd")
                .addUriQuery("ep=" + endpoint)
                .addUriQuery("lt=" + lifetimeSeconds)
                .addUriQuery("lwm2m=1.1")
                .addUriQuery("b=U")
                .setContentFormat(MediaTypeRegistry.APPLICATION_LINK_FORMAT);
        request.setPayload(Fleet.linkPayload());
        byte[] packet = serialize(request);
        int at = indexOf(packet, endpoint.getBytes(StandardCharsets.US_ASCII));
        if (at < 0) {
            throw new IllegalStateException("the serialized Register does not contain its endpoint name");
        }
        return new RegisterTemplate(packet, at + Fleet.ENDPOINT_PREFIX.length());
    }

    /** A plain Update that only renews the registration (Core TS §6.2.2): {@code POST} to its location. */
    public static byte[] update(List<String> location) {
        Request request = new Request(CoAP.Code.POST, CoAP.Type.CON);
        for (String segment : location) {
            request.getOptions().addUriPath(segment);
        }
        return serialize(request);
    }

    /** A Send (Core TS §6.4.5, Transport TS §6.4): {@code POST /dp} with data in {@code contentFormat}. */
    public static byte[] send(int contentFormat, byte[] payload) {
        Request request = new Request(CoAP.Code.POST, CoAP.Type.CON);
        request.getOptions().addUriPath("dp").setContentFormat(contentFormat);
        request.setPayload(payload);
        return serialize(request);
    }

    /**
     * Writes the header of a message into {@code out}: version 1, {@code type}, {@code code} (one byte, class in the
     * top 3 bits), {@code mid}, and the {@code tokenLength} token bytes found at {@code tokenFrom} of {@code token}.
     * Returns the position after the token.
     */
    static int header(byte[] out, int type, int code, int mid, byte[] token, int tokenFrom, int tokenLength) {
        out[0] = (byte) (0x40 | type << 4 | tokenLength);
        out[1] = (byte) code;
        out[2] = (byte) (mid >> 8);
        out[3] = (byte) mid;
        System.arraycopy(token, tokenFrom, out, 4, tokenLength);
        return 4 + tokenLength;
    }

    /**
     * Writes an unsigned-integer option {@code number} after an option numbered {@code previous} (RFC 7252 §3.1,
     * deltas below 13 only), its value in {@code width} bytes (0 for the value 0); returns the position after it.
     */
    static int uintOption(byte[] out, int pos, int previous, int number, long value, int width) {
        int delta = number - previous;
        if (delta < 0 || delta >= 13 || width < 0 || width > 4) {
            throw new IllegalArgumentException("option " + number + " after " + previous + " in " + width
                    + " bytes is not supported here");
        }
        out[pos++] = (byte) (delta << 4 | width);
        for (int k = width - 1; k >= 0; k--) {
            out[pos++] = (byte) (value >>> (8 * k));
        }
        return pos;
    }

    /** The fewest bytes that hold {@code value} as a CoAP uint option (0 for 0). */
    static int width(long value) {
        int w = 0;
        while (w < 8 && value >>> (8 * w) != 0) {
            w++;
        }
        return w;
    }

    /** The empty ACK a client owes for a confirmable separate response (RFC 7252 §4.2). */
    static byte[] emptyAck(int mid) {
        EmptyMessage ack = new EmptyMessage(CoAP.Type.ACK);
        ack.setMID(mid);
        return SERIALIZER.getByteArray(ack);
    }

    /** Writes a message ID and token into a packet serialized by this class. */
    static void patch(byte[] packet, int mid, long token) {
        packet[MID_OFFSET] = (byte) (mid >> 8);
        packet[MID_OFFSET + 1] = (byte) mid;
        for (int k = 0; k < TOKEN_LENGTH; k++) {
            packet[TOKEN_OFFSET + k] = (byte) (token >>> (56 - 8 * k));
        }
    }

    private static byte[] serialize(Request request) {
        request.setMID(0);
        request.setToken(new Token(new byte[TOKEN_LENGTH]));
        return SERIALIZER.getByteArray(request);
    }

    /** The first index of {@code needle} in {@code haystack}, or -1. */
    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A Register packet whose endpoint's IMEI digits can be replaced in place. */
    public static final class RegisterTemplate {
        private final byte[] packet;
        private final int digitsAt;

        RegisterTemplate(byte[] packet, int digitsAt) {
            this.packet = packet;
            this.digitsAt = digitsAt;
        }

        /** Writes the Register of device {@code index} into {@code into}; returns its length. */
        public int write(long index, byte[] into) {
            System.arraycopy(packet, 0, into, 0, packet.length);
            long imei = Fleet.IMEI_BASE + index;
            for (int k = Fleet.IMEI_DIGITS - 1; k >= 0; k--) {
                into[digitsAt + k] = (byte) ('0' + imei % 10);
                imei /= 10;
            }
            return packet.length;
        }

        public int length() {
            return packet.length;
        }
    }
}
