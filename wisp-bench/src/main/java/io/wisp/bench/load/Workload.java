package io.wisp.bench.load;

/**
 * What the virtual clients send, request by request, for one {@link LoadGenerator#run} (a closed loop: the generator
 * asks for the next request whenever its window has room). Called from the generator's one thread only.
 */
interface Workload {
    /** {@link #next} has nothing to start right now, but may later. */
    int NOT_NOW = -1;
    /** {@link #next} will never start another request. */
    int DONE = -2;

    /** The client that sends the next request, or {@link #NOT_NOW} or {@link #DONE}. */
    int next(long nowNanos);

    /**
     * Writes the request of {@code client} into {@code packet}, returning its length. The message ID and token bytes
     * are overwritten by the generator afterwards ({@link CoapPackets#patch}).
     */
    int write(int client, byte[] packet);

    /** The response (any code) to the request of {@code client}; returns whether it counts as a success. */
    boolean onResponse(int client, int code, byte[] datagram, int length);

    /** The request of {@code client} got no response after all retransmissions. */
    void onTimeout(int client);
}
