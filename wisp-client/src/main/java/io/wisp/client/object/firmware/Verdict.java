package io.wisp.client.object.firmware;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link FirmwareInstaller} says about a package it checked or installed: accepted (with the package's name
 * and version), or refused with the Update Result the server will read (Core TS Appendix E.6).
 */
public sealed interface Verdict permits Verdict.Accepted, Verdict.Refused {

    /** The package passed (verification), or was installed (installation). */
    static Verdict accepted(PackageInfo info) {
        return new Accepted(info);
    }

    /** The package failed with this result; {@code reason} is logged, never sent. */
    static Verdict refused(UpdateResult result, String reason) {
        return new Refused(result, reason);
    }

    /** @param info the package's name and version */
    record Accepted(PackageInfo info) implements Verdict {
        public Accepted {
            Objects.requireNonNull(info, "info");
        }
    }

    /**
     * @param result the failure result: one of 2 (flash), 3 (RAM), 5 (integrity), 6 (type) or 8 (update failed)
     * @param reason a short explanation for the device's log
     */
    record Refused(UpdateResult result, String reason) implements Verdict {
        private static final Set<UpdateResult> ALLOWED = EnumSet.of(UpdateResult.NOT_ENOUGH_FLASH,
                UpdateResult.OUT_OF_RAM, UpdateResult.INTEGRITY_FAILURE, UpdateResult.UNSUPPORTED_PACKAGE_TYPE,
                UpdateResult.UPDATE_FAILED);

        public Refused {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(reason, "reason");
            if (!ALLOWED.contains(result)) {
                throw new IllegalArgumentException("result must be one of " + ALLOWED + " for a refused package, got "
                        + result);
            }
        }
    }
}
