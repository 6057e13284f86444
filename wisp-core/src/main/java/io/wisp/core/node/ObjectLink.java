package io.wisp.core.node;

/**
 * An Objlnk value {@code o:i} (Core TS Appendix C): a reference to an object instance. {@code 65535:65535} is the
 * null link; either ID may be 65535 only in that sense, so the range here is 0..65535.
 */
public record ObjectLink(int objectId, int instanceId) implements Comparable<ObjectLink> {
    public static final int NO_ID = 65535;
    public static final ObjectLink NULL = new ObjectLink(NO_ID, NO_ID);

    public ObjectLink {
        if (objectId < 0 || objectId > NO_ID) {
            throw new IllegalArgumentException("objectId must be in 0..65535, got " + objectId);
        }
        if (instanceId < 0 || instanceId > NO_ID) {
            throw new IllegalArgumentException("instanceId must be in 0..65535, got " + instanceId);
        }
    }

    /** Reads {@code o:i}; throws {@link IllegalArgumentException} naming the problem. */
    public static ObjectLink parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Objlnk value is null");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Objlnk value '" + text + "' has no ':' (expected o:i)");
        }
        return new ObjectLink(parsePart(text, text.substring(0, colon), "object ID"),
                parsePart(text, text.substring(colon + 1), "instance ID"));
    }

    private static int parsePart(String whole, String part, String name) {
        if (part.isEmpty() || part.length() > 5 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("Objlnk value '" + whole + "' has a bad " + name + " '" + part + "'");
        }
        return Integer.parseInt(part);
    }

    public boolean isNull() {
        return objectId == NO_ID && instanceId == NO_ID;
    }

    @Override
    public int compareTo(ObjectLink o) {
        int c = Integer.compare(objectId, o.objectId);
        return c != 0 ? c : Integer.compare(instanceId, o.instanceId);
    }

    @Override
    public String toString() {
        return objectId + ":" + instanceId;
    }
}
