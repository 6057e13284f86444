package io.wisp.bootstrap.config;

import io.wisp.core.path.LwM2mPath;

/** Range checks the configuration values share, each naming the field it checks. */
final class Limits {
    /** Short Server IDs are 1..65534 (Core TS Appendix E.1, E.2); 65535 is reserved. */
    static final int MAX_SHORT_SERVER_ID = 65534;

    private Limits() {
    }

    static void instanceId(String field, Integer id) {
        if (id != null && (id < 0 || id > LwM2mPath.MAX_ID)) {
            throw new InvalidConfigException(field, "must be in 0.." + LwM2mPath.MAX_ID + ", got " + id);
        }
    }

    static void shortServerId(String field, Integer ssid) {
        if (ssid != null && (ssid < 1 || ssid > MAX_SHORT_SERVER_ID)) {
            throw new InvalidConfigException(field, "must be in 1.." + MAX_SHORT_SERVER_ID + ", got " + ssid);
        }
    }

    static void notNegative(String field, Long value) {
        if (value != null && value < 0) {
            throw new InvalidConfigException(field, "must not be negative, got " + value);
        }
    }

    static void inRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidConfigException(field, "must be in " + min + ".." + max + ", got " + value);
        }
    }
}
