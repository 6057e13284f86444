package io.wisp.client.object;

import io.wisp.core.node.DataType;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The instances of a multiple resource as two parallel sorted arrays: smaller than a map per resource, and immutable,
 * so a default such as "error code 0" is one object shared by every client that holds it.
 */
public final class MultiValues {
    /** No instances. */
    public static final MultiValues EMPTY = new MultiValues(new int[0], new Value[0]);

    private final int[] ids;
    private final Value[] values;

    private MultiValues(int[] ids, Value[] values) {
        this.ids = ids;
        this.values = values;
    }

    /** From instance IDs to values, in any order. */
    public static MultiValues of(Map<Integer, Value> byId) {
        TreeMap<Integer, Value> sorted = new TreeMap<>(byId);
        int[] ids = new int[sorted.size()];
        Value[] values = new Value[sorted.size()];
        int k = 0;
        for (Map.Entry<Integer, Value> e : sorted.entrySet()) {
            ids[k] = checkId(e.getKey());
            values[k++] = java.util.Objects.requireNonNull(e.getValue(), "value");
        }
        return ids.length == 0 ? EMPTY : new MultiValues(ids, values);
    }

    /** Values at instance IDs 0, 1, 2... in the order given. */
    public static MultiValues list(Value... values) {
        int[] ids = new int[values.length];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = k;
            java.util.Objects.requireNonNull(values[k], "value");
        }
        return values.length == 0 ? EMPTY : new MultiValues(ids, values.clone());
    }

    /** The instances of a multiple-resource node. */
    public static MultiValues of(MultipleResource resource) {
        int n = resource.instances().size();
        int[] ids = new int[n];
        Value[] values = new Value[n];
        int k = 0;
        for (ResourceInstance ri : resource.instances().values()) {
            ids[k] = ri.id();
            values[k++] = ri.value();
        }
        return n == 0 ? EMPTY : new MultiValues(ids, values);
    }

    public int size() {
        return ids.length;
    }

    /** The instance IDs, ascending. */
    public List<Integer> ids() {
        List<Integer> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            out.add(id);
        }
        return out;
    }

    /** The value of an instance, or null. */
    public Value get(int id) {
        int k = Arrays.binarySearch(ids, id);
        return k >= 0 ? values[k] : null;
    }

    /** These instances with one added or replaced. */
    public MultiValues with(int id, Value value) {
        checkId(id);
        java.util.Objects.requireNonNull(value, "value");
        int k = Arrays.binarySearch(ids, id);
        if (k >= 0) {
            Value[] copy = values.clone();
            copy[k] = value;
            return new MultiValues(ids, copy);
        }
        int at = -k - 1;
        int[] newIds = new int[ids.length + 1];
        Value[] newValues = new Value[ids.length + 1];
        System.arraycopy(ids, 0, newIds, 0, at);
        System.arraycopy(values, 0, newValues, 0, at);
        newIds[at] = id;
        newValues[at] = value;
        System.arraycopy(ids, at, newIds, at + 1, ids.length - at);
        System.arraycopy(values, at, newValues, at + 1, ids.length - at);
        return new MultiValues(newIds, newValues);
    }

    /** These instances without one; the same object when it is absent. */
    public MultiValues without(int id) {
        int k = Arrays.binarySearch(ids, id);
        if (k < 0) {
            return this;
        }
        if (ids.length == 1) {
            return EMPTY;
        }
        int[] newIds = new int[ids.length - 1];
        Value[] newValues = new Value[ids.length - 1];
        System.arraycopy(ids, 0, newIds, 0, k);
        System.arraycopy(values, 0, newValues, 0, k);
        System.arraycopy(ids, k + 1, newIds, k, ids.length - k - 1);
        System.arraycopy(values, k + 1, newValues, k, ids.length - k - 1);
        return new MultiValues(newIds, newValues);
    }

    /** These instances with every instance of {@code other} added or replaced (a partial update). */
    public MultiValues merge(MultiValues other) {
        MultiValues out = this;
        for (int k = 0; k < other.ids.length; k++) {
            out = out.with(other.ids[k], other.values[k]);
        }
        return out;
    }

    /** The node for resource {@code resourceId} of this type. */
    public MultipleResource toResource(int resourceId, DataType type) {
        TreeMap<Integer, ResourceInstance> map = new TreeMap<>();
        for (int k = 0; k < ids.length; k++) {
            map.put(ids[k], ResourceInstance.of(ids[k], values[k]));
        }
        return new MultipleResource(resourceId, type, map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiValues m && Arrays.equals(ids, m.ids) && Arrays.equals(values, m.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int k = 0; k < ids.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(ids[k]).append('=').append(values[k]);
        }
        return sb.append('}').toString();
    }

    private static int checkId(int id) {
        if (id < 0 || id > 65534) {
            throw new IllegalArgumentException("resource instance ID must be in 0..65534, got " + id);
        }
        return id;
    }
}
