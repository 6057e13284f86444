package io.wisp.client.object;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The instances of one object as a sorted ID array and a parallel array of value rows: the storage under
 * {@link ModelEnabler}, kept apart so the enabler reads as LwM2M rules only. Not thread-safe; the enabler locks.
 */
abstract class InstanceRows {
    private static final int[] NO_IDS = new int[0];
    private static final Object[][] NO_ROWS = new Object[0][];

    private int[] ids = NO_IDS;
    private Object[][] rows = NO_ROWS;

    final int instanceCount() {
        return ids.length;
    }

    final int idAt(int k) {
        return ids[k];
    }

    final Object[] rowAt(int k) {
        return rows[k];
    }

    final List<Integer> idList() {
        List<Integer> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            out.add(id);
        }
        return out;
    }

    final int indexOfInstance(int instanceId) {
        return Arrays.binarySearch(ids, instanceId);
    }

    final Object[] rowOrNull(int instanceId) {
        int k = indexOfInstance(instanceId);
        return k >= 0 ? rows[k] : null;
    }

    /** The lowest instance ID not in use, or -1 when all 65535 are taken. */
    final int lowestFreeId() {
        int candidate = 0;
        for (int id : ids) {
            if (id != candidate) {
                break;
            }
            candidate++;
        }
        return candidate > 65534 ? -1 : candidate;
    }

    final void replaceRow(int instanceId, Object[] row) {
        rows[indexOfInstance(instanceId)] = row;
    }

    final void insert(int instanceId, Object[] row) {
        int at = -indexOfInstance(instanceId) - 1;
        int[] newIds = new int[ids.length + 1];
        Object[][] newRows = new Object[ids.length + 1][];
        System.arraycopy(ids, 0, newIds, 0, at);
        System.arraycopy(rows, 0, newRows, 0, at);
        newIds[at] = instanceId;
        newRows[at] = row;
        System.arraycopy(ids, at, newIds, at + 1, ids.length - at);
        System.arraycopy(rows, at, newRows, at + 1, ids.length - at);
        ids = newIds;
        rows = newRows;
    }

    final void remove(int instanceId) {
        int k = indexOfInstance(instanceId);
        if (ids.length == 1) {
            ids = NO_IDS;
            rows = NO_ROWS;
            return;
        }
        int[] newIds = new int[ids.length - 1];
        Object[][] newRows = new Object[ids.length - 1][];
        System.arraycopy(ids, 0, newIds, 0, k);
        System.arraycopy(rows, 0, newRows, 0, k);
        System.arraycopy(ids, k + 1, newIds, k, ids.length - k - 1);
        System.arraycopy(rows, k + 1, newRows, k, ids.length - k - 1);
        ids = newIds;
        rows = newRows;
    }
}
