package io.wisp.transport.californium;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.EndpointContextMatcher;
import org.eclipse.californium.elements.MessageCallback;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.RawDataChannel;

/**
 * A connector that passes everything to another one; subclasses change how messages go out, typically by sending a
 * re-addressed copy whose fate {@link Forward} reports to the original message.
 */
abstract class ForwardingConnector implements Connector {
    private final Connector delegate;

    ForwardingConnector(Connector delegate) {
        this.delegate = delegate;
    }

    Connector delegate() {
        return delegate;
    }

    @Override
    public void send(RawData message) {
        delegate.send(message);
    }

    @Override
    public void start() throws IOException {
        delegate.start();
    }

    @Override
    public void stop() {
        delegate.stop();
    }

    @Override
    public void destroy() {
        delegate.destroy();
    }

    @Override
    public void setRawDataReceiver(RawDataChannel messageHandler) {
        delegate.setRawDataReceiver(messageHandler);
    }

    @Override
    public void setEndpointContextMatcher(EndpointContextMatcher matcher) {
        delegate.setEndpointContextMatcher(matcher);
    }

    @Override
    public InetSocketAddress getAddress() {
        return delegate.getAddress();
    }

    @Override
    public String getProtocol() {
        return delegate.getProtocol();
    }

    @Override
    public boolean isRunning() {
        return delegate.isRunning();
    }

    @Override
    public void processDatagram(DatagramPacket datagram) {
        delegate.processDatagram(datagram);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    /** Reports the fate of the re-addressed message to the original's callback. */
    static final class Forward implements MessageCallback {
        private final RawData original;

        Forward(RawData original) {
            this.original = original;
        }

        @Override
        public void onConnecting() {
            original.onConnecting();
        }

        @Override
        public void onDtlsRetransmission(int flight) {
            original.onDtlsRetransmission(flight);
        }

        @Override
        public void onContextEstablished(EndpointContext context) {
            original.onContextEstablished(context);
        }

        @Override
        public void onSent() {
            original.onSent();
        }

        @Override
        public void onError(Throwable error) {
            original.onError(error);
        }
    }
}
