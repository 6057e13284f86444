package io.wisp.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * The tuning of the CoAP stack: by default chosen for a server holding up to a million clients, with
 * {@link #client()} for a client.
 *
 * <p><b>Deduplication</b> (RFC 7252 §4.5): a server must answer a retransmitted CON request with the same response,
 * so it remembers every exchange for a while. Californium's default keeps each one for EXCHANGE_LIFETIME (247 s);
 * at tens of thousands of requests per second that alone fills the heap (about 2.5 KB per request). Wisp keeps
 * exchanges in generations that rotate after {@link #dedupWindow()} or as soon as {@link #dedupCapacity()}/2
 * exchanges arrived, whichever comes first, and frees request payloads once answered. Memory is then bounded by the
 * capacity, whatever the load. A remembered exchange costs about 1.8 KB on Californium 3.14 while it is in progress;
 * once its piggybacked response is sent (and a few thousand newer requests arrived) only the response bytes are kept,
 * about 0.2 KB (measured with {@code DedupHeapMain} in the tests), so the default capacity of 100 000 caps the state
 * near 30 MB. The price: under a load that fills the capacity faster than the window, a duplicate
 * arriving later than the shortened window is processed again. The LwM2M registration operations tolerate that
 * (Register replaces, Update is idempotent, a second De-register gets 4.04); the default window of 45 s covers a
 * client's MAX_TRANSMIT_SPAN with the default transmission parameters (RFC 7252 §4.8.2).
 *
 * <p><b>Block-wise</b> (RFC 7959, Transport TS §6.4): bodies larger than {@link #maxMessageSize()} travel in blocks
 * of {@link #preferredBlockSize()} both ways; a reassembled body may reach {@link #maxBodySize()}; an unfinished
 * transfer is dropped after {@link #blockwiseLifetime()}.
 *
 * <p><b>Reliability</b> (RFC 7252 §4.2, §4.8): a CON message is retransmitted after {@link #ackTimeout()} (times a
 * random factor of 1 to 1.5), doubling each time, at most {@link #maxRetransmit()} times; then the exchange fails
 * (a downlink with {@code TIMEOUT}, a served observation with {@code UNREACHABLE}).
 *
 * <p><b>DTLS cookie exchange</b> (RFC 6347 §4.2.1): by default a server-role DTLS connector answers every new
 * ClientHello with a HelloVerifyRequest and starts the handshake only when the client echoes the cookie, which proves
 * the client owns its source address before any handshake state is kept or any larger flight is sent. With
 * {@link #pskCookieExchange()} off, a ClientHello that offers a PSK suite is answered with the ServerHello flight at
 * once: a PSK handshake saves one round trip and two datagrams; the server's own work shrinks only a little (the
 * cookie exchange was about 3% of the DTLS threads' CPU samples in {@code ./bench dtls-handshake}). The price: a
 * spoofed ClientHello then makes the server keep handshake state for an address nobody answers from (bounded by the
 * connection store, until the handshake times out), and sends a ServerHello flight of about the ClientHello's size
 * to the spoofed address (no certificate, so little amplification). A ClientHello offering only certificate or raw
 * public key suites still gets the cookie exchange: those flights are large. Keep it on where a server faces the
 * open Internet; turn it off only on a trusted network or for a load test.
 *
 * <p>{@link #client()} is the profile of a LwM2M client, of which a simulator runs thousands in one JVM.
 *
 * @param dedupWindow how long an exchange is at least remembered for deduplication when the capacity allows
 * @param dedupCapacity the most exchanges remembered for deduplication at any time
 * @param maxMessageSize the largest CoAP message sent without block-wise transfer
 * @param preferredBlockSize the block size offered (16..1024, a power of two)
 * @param maxBodySize the largest body reassembled from blocks
 * @param blockwiseLifetime how long an unfinished block-wise transfer is kept
 * @param protocolThreads threads running the CoAP protocol stack and the uplink handlers (ignored when the transport
 *        runs on shared {@link TransportResources}, which bring their own)
 * @param socketBufferSize the UDP receive and send buffer sizes asked of the OS; 0 keeps the OS default
 * @param maxActivePeers the most peers tracked for outgoing message IDs (peers that received downlinks recently)
 * @param outboundQueueCapacity the most datagrams queued for sending before new ones are dropped
 * @param ackTimeout the first retransmission timeout of a CON message (RFC 7252 ACK_TIMEOUT)
 * @param maxRetransmit how many times a CON message is retransmitted (RFC 7252 MAX_RETRANSMIT)
 * @param pskCookieExchange whether a server-role DTLS connector asks for a cookie before a PSK handshake (see above)
 */
public record TransportConfig(Duration dedupWindow, int dedupCapacity, int maxMessageSize, int preferredBlockSize,
        int maxBodySize, Duration blockwiseLifetime, int protocolThreads, int socketBufferSize, int maxActivePeers,
        int outboundQueueCapacity, Duration ackTimeout, int maxRetransmit, boolean pskCookieExchange) {

    public TransportConfig {
        positive("dedupWindow", dedupWindow);
        positive("blockwiseLifetime", blockwiseLifetime);
        atLeast("dedupCapacity", dedupCapacity, 2);
        atLeast("maxMessageSize", maxMessageSize, 64);
        if (preferredBlockSize < 16 || preferredBlockSize > 1024 || Integer.bitCount(preferredBlockSize) != 1) {
            throw new IllegalArgumentException(
                    "preferredBlockSize must be a power of two in 16..1024, got " + preferredBlockSize);
        }
        atLeast("maxBodySize", maxBodySize, maxMessageSize);
        atLeast("protocolThreads", protocolThreads, 1);
        atLeast("socketBufferSize", socketBufferSize, 0);
        atLeast("maxActivePeers", maxActivePeers, 1);
        atLeast("outboundQueueCapacity", outboundQueueCapacity, 32);
        positive("ackTimeout", ackTimeout);
        atLeast("maxRetransmit", maxRetransmit, 0);
    }

    private static void positive(String field, Duration d) {
        Objects.requireNonNull(d, field);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, got " + d);
        }
    }

    private static void atLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be at least " + min + ", got " + value);
        }
    }

    /** The defaults described above, with one protocol thread per core. */
    public static TransportConfig defaults() {
        return builder().build();
    }

    /**
     * The profile of a LwM2M client: it talks to a handful of servers (its LwM2M servers, the bootstrap server, a
     * firmware host), receives a few requests at a time and must stay small when a simulator runs thousands of
     * clients in one JVM. Deduplication remembers at most 64 exchanges, 8 peers are tracked, the OS keeps its socket
     * buffer sizes, one protocol thread runs it when it has its own, and a pushed firmware image of up to 4 MiB is
     * reassembled from its blocks (Core TS Appendix E.6).
     */
    public static TransportConfig client() {
        return builder().dedupCapacity(64).maxActivePeers(8).socketBufferSize(0).outboundQueueCapacity(64)
                .protocolThreads(1).maxBodySize(4 << 20).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration's values. */
    public Builder toBuilder() {
        return builder().dedupWindow(dedupWindow).dedupCapacity(dedupCapacity).maxMessageSize(maxMessageSize)
                .preferredBlockSize(preferredBlockSize).maxBodySize(maxBodySize).blockwiseLifetime(blockwiseLifetime)
                .protocolThreads(protocolThreads).socketBufferSize(socketBufferSize).maxActivePeers(maxActivePeers)
                .outboundQueueCapacity(outboundQueueCapacity).ackTimeout(ackTimeout).maxRetransmit(maxRetransmit)
                .pskCookieExchange(pskCookieExchange);
    }

    /** A fluent way to change some values and keep the defaults of the others. */
    public static final class Builder {
        private Duration dedupWindow = Duration.ofSeconds(45);
        private int dedupCapacity = 100_000;
        private int maxMessageSize = 1024;
        private int preferredBlockSize = 512;
        private int maxBodySize = 512 * 1024;
        private Duration blockwiseLifetime = Duration.ofSeconds(60);
        private int protocolThreads = Runtime.getRuntime().availableProcessors();
        private int socketBufferSize = 1 << 20;
        private int maxActivePeers = 1_000_000;
        private int outboundQueueCapacity = 65_536;
        private Duration ackTimeout = Duration.ofSeconds(2);
        private int maxRetransmit = 4;
        private boolean pskCookieExchange = true;

        private Builder() {
        }

        public Builder dedupWindow(Duration value) {
            this.dedupWindow = value;
            return this;
        }

        public Builder dedupCapacity(int value) {
            this.dedupCapacity = value;
            return this;
        }

        public Builder maxMessageSize(int value) {
            this.maxMessageSize = value;
            return this;
        }

        public Builder preferredBlockSize(int value) {
            this.preferredBlockSize = value;
            return this;
        }

        public Builder maxBodySize(int value) {
            this.maxBodySize = value;
            return this;
        }

        public Builder blockwiseLifetime(Duration value) {
            this.blockwiseLifetime = value;
            return this;
        }

        public Builder protocolThreads(int value) {
            this.protocolThreads = value;
            return this;
        }

        public Builder socketBufferSize(int value) {
            this.socketBufferSize = value;
            return this;
        }

        public Builder maxActivePeers(int value) {
            this.maxActivePeers = value;
            return this;
        }

        public Builder outboundQueueCapacity(int value) {
            this.outboundQueueCapacity = value;
            return this;
        }

        public Builder ackTimeout(Duration value) {
            this.ackTimeout = value;
            return this;
        }

        public Builder maxRetransmit(int value) {
            this.maxRetransmit = value;
            return this;
        }

        public Builder pskCookieExchange(boolean value) {
            this.pskCookieExchange = value;
            return this;
        }

        public TransportConfig build() {
            return new TransportConfig(dedupWindow, dedupCapacity, maxMessageSize, preferredBlockSize, maxBodySize,
                    blockwiseLifetime, protocolThreads, socketBufferSize, maxActivePeers, outboundQueueCapacity,
                    ackTimeout, maxRetransmit, pskCookieExchange);
        }
    }
}
