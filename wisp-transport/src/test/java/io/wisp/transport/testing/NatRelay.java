package io.wisp.transport.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;

/**
 * A NAT on 127.0.0.1 between one client and one server: the client sends to {@link #address()}, the server sees the
 * datagrams come from {@link #outsideAddress()}, and its answers go back to the client. {@link #rebind()} moves the
 * outside to a new port, as a NAT does when its mapping expires, while the client keeps its own socket.
 */
public final class NatRelay implements AutoCloseable {
    private final DatagramSocket inside;
    private final InetSocketAddress server;
    private volatile DatagramSocket outside;
    private volatile InetSocketAddress client;

    public NatRelay(InetSocketAddress server) {
        this.server = server;
        try {
            inside = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        pump("nat-inside", inside, true);
        outside = openOutside();
    }

    /** Where the client sends. */
    public InetSocketAddress address() {
        return (InetSocketAddress) inside.getLocalSocketAddress();
    }

    /** Where the server sees the client. */
    public InetSocketAddress outsideAddress() {
        return (InetSocketAddress) outside.getLocalSocketAddress();
    }

    /** Gives the client a new outside port; datagrams the server sends to the old one are lost. */
    public void rebind() {
        DatagramSocket old = outside;
        outside = openOutside();
        old.close();
    }

    private DatagramSocket openOutside() {
        try {
            DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            pump("nat-outside", socket, false);
            return socket;
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pump(String name, DatagramSocket from, boolean fromClient) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[65_536];
            while (!from.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    from.receive(packet);
                    byte[] data = Arrays.copyOf(packet.getData(), packet.getLength());
                    if (fromClient) {
                        client = (InetSocketAddress) packet.getSocketAddress();
                        outside.send(new DatagramPacket(data, data.length, server));
                    } else if (client != null) {
                        inside.send(new DatagramPacket(data, data.length, client));
                    }
                } catch (IOException e) {
                    // socket closed, or the outside was swapped while sending: the datagram is lost, as in a NAT
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        inside.close();
        outside.close();
    }
}
