package io.wisp.transport.californium;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.EndpointContextMatcher;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.RawDataChannel;
import org.eclipse.californium.elements.UdpEndpointContext;
import org.eclipse.californium.elements.exception.EndpointMismatchException;
import org.eclipse.californium.elements.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Californium UDP {@link Connector} without threads of its own: its non-blocking socket is read by a
 * {@link DatagramMultiplexer}, which hands each datagram to the protocol lane of its sender (see
 * {@link ProtocolExecutor}), and datagrams are sent straight from the protocol thread that produced them. Only when
 * the socket's send buffer is full are datagrams queued (up to a bound) for the multiplexer to send in order.
 */
final class MultiplexedUdpConnector implements Connector, MultiplexedSocket {
    private static final Logger LOG = LoggerFactory.getLogger(MultiplexedUdpConnector.class);

    private final DatagramMultiplexer multiplexer;
    private final ProtocolExecutor lanes;
    private final InetSocketAddress bindAddress;
    private final int maxDatagramSize;
    private final int socketBufferSize;
    private final int queueCapacity;
    private final ArrayDeque<RawData> queue = new ArrayDeque<>(0);
    private volatile DatagramChannel channel;
    private volatile InetSocketAddress localAddress;
    private volatile RawDataChannel receiver;
    private volatile EndpointContextMatcher matcher;

    MultiplexedUdpConnector(DatagramMultiplexer multiplexer, ProtocolExecutor lanes, InetSocketAddress bindAddress,
            int maxDatagramSize, int socketBufferSize, int queueCapacity) {
        this.multiplexer = multiplexer;
        this.lanes = lanes;
        this.bindAddress = bindAddress;
        this.localAddress = bindAddress;
        this.maxDatagramSize = maxDatagramSize;
        this.socketBufferSize = socketBufferSize;
        this.queueCapacity = queueCapacity;
    }

    @Override
    public synchronized void start() throws IOException {
        if (channel != null) {
            return;
        }
        if (!multiplexer.isRunning()) {
            throw new IOException("the shared transport resources are closed");
        }
        DatagramChannel opened = DatagramChannel.open();
        try {
            if (socketBufferSize > 0) {
                opened.setOption(StandardSocketOptions.SO_RCVBUF, socketBufferSize);
                opened.setOption(StandardSocketOptions.SO_SNDBUF, socketBufferSize);
            }
            opened.configureBlocking(false);
            opened.bind(bindAddress);
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        localAddress = (InetSocketAddress) opened.getLocalAddress();
        channel = opened;
        multiplexer.register(opened, this);
    }

    @Override
    public void stop() {
        List<RawData> dropped;
        synchronized (this) {
            DatagramChannel open = channel;
            if (open == null) {
                return;
            }
            channel = null;
            multiplexer.release(open);
            synchronized (queue) {
                dropped = List.copyOf(queue);
                queue.clear();
            }
        }
        for (RawData message : dropped) {
            message.onError(new InterruptedIOException("Connector is not running."));
        }
    }

    @Override
    public void destroy() {
        stop();
        receiver = null;
    }

    @Override
    public void send(RawData message) {
        InetSocketAddress to = message.getInetSocketAddress();
        if (to.getPort() == 0) {
            message.onError(new IOException("message to " + to + " dropped: destination port 0"));
            return;
        }
        DatagramChannel open = channel;
        if (open == null) {
            message.onError(new InterruptedIOException("Connector is not running."));
            return;
        }
        EndpointContext connection = new UdpEndpointContext(to);
        EndpointContextMatcher m = matcher;
        if (m != null && !m.isToBeSent(message.getEndpointContext(), connection)) {
            message.onError(new EndpointMismatchException("UDP sending"));
            return;
        }
        message.onContextEstablished(connection);
        IOException failure;
        synchronized (queue) {
            if (!queue.isEmpty()) {
                if (queue.size() < queueCapacity) {
                    queue.add(message);
                    return;
                }
                failure = new InterruptedIOException("Connector overloaded.");
            } else {
                try {
                    if (open.send(ByteBuffer.wrap(message.getBytes()), to) == 0) {
                        queue.add(message);
                        multiplexer.wantWrite(open);
                        return;
                    }
                    failure = null;
                } catch (IOException e) {
                    failure = e;
                }
            }
        }
        done(message, failure);
    }

    @Override
    public boolean flush() {
        DatagramChannel open = channel;
        List<RawData> sent = new ArrayList<>();
        List<IOException> failures = new ArrayList<>();
        boolean empty;
        synchronized (queue) {
            while (open != null && !queue.isEmpty()) {
                RawData message = queue.peek();
                IOException failure = null;
                try {
                    if (open.send(ByteBuffer.wrap(message.getBytes()), message.getInetSocketAddress()) == 0) {
                        break;
                    }
                } catch (IOException e) {
                    failure = e;
                }
                queue.poll();
                sent.add(message);
                failures.add(failure);
            }
            empty = queue.isEmpty();
        }
        for (int k = 0; k < sent.size(); k++) {
            done(sent.get(k), failures.get(k));
        }
        return empty;
    }

    /** Tells the message's sender how it went; outside any lock, since the stack may send again from there. */
    private static void done(RawData message, IOException failure) {
        if (failure == null) {
            message.onSent();
        } else {
            message.onError(failure);
        }
    }

    @Override
    public boolean receive(DatagramChannel from, ByteBuffer buffer) {
        Datagram datagram = MultiplexedSocket.read(from, buffer, maxDatagramSize, this);
        if (datagram == null) {
            return false;
        }
        RawDataChannel target = receiver;
        if (!datagram.dropped() && datagram.source().getPort() != 0 && target != null) {
            deliver(target, datagram.bytes(), datagram.source());
        }
        return true;
    }

    private void deliver(RawDataChannel target, byte[] bytes, InetSocketAddress peer) {
        RawData raw = RawData.inbound(bytes, new UdpEndpointContext(peer), false, ClockUtil.nanoRealtime(),
                localAddress);
        // the lane of this peer on this socket: thousands of client sockets that hear from one server spread out
        int lane = peer.hashCode() * 31 + localAddress.getPort();
        try {
            lanes.execute(lane, () -> target.receiveData(raw));
        } catch (RejectedExecutionException e) {
            LOG.debug("{} dropped a datagram from {}: stopping", this, peer);
        }
    }

    @Override
    public void processDatagram(DatagramPacket datagram) {
        RawDataChannel target = receiver;
        if (target != null && datagram.getPort() != 0 && datagram.getLength() <= maxDatagramSize) {
            byte[] bytes = Arrays.copyOfRange(datagram.getData(), datagram.getOffset(),
                    datagram.getOffset() + datagram.getLength());
            deliver(target, bytes, (InetSocketAddress) datagram.getSocketAddress());
        }
    }

    @Override
    public void setRawDataReceiver(RawDataChannel messageHandler) {
        this.receiver = messageHandler;
    }

    @Override
    public void setEndpointContextMatcher(EndpointContextMatcher endpointContextMatcher) {
        this.matcher = endpointContextMatcher;
    }

    @Override
    public InetSocketAddress getAddress() {
        return localAddress;
    }

    @Override
    public String getProtocol() {
        return "UDP";
    }

    @Override
    public boolean isRunning() {
        return channel != null;
    }

    @Override
    public String toString() {
        return "UDP-" + localAddress;
    }
}
