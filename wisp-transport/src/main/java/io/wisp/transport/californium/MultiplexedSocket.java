package io.wisp.transport.californium;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.slf4j.LoggerFactory;

/**
 * What owns a socket that a {@link DatagramMultiplexer} reads: it takes the datagrams that arrive and, if it ever
 * asked for it, finishes the sends that a full socket buffer held back. Both methods run on the multiplexer's thread
 * and must not block.
 */
interface MultiplexedSocket {

    /**
     * Reads one datagram from {@code from} into {@code buffer} (cleared) and hands it on; returns false when none was
     * waiting.
     */
    boolean receive(DatagramChannel from, ByteBuffer buffer);

    /** Sends what is queued until the socket is full again; returns whether nothing is left queued. */
    boolean flush();

    /** A datagram read off a socket: its bytes and its sender. */
    record Datagram(byte[] bytes, InetSocketAddress source) {
        /** What {@link #read} returns for a datagram it dropped as too large. */
        static final Datagram DROPPED = new Datagram(new byte[0], new InetSocketAddress(0));

        boolean dropped() {
            return this == DROPPED;
        }
    }

    /**
     * Reads one datagram from {@code from} through {@code buffer} (cleared) and copies it out: {@code null} when none
     * was waiting (or the read failed), {@link Datagram#DROPPED} for one over {@code maxSize} bytes.
     */
    static Datagram read(DatagramChannel from, ByteBuffer buffer, int maxSize, Object owner) {
        SocketAddress source;
        try {
            source = from.receive(buffer);
        } catch (IOException e) {
            LoggerFactory.getLogger(MultiplexedSocket.class).debug("Receiving on {} failed", owner, e);
            return null;
        }
        if (source == null) {
            return null;
        }
        buffer.flip();
        if (buffer.remaining() > maxSize) {
            LoggerFactory.getLogger(MultiplexedSocket.class).debug("{} dropped a datagram of {} bytes from {}",
                    owner, buffer.remaining(), source);
            return Datagram.DROPPED;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new Datagram(bytes, (InetSocketAddress) source);
    }
}
