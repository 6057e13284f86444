package io.wisp.transport.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A bare UDP socket on 127.0.0.1 that speaks just enough CoAP (RFC 7252 §3) to send messages with chosen message
 * IDs, see exactly which socket answers, and stay silent or reset when asked.
 */
public final class RawPeer implements AutoCloseable {
    private final DatagramSocket socket;

    public RawPeer() {
        try {
            socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            socket.setSoTimeout(10_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** A datagram as received, with the address it came from. */
    public record Datagram(byte[] bytes, InetSocketAddress from) {
        public int type() {
            return (bytes[0] >> 4) & 3;
        }

        public int code() {
            return bytes[1] & 0xFF;
        }

        public int mid() {
            return (bytes[2] & 0xFF) << 8 | (bytes[3] & 0xFF);
        }

        /** The bytes after the token (options and payload). */
        public byte[] afterToken() {
            int tkl = bytes[0] & 0x0F;
            return Arrays.copyOfRange(bytes, 4 + tkl, bytes.length);
        }
    }

    /** Encodes a CON request with a one-byte token and Uri-Path options (segments shorter than 13 bytes). */
    public static byte[] confirmable(int code, int mid, String... path) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x41); // version 1, CON, token length 1
        out.write(code);
        out.write(mid >> 8);
        out.write(mid & 0xFF);
        out.write(0x5A); // token
        int previous = 0;
        for (String segment : path) {
            byte[] s = segment.getBytes(StandardCharsets.UTF_8);
            int delta = 11 - previous;
            out.write(delta << 4 | s.length);
            out.writeBytes(s);
            previous = 11;
        }
        return out.toByteArray();
    }

    public void send(byte[] bytes, InetSocketAddress to) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits up to 10 s for the next datagram. */
    public Datagram receive() {
        byte[] buffer = new byte[4096];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no datagram within 10 s", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Datagram(Arrays.copyOf(buffer, packet.getLength()), (InetSocketAddress) packet.getSocketAddress());
    }

    /** Answers a received CON message with a Reset (RFC 7252 §4.2). */
    public void reset(Datagram message) {
        send(new byte[] {0x70, 0x00, (byte) (message.mid() >> 8), (byte) message.mid()}, message.from());
    }

    @Override
    public void close() {
        socket.close();
    }
}
