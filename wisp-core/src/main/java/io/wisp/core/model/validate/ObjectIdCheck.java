package io.wisp.core.model.validate;

import java.util.OptionalInt;

/**
 * The OMNA object ID classes: 0–1023 OMA (URN label oma), 1024–2047 reserved, 2048–10240 other standards bodies
 * (ext), 10241–32768 vendors and individuals (x), 32769–42768 company bulk reservations for unpublished objects (x),
 * 42769–42800 tests (never in production), 42801 and above reserved.
 */
final class ObjectIdCheck implements ObjectCheck {
    static final int TEST_FIRST = 42769;
    static final int TEST_LAST = 42800;

    @Override
    public void check(RawObject o, Findings out) {
        OptionalInt id = o.objectId();
        if (id.isEmpty()) {
            return;
        }
        int v = id.getAsInt();
        Field f = o.field("ObjectID");
        if ((v >= 1024 && v <= 2047) || v > TEST_LAST) {
            out.add(Rule.OBJECT_ID_RESERVED, f.line(), f.stripped(), "object ID " + v + " lies in the reserved range "
                    + (v <= 2047 ? "1024..2047" : "42801..65535"));
        } else if (v >= TEST_FIRST) {
            out.add(Rule.OBJECT_ID_TEST, f.line(), f.stripped(), "object ID " + v + " is a test ID ("
                    + TEST_FIRST + ".." + TEST_LAST + "); other objects may use it too");
        }
    }

    /** The URN label the ID's class calls for: oma, ext or x; null for reserved and test IDs. */
    static String expectedLabel(int id) {
        if (id <= 1023) {
            return "oma";
        }
        if (id >= 2048 && id <= 10240) {
            return "ext";
        }
        if (id >= 10241 && id < TEST_FIRST) {
            return "x";
        }
        return null;
    }
}
