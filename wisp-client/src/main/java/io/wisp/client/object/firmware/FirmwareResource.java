package io.wisp.client.object.firmware;

import io.wisp.core.path.LwM2mPath;

/** The IDs of object 5 and its resources (Core TS Appendix E.6, object version 1.2). */
final class FirmwareResource {
    static final int OBJECT_ID = 5;
    static final int INSTANCE_ID = 0;

    static final int PACKAGE = 0;
    static final int PACKAGE_URI = 1;
    static final int UPDATE = 2;
    static final int STATE = 3;
    static final int UPDATE_RESULT = 5;
    static final int PKG_NAME = 6;
    static final int PKG_VERSION = 7;
    static final int PROTOCOL_SUPPORT = 8;
    static final int DELIVERY_METHOD = 9;
    static final int CANCEL = 10;
    static final int SEVERITY = 11;
    static final int LAST_STATE_CHANGE_TIME = 12;
    static final int MAX_DEFER_PERIOD = 13;
    static final int AUTOMATIC_UPGRADE = 14;

    private FirmwareResource() {
    }

    /** {@code /5/0/resourceId}. */
    static LwM2mPath path(int resourceId) {
        return LwM2mPath.of(OBJECT_ID, INSTANCE_ID, resourceId);
    }
}
