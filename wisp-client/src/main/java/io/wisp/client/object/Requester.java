package io.wisp.client.object;

/**
 * Who asks an object for something: a LwM2M Server (by its Short Server ID, /1/x/0), the LwM2M Bootstrap-Server, or
 * the application on the device itself. Access control (Core TS §7.3, object 2) and the bootstrap rules (Core TS
 * §6.1.7: Bootstrap-Write may write resources a server may not) depend on it.
 *
 * @param kind what kind of requester this is
 * @param shortServerId the Short Server ID when {@code kind} is {@link Kind#SERVER}, otherwise 0
 */
public record Requester(Kind kind, int shortServerId) {
    /** The kinds of requester. */
    public enum Kind { SERVER, BOOTSTRAP, LOCAL }

    /** The bootstrap server: may write any resource of /0, /1 and /2, ignores access control. */
    public static final Requester BOOTSTRAP = new Requester(Kind.BOOTSTRAP, 0);
    /** The device's own application code: no access control, may set read-only resources. */
    public static final Requester LOCAL = new Requester(Kind.LOCAL, 0);

    public Requester {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (kind == Kind.SERVER ? shortServerId < 1 || shortServerId > 65534 : shortServerId != 0) {
            throw new IllegalArgumentException(kind == Kind.SERVER
                    ? "shortServerId must be in 1..65534, got " + shortServerId
                    : "shortServerId must be 0 for " + kind + ", got " + shortServerId);
        }
    }

    /** A LwM2M Server with this Short Server ID (1..65534, Core TS Appendix E.2, resource /1/x/0). */
    public static Requester server(int shortServerId) {
        return new Requester(Kind.SERVER, shortServerId);
    }

    public boolean isServer() {
        return kind == Kind.SERVER;
    }
}
