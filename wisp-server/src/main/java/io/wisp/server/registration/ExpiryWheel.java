package io.wisp.server.registration;

import java.util.ArrayList;
import java.util.List;

/**
 * A hashed timing wheel of deadlines: slots of one tick each, in a ring; a deadline goes into the slot of its tick
 * modulo the ring size, and each sweep visits only the slots whose ticks have fully passed since the last sweep.
 * Scheduling, rescheduling and cancelling are O(1) (nodes are doubly linked into their slot), sweeping costs the
 * size of the visited slots, and memory is one node per scheduled item — no timer, task or thread per item. With
 * 4096 one-second slots and a million registrations a sweep looks at about 250 nodes per second.
 *
 * <p>A deadline is reported by the first sweep at or after it. Deadlines further away than one turn of the ring stay
 * in their slot and are skipped until their turn comes. All methods synchronize on the wheel; each holds the lock only for a
 * few pointer changes, or for one slot scan.
 *
 * <p>Shared server machinery, not an API for applications: the registration store uses it for lifetimes, the
 * downlink queue ({@code io.wisp.server.queue}) for awake windows and queued-request deadlines.
 */
public final class ExpiryWheel {

    /** An item of the wheel; subclasses carry what is scheduled. */
    public static class Node {
        private long deadline;
        private Node prev;
        private Node next;
        private int slot = -1;

        public final long deadline() {
            return deadline;
        }
    }

    private final Node[] slots;
    private final int mask;
    private final long tickMillis;
    private long cursor;
    private int size;

    /** A wheel of {@code slotCount} slots (a power of two) of {@code tickMillis}, swept from {@code startMillis}. */
    public ExpiryWheel(int slotCount, long tickMillis, long startMillis) {
        if (slotCount < 1 || Integer.bitCount(slotCount) != 1) {
            throw new IllegalArgumentException("slotCount must be a power of two, got " + slotCount);
        }
        if (tickMillis < 1) {
            throw new IllegalArgumentException("tickMillis must be positive, got " + tickMillis);
        }
        this.slots = new Node[slotCount];
        this.mask = slotCount - 1;
        this.tickMillis = tickMillis;
        this.cursor = Math.floorDiv(startMillis, tickMillis);
    }

    /** (Re)schedules {@code node} at {@code deadline}; {@link Long#MAX_VALUE} means never, which unschedules it. */
    public synchronized void schedule(Node node, long deadline) {
        unlink(node);
        node.deadline = deadline;
        if (deadline == Long.MAX_VALUE) {
            return;
        }
        long tick = Math.max(Math.floorDiv(deadline, tickMillis), cursor);
        int slot = (int) (tick & mask);
        node.slot = slot;
        node.prev = null;
        node.next = slots[slot];
        if (node.next != null) {
            node.next.prev = node;
        }
        slots[slot] = node;
        size++;
    }

    public synchronized void cancel(Node node) {
        unlink(node);
    }

    /**
     * Unschedules and returns the nodes whose deadline is at or before {@code nowMillis}. Visits the slots of the
     * ticks since the previous call, including the current tick, which the next call visits again.
     */
    public synchronized List<Node> pollDue(long nowMillis) {
        List<Node> due = new ArrayList<>();
        long current = Math.floorDiv(nowMillis, tickMillis);
        if (current < cursor) {
            return due;
        }
        long from = current - cursor >= slots.length ? current - mask : cursor;
        for (long tick = from; tick <= current; tick++) {
            Node n = slots[(int) (tick & mask)];
            while (n != null) {
                Node following = n.next;
                if (n.deadline <= nowMillis) {
                    unlink(n);
                    due.add(n);
                }
                n = following;
            }
        }
        cursor = current;
        return due;
    }

    public synchronized int size() {
        return size;
    }

    private void unlink(Node node) {
        if (node.slot < 0) {
            return;
        }
        if (node.prev != null) {
            node.prev.next = node.next;
        } else {
            slots[node.slot] = node.next;
        }
        if (node.next != null) {
            node.next.prev = node.prev;
        }
        node.prev = null;
        node.next = null;
        node.slot = -1;
        size--;
    }
}
