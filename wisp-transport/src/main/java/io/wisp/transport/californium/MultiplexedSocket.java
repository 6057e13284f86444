package io.wisp.transport.californium;

import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

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
}
