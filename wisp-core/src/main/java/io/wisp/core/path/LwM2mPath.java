package io.wisp.core.path;

import io.wisp.core.SyntaxException;

/**
 * The address of a node in a client's object tree (LwM2M Core TS §6.1): the root {@code /}, an object {@code /o},
 * an object instance {@code /o/i}, a resource {@code /o/i/r} or a resource instance {@code /o/i/r/ri}.
 *
 * <p>Every ID is in 0..65534; 65535 is reserved by the TS (it means "no ID" on the wire) and is refused here.
 * Paths order by their IDs, a parent before its children.
 */
public final class LwM2mPath implements Comparable<LwM2mPath> {
    /** The largest ID a path may hold; 65535 is reserved. */
    public static final int MAX_ID = 65534;

    public static final LwM2mPath ROOT = new LwM2mPath(new int[0]);

    private static final String SUBJECT = "LwM2M path";

    private final int[] ids;

    private LwM2mPath(int[] ids) {
        this.ids = ids;
    }

    /** A path from its IDs, outermost first; none gives the root. */
    public static LwM2mPath of(int... ids) {
        if (ids.length > 4) {
            throw new IllegalArgumentException("A LwM2M path has at most 4 IDs, got " + ids.length);
        }
        String[] names = {"object ID", "object instance ID", "resource ID", "resource instance ID"};
        for (int k = 0; k < ids.length; k++) {
            if (ids[k] < 0 || ids[k] > MAX_ID) {
                throw new IllegalArgumentException(names[k] + " must be in 0.." + MAX_ID + ", got " + ids[k]);
            }
        }
        return ids.length == 0 ? ROOT : new LwM2mPath(ids.clone());
    }

    /**
     * Reads {@code /3/0/1}, {@code 3/0/1}, {@code /} or the empty string. Throws {@link SyntaxException} naming
     * the position of the first bad character.
     */
    public static LwM2mPath parse(String text) {
        if (text == null) {
            throw new SyntaxException(SUBJECT, null, -1, "no path given");
        }
        int n = text.length();
        int pos = 0;
        if (pos < n && text.charAt(pos) == '/') {
            pos++;
        }
        if (pos == n) {
            return ROOT;
        }
        int[] ids = new int[4];
        int count = 0;
        while (true) {
            if (count == 4) {
                throw new SyntaxException(SUBJECT, text, pos - 1, "a path has at most 4 IDs");
            }
            int start = pos;
            long value = 0;
            while (pos < n && text.charAt(pos) != '/') {
                char c = text.charAt(pos);
                if (c < '0' || c > '9') {
                    throw new SyntaxException(SUBJECT, text, pos, "expected a digit, found '" + c + "'");
                }
                value = value * 10 + (c - '0');
                if (value > MAX_ID) {
                    throw new SyntaxException(SUBJECT, text, start, "ID exceeds " + MAX_ID + " (65535 is reserved)");
                }
                pos++;
            }
            if (pos == start) {
                throw new SyntaxException(SUBJECT, text, pos, "empty ID");
            }
            ids[count++] = (int) value;
            if (pos == n) {
                break;
            }
            pos++; // the '/'
            if (pos == n) {
                throw new SyntaxException(SUBJECT, text, pos - 1, "trailing '/'");
            }
        }
        int[] exact = new int[count];
        System.arraycopy(ids, 0, exact, 0, count);
        return new LwM2mPath(exact);
    }

    /** Number of IDs: 0 for the root, 4 for a resource instance. */
    public int depth() {
        return ids.length;
    }

    public boolean isRoot() {
        return ids.length == 0;
    }

    public boolean isObject() {
        return ids.length == 1;
    }

    public boolean isObjectInstance() {
        return ids.length == 2;
    }

    public boolean isResource() {
        return ids.length == 3;
    }

    public boolean isResourceInstance() {
        return ids.length == 4;
    }

    /** The object ID; throws on the root. */
    public int objectId() {
        return id(0);
    }

    /** The object instance ID; throws when the path is shorter. */
    public int instanceId() {
        return id(1);
    }

    /** The resource ID; throws when the path is shorter. */
    public int resourceId() {
        return id(2);
    }

    /** The resource instance ID; throws when the path is shorter. */
    public int resourceInstanceId() {
        return id(3);
    }

    /** The ID at a depth (0 = object), throwing when the path is shorter. */
    public int id(int index) {
        if (index < 0 || index >= ids.length) {
            throw new IllegalStateException("Path " + this + " has no ID at depth " + index);
        }
        return ids[index];
    }

    /** The path one level up; the root's parent is the root. */
    public LwM2mPath parent() {
        if (ids.length <= 1) {
            return ROOT;
        }
        int[] up = new int[ids.length - 1];
        System.arraycopy(ids, 0, up, 0, up.length);
        return new LwM2mPath(up);
    }

    /** The child path with one more ID. */
    public LwM2mPath child(int id) {
        if (ids.length == 4) {
            throw new IllegalStateException("A resource instance path has no children: " + this);
        }
        if (id < 0 || id > MAX_ID) {
            throw new IllegalArgumentException("ID must be in 0.." + MAX_ID + ", got " + id);
        }
        int[] down = new int[ids.length + 1];
        System.arraycopy(ids, 0, down, 0, ids.length);
        down[ids.length] = id;
        return new LwM2mPath(down);
    }

    /** Whether this path equals {@code other} or lies below it. */
    public boolean startsWith(LwM2mPath other) {
        if (other.ids.length > ids.length) {
            return false;
        }
        for (int k = 0; k < other.ids.length; k++) {
            if (ids[k] != other.ids[k]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(LwM2mPath o) {
        int common = Math.min(ids.length, o.ids.length);
        for (int k = 0; k < common; k++) {
            int c = Integer.compare(ids[k], o.ids[k]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(ids.length, o.ids.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LwM2mPath p && java.util.Arrays.equals(ids, p.ids);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(ids);
    }

    /** {@code /} for the root, else {@code /o[/i[/r[/ri]]]}. */
    @Override
    public String toString() {
        if (ids.length == 0) {
            return "/";
        }
        StringBuilder sb = new StringBuilder(24);
        for (int id : ids) {
            sb.append('/').append(id);
        }
        return sb.toString();
    }
}
