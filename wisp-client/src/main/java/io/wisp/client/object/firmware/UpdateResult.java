package io.wisp.client.object.firmware;

/**
 * The Update Result resource {@code /5/0/5} (Core TS Appendix E.6, object 5 version 1.1 and later): the outcome of
 * the last download or update. Errors are reported here only; the Write or Execute that started the work has
 * already been answered with success.
 */
public enum UpdateResult {
    /** 0: reset, or a download or update under way (the TS resets it when either starts). */
    INITIAL(0),
    /** 1: the firmware was updated. */
    SUCCESS(1),
    /** 2: the package does not fit in the device's flash. */
    NOT_ENOUGH_FLASH(2),
    /** 3: the device ran out of RAM while downloading. */
    OUT_OF_RAM(3),
    /** 4: the connection was lost (or the download failed) while downloading. */
    CONNECTION_LOST(4),
    /** 5: the downloaded package failed its integrity check. */
    INTEGRITY_FAILURE(5),
    /** 6: the package is not of a type the device can install. */
    UNSUPPORTED_PACKAGE_TYPE(6),
    /** 7: the Package URI is not valid, or names nothing. */
    INVALID_URI(7),
    /** 8: installing the package failed. */
    UPDATE_FAILED(8),
    /** 9: the Package URI uses a scheme the device cannot download from. */
    UNSUPPORTED_PROTOCOL(9),
    /** 10: the update was cancelled by Cancel (/5/0/10). */
    CANCELLED(10),
    /** 11: the user deferred the update (State stays Downloaded). */
    DEFERRED(11);

    private final int code;

    UpdateResult(int code) {
        this.code = code;
    }

    /** The value of /5/0/5. */
    public int code() {
        return code;
    }

    /** Whether this result reports a failure of a download or an update (2..9). */
    public boolean isFailure() {
        return code >= NOT_ENOUGH_FLASH.code && code <= UNSUPPORTED_PROTOCOL.code;
    }
}
