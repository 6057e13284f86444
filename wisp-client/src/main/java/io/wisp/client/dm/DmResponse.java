package io.wisp.client.dm;

import io.wisp.core.operation.ResponseCode;
import java.util.List;
import java.util.Objects;

/**
 * What the client answers a device-management request: the CoAP code, and a payload with its Content-Format
 * (2.05 Content), a Location-Path (2.01 Created: the new instance, Transport TS §6.4) or, on an error, a short
 * diagnostic for the server's logs (RFC 7252 §5.5.2) — never a stack trace.
 *
 * @param code          the response code
 * @param contentFormat the payload's format, or {@link InboundRequest#NONE} without payload
 * @param payload       the payload, empty when there is none
 * @param locationPath  the Location-Path segments of a Create, else empty
 * @param diagnostic    the reason of an error, else empty
 */
public record DmResponse(ResponseCode code, int contentFormat, byte[] payload, List<String> locationPath,
                         String diagnostic) {
    private static final byte[] EMPTY = new byte[0];

    public DmResponse {
        Objects.requireNonNull(code, "code");
        payload = payload == null ? EMPTY : payload;
        locationPath = List.copyOf(Objects.requireNonNull(locationPath, "locationPath"));
        diagnostic = Objects.requireNonNullElse(diagnostic, "");
    }

    /** A success without payload (2.04 Changed, 2.02 Deleted). */
    public static DmResponse of(ResponseCode code) {
        return new DmResponse(code, InboundRequest.NONE, EMPTY, List.of(), "");
    }

    /** 2.05 Content in a format. */
    public static DmResponse content(int contentFormat, byte[] payload) {
        return new DmResponse(ResponseCode.CONTENT, contentFormat, payload, List.of(), "");
    }

    /** 2.01 Created at a location. */
    public static DmResponse created(List<String> locationPath) {
        return new DmResponse(ResponseCode.CREATED, InboundRequest.NONE, EMPTY, locationPath, "");
    }

    /** An error with its reason. */
    public static DmResponse error(ResponseCode code, String diagnostic) {
        if (code.isSuccess()) {
            throw new IllegalArgumentException("code must be an error code, got " + code);
        }
        return new DmResponse(code, InboundRequest.NONE, EMPTY, List.of(), diagnostic);
    }

    /** A copy of the payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload as UTF-8 text (link format, text/plain). */
    public String payloadText() {
        return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DmResponse r && code.equals(r.code) && contentFormat == r.contentFormat
                && java.util.Arrays.equals(payload, r.payload) && locationPath.equals(r.locationPath)
                && diagnostic.equals(r.diagnostic);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, contentFormat, locationPath, diagnostic) + 31 * java.util.Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return code + (locationPath.isEmpty() ? "" : " at /" + String.join("/", locationPath))
                + (payload.length == 0 ? "" : " (ct=" + contentFormat + ", " + payload.length + " bytes)")
                + (diagnostic.isEmpty() ? "" : ": " + diagnostic);
    }
}
