package io.wisp.client.object.firmware;

/**
 * The State resource {@code /5/0/3} (Core TS Appendix E.6): where the device is in the firmware update. The
 * numbers are the values a server reads and observes.
 */
public enum FirmwareState {
    /** 0: before a download, after a successful update, after a failure or a reset. */
    IDLE(0),
    /** 1: the package is on its way (pushed to /5/0/0 or fetched from the Package URI). */
    DOWNLOADING(1),
    /** 2: a verified package waits for Update (/5/0/2). */
    DOWNLOADED(2),
    /** 3: the package is being installed. */
    UPDATING(3);

    private final int code;

    FirmwareState(int code) {
        this.code = code;
    }

    /** The value of /5/0/3. */
    public int code() {
        return code;
    }
}
