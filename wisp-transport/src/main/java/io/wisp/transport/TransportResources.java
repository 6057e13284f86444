package io.wisp.transport;

import io.wisp.transport.californium.SharedResources;

/**
 * Threads and sockets' plumbing shared by many transports in one JVM: a fleet simulator runs thousands of LwM2M
 * clients, each with its own UDP socket and source port like a real device, but not thousands of threads. Created
 * once, given to each {@link CoapTransport.Builder#resources}; it holds a few protocol threads that run every CoAP
 * stack and handler, one timer for retransmissions and expiries, and one thread that reads all the UDP sockets
 * through one selector. The thread count does not depend on the number of transports.
 *
 * <p>Stopping a transport releases its sockets, not these resources; {@link #close()} stops every transport still
 * using them, then the threads. Secure connectors (DTLS) bring their own threads and do not share these.
 */
public interface TransportResources extends AutoCloseable {

    /**
     * Resources with {@code protocolThreads} threads for the CoAP stacks and handlers (handlers must not block, see
     * {@link UplinkHandler}), plus one timer thread and one network thread.
     */
    static TransportResources create(int protocolThreads) {
        return SharedResources.create(protocolThreads);
    }

    /** Resources with one protocol thread per core. */
    static TransportResources create() {
        return create(Runtime.getRuntime().availableProcessors());
    }

    /** How many started transports use these resources now. */
    int transports();

    /** Whether {@link #close()} was called; a closed instance starts no transport. */
    boolean isClosed();

    /** Stops every transport still using these resources, then the shared threads. */
    @Override
    void close();
}
