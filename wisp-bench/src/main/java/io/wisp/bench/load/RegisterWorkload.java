package io.wisp.bench.load;

import java.util.List;

/**
 * Devices {@code first .. first+count-1} each send one Register ({@link CoapPackets#register}); every 2.01 Created
 * is a success and its Location-Path is kept, so that an {@link UpdateWorkload} can follow. Client {@code c} of this
 * workload is device {@code first + c}.
 */
final class RegisterWorkload implements Workload {
    private static final int CREATED = 0x41;

    private final CoapPackets.RegisterTemplate template;
    private final long first;
    private final int count;
    private final List<?>[] locations;
    private int next;
    private int registered;

    RegisterWorkload(long first, int count, long lifetimeSeconds) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        this.template = CoapPackets.register(lifetimeSeconds);
        this.first = first;
        this.count = count;
        this.locations = new List<?>[count];
    }

    @Override
    public int next(long nowNanos) {
        return next < count ? next++ : DONE;
    }

    @Override
    public int write(int client, byte[] packet) {
        return template.write(first + client, packet);
    }

    @Override
    public boolean onResponse(int client, int code, byte[] datagram, int length) {
        if (code != CREATED) {
            return false;
        }
        List<String> location = CoapDatagram.locationPath(datagram, length);
        if (location.isEmpty()) {
            return false;
        }
        if (locations[client] == null) {
            registered++;
        }
        locations[client] = location;
        return true;
    }

    @Override
    public void onTimeout(int client) {
        // Counted by the generator; the device simply has no registration.
    }

    /** How many devices got a 2.01 with a location. */
    int registered() {
        return registered;
    }

    int count() {
        return count;
    }

    /** The location the server gave client {@code c}, or {@code null} when it did not register. */
    @SuppressWarnings("unchecked")
    List<String> location(int c) {
        return (List<String>) locations[c];
    }
}
