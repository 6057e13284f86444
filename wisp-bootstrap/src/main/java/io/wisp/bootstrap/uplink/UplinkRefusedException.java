package io.wisp.bootstrap.uplink;

import io.wisp.transport.CoapCode;
import java.util.Objects;

/** A Bootstrap-Request or Bootstrap-Pack-Request refused with a code and a reason the client's developer can read. */
final class UplinkRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final CoapCode code;

    UplinkRefusedException(CoapCode code, String reason) {
        super(reason);
        this.code = Objects.requireNonNull(code, "code");
    }

    CoapCode code() {
        return code;
    }
}
