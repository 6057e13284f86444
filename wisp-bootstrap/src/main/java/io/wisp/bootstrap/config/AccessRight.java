package io.wisp.bootstrap.config;

/** The bits of an Access Control List entry ({@code /2/x/2/ssid}, Core TS §7.3.3 and Appendix E.3). */
public enum AccessRight {
    /** Read, Observe, Discover, Write-Attributes. */
    READ(1),
    WRITE(2),
    EXECUTE(4),
    DELETE(8),
    CREATE(16);

    private final int bit;

    AccessRight(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The value of an ACL entry granting these rights. */
    public static int mask(AccessRight... rights) {
        int mask = 0;
        for (AccessRight r : rights) {
            mask |= r.bit;
        }
        return mask;
    }
}
