package io.wisp.bench.load;

import java.util.List;

/**
 * Every registered client of a {@link RegisterWorkload} sends plain Updates (Core TS §6.2.2), round robin, one at a
 * time per client, for a fixed duration counted from the first request. Each client sends from the socket it
 * registered from. A 2.04 Changed is a success.
 */
final class UpdateWorkload implements Workload {
    private static final int CHANGED = 0x44;

    private final byte[][] packets;
    private final boolean[] busy;
    private final long durationNanos;
    private long end;
    private int cursor;

    UpdateWorkload(RegisterWorkload registered, long durationNanos) {
        int n = registered.count();
        this.packets = new byte[n][];
        this.busy = new boolean[n];
        for (int c = 0; c < n; c++) {
            List<String> location = registered.location(c);
            if (location != null) {
                packets[c] = CoapPackets.update(location);
            }
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
        for (int tries = 0; tries < packets.length; tries++) {
            int c = cursor;
            cursor = cursor + 1 == packets.length ? 0 : cursor + 1;
            if (packets[c] != null && !busy[c]) {
                busy[c] = true;
                return c;
            }
        }
        return NOT_NOW;
    }

    @Override
    public int write(int client, byte[] packet) {
        byte[] p = packets[client];
        System.arraycopy(p, 0, packet, 0, p.length);
        return p.length;
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
