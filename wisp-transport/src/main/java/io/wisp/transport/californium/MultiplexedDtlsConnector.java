package io.wisp.transport.californium;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scandium's DTLS connector without threads of its own, for the client role: its non-blocking socket is read by a
 * {@link DatagramMultiplexer} and its records are sent straight from the thread that protected them, while handshakes,
 * record protection and timers run on the executor it is given (the protocol lanes). Scandium's own connector starts
 * a receiver thread and a timer thread per socket; a fleet of ten thousand DTLS clients would need twenty thousand.
 * The configuration must ask for no receiver thread ({@code DTLS_RECEIVER_THREAD_COUNT} 0).
 * <p>
 * A datagram that finds the socket's send buffer full is dropped, as the network may drop it: the handshake's flight
 * retransmission and CoAP's confirmable retransmission recover it.
 */
final class MultiplexedDtlsConnector extends DTLSConnector implements MultiplexedSocket {
    private static final Logger LOG = LoggerFactory.getLogger(MultiplexedDtlsConnector.class);

    private final DatagramMultiplexer multiplexer;
    private volatile DatagramChannel channel;

    MultiplexedDtlsConnector(DtlsConnectorConfig config, DatagramMultiplexer multiplexer) {
        super(config);
        this.multiplexer = multiplexer;
    }

    @Override
    protected synchronized void start(InetSocketAddress bindAddress) throws IOException {
        if (isRunning()) {
            return;
        }
        if (!multiplexer.isRunning()) {
            throw new IOException("the shared transport resources are closed");
        }
        DatagramChannel opened = DatagramChannel.open();
        try {
            opened.configureBlocking(false);
            init(bindAddress, opened.socket(), null);
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        channel = opened;
        multiplexer.register(opened, this);
    }

    @Override
    public void stop() {
        DatagramChannel open;
        synchronized (this) {
            open = channel;
            channel = null;
        }
        super.stop();
        if (open != null) {
            multiplexer.release(open);
        }
    }

    @Override
    protected void sendNextDatagramOverNetwork(DatagramPacket datagram) throws IOException {
        DatagramChannel open = channel;
        if (open == null) {
            throw new IOException("Socket closed.");
        }
        if (datagram.getPort() == 0) {
            throw new IOException("DTLS record to " + datagram.getSocketAddress() + " dropped: destination port 0");
        }
        ByteBuffer bytes = ByteBuffer.wrap(datagram.getData(), datagram.getOffset(), datagram.getLength());
        if (open.send(bytes, datagram.getSocketAddress()) == 0) {
            LOG.debug("{}: send buffer full, a datagram to {} is dropped", this, datagram.getSocketAddress());
        }
    }

    @Override
    public boolean receive(DatagramChannel from, ByteBuffer buffer) {
        Datagram datagram = MultiplexedSocket.read(from, buffer, inboundDatagramBufferSize, this);
        if (datagram == null) {
            return false;
        }
        if (!datagram.dropped()) {
            processDatagram(new DatagramPacket(datagram.bytes(), datagram.bytes().length, datagram.source()));
        }
        return true;
    }

    /** Never asks the multiplexer to wait for room: a datagram that finds the buffer full is dropped. */
    @Override
    public boolean flush() {
        return true;
    }

    @Override
    public String toString() {
        return "DTLS-client-" + getAddress();
    }
}
