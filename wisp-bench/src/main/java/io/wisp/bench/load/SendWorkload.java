package io.wisp.bench.load;

/**
 * Every registered client of a {@link RegisterWorkload} sends the same Send ({@code POST /dp}, Core TS §6.4.5),
 * round robin, one at a time per client, for a fixed duration counted from the first request. Each client sends from
 * the socket it registered from, which is how the server knows whose data it is. A 2.04 Changed is a success.
 */
final class SendWorkload implements Workload {
    private static final int CHANGED = 0x44;

    private final byte[] packet;
    private final boolean[] registered;
    private final boolean[] busy;
    private final long durationNanos;
    private long end;
    private int cursor;

    SendWorkload(RegisterWorkload clients, byte[] packet, long durationNanos) {
        int n = clients.count();
        this.packet = packet.clone();
        this.registered = new boolean[n];
        this.busy = new boolean[n];
        for (int c = 0; c < n; c++) {
            registered[c] = clients.location(c) != null;
        }
        this.durationNanos = durationNanos;
    }

    @Override
    public int next(long nowNanos) {
        if (end == 0) {
            end = nowNanos + durationNanos;
        }
        if (nowNanos - end >= 0) {
            return DONE;
        }
        for (int tries = 0; tries < registered.length; tries++) {
            int c = cursor;
            cursor = cursor + 1 == registered.length ? 0 : cursor + 1;
            if (registered[c] && !busy[c]) {
                busy[c] = true;
                return c;
            }
        }
        return NOT_NOW;
    }

    @Override
    public int write(int client, byte[] into) {
        System.arraycopy(packet, 0, into, 0, packet.length);
        return packet.length;
    }

    @Override
    public boolean onResponse(int client, int code, byte[] datagram, int length) {
        busy[client] = false;
        return code == CHANGED;
    }

    @Override
    public void onTimeout(int client) {
        busy[client] = false;
    }
}
