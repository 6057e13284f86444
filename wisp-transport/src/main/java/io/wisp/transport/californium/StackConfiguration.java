package io.wisp.transport.californium;

import io.wisp.transport.TransportConfig;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.config.CoapConfig.TrackerMode;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.config.DtlsConfig;

/**
 * Turns a {@link TransportConfig} into a Californium {@link Configuration}, built in code: no
 * {@code Californium3.properties} file is read or written.
 */
final class StackConfiguration {

    private StackConfiguration() {
    }

    static {
        // The modules become Californium's default ones, so that every Configuration shares one table of
        // definitions: each Scandium connector copies its configuration, and with modules of its own every copy
        // would also copy that table (about 7 KB per DTLS client of a fleet).
        SystemConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        CoapConfig.register();
    }

    static Configuration of(TransportConfig c) {
        Configuration config = new Configuration();
        // Deduplication: the exchange store gets a BoundedDeduplicator (see CaliforniumTransport); once a
        // response is sent the request's payload and options are released, the response keeps only its bytes.
        config.set(CoapConfig.USE_MESSAGE_OFFLOADING, true);
        // Message IDs of downlinks: a per-peer counter without a reuse bitmap keeps one small object per peer;
        // a LwM2M peer never sees 65536 of our messages within one exchange lifetime.
        config.set(CoapConfig.MID_TRACKER, TrackerMode.NULL);
        config.set(CoapConfig.MAX_ACTIVE_PEERS, c.maxActivePeers());
        // Observe tokens are 8 bytes (ObservationToken holds them in a long).
        config.set(CoapConfig.TOKEN_SIZE_LIMIT, 8);
        // Block-wise transfer (RFC 7959) both ways.
        config.set(CoapConfig.MAX_MESSAGE_SIZE, c.maxMessageSize());
        config.set(CoapConfig.PREFERRED_BLOCK_SIZE, c.preferredBlockSize());
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, c.maxBodySize());
        config.set(CoapConfig.BLOCKWISE_STATUS_LIFETIME, c.blockwiseLifetime().toMillis(), TimeUnit.MILLISECONDS);
        config.set(CoapConfig.BLOCKWISE_ENTITY_TOO_LARGE_AUTO_FAILOVER, true);
        config.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, c.protocolThreads());
        // Retransmission of CON messages (RFC 7252 §4.2).
        config.set(CoapConfig.ACK_TIMEOUT, c.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        config.set(CoapConfig.MAX_RETRANSMIT, c.maxRetransmit());
        // UDP socket: larger buffers absorb bursts (the OS may cap them); a bounded outbound queue.
        if (c.socketBufferSize() > 0) {
            config.set(UdpConfig.UDP_RECEIVE_BUFFER_SIZE, c.socketBufferSize());
            config.set(UdpConfig.UDP_SEND_BUFFER_SIZE, c.socketBufferSize());
        }
        config.set(UdpConfig.UDP_DATAGRAM_SIZE, datagramSize(c));
        config.set(UdpConfig.UDP_CONNECTOR_OUT_CAPACITY, c.outboundQueueCapacity());
        return config;
    }

    /** The largest datagram received: a full message with room for options and block headers. */
    static int datagramSize(TransportConfig c) {
        return Math.max(2048, c.maxMessageSize() + 128);
    }
}
