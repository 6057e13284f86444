package io.wisp.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A peer's answer to a {@link DownlinkRequest}, with any block-wise transfer (RFC 7959) already reassembled. The
 * roles decode the payload; the raw bytes stay available.
 */
public final class DownlinkResponse {
    private static final byte[] EMPTY = new byte[0];

    private final CoapCode code;
    private final int contentFormat;
    private final byte[] payload;
    private final List<String> locationPath;

    private DownlinkResponse(CoapCode code, int contentFormat, byte[] payload, List<String> locationPath) {
        this.code = Objects.requireNonNull(code, "code");
        this.contentFormat = contentFormat;
        this.payload = payload == null || payload.length == 0 ? EMPTY : payload;
        this.locationPath = List.copyOf(locationPath);
    }

    /** A response; the payload array is taken as is and must not be changed afterwards. */
    public static DownlinkResponse of(CoapCode code, int contentFormat, byte[] payload, List<String> locationPath) {
        return new DownlinkResponse(code, contentFormat, payload, locationPath);
    }

    public CoapCode code() {
        return code;
    }

    public OptionalInt contentFormat() {
        return contentFormat == UplinkRequest.NO_FORMAT ? OptionalInt.empty() : OptionalInt.of(contentFormat);
    }

    /** A copy of the payload; empty when there is none. */
    public byte[] payload() {
        return payload.length == 0 ? EMPTY : payload.clone();
    }

    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The Location-Path, e.g. the new instance of a Create (Transport TS §6.4). */
    public List<String> locationPath() {
        return locationPath;
    }

    @Override
    public String toString() {
        return code + (payload.length == 0 ? "" : " (ct=" + contentFormat + ", " + payload.length + " bytes)");
    }
}
