package io.wisp.transport;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A request we send to a peer: the CoAP form of a LwM2M device-management operation (Transport TS §6.4 maps Read to
 * GET with Accept, Write to PUT/POST with Content-Format, and so on). Confirmable unless asked otherwise — real
 * clients expect CON downlinks. Immutable; build it with the static factories and the {@code with...} methods.
 */
public final class DownlinkRequest {
    private static final byte[] EMPTY = new byte[0];

    private final CoapMethod method;
    private final List<String> path;
    private final List<QueryParam> query;
    private final int contentFormat;
    private final int accept;
    private final byte[] payload;
    private final boolean confirmable;

    private DownlinkRequest(CoapMethod method, List<String> path, List<QueryParam> query, int contentFormat,
            int accept, byte[] payload, boolean confirmable) {
        this.method = Objects.requireNonNull(method, "method");
        this.path = List.copyOf(path);
        this.query = List.copyOf(query);
        this.contentFormat = contentFormat;
        this.accept = accept;
        this.payload = payload;
        this.confirmable = confirmable;
    }

    /** A confirmable request without query, options or payload. */
    public static DownlinkRequest of(CoapMethod method, List<String> path) {
        return new DownlinkRequest(method, path, List.of(), UplinkRequest.NO_FORMAT, UplinkRequest.NO_FORMAT, EMPTY,
                true);
    }

    /** This request with a payload in a content format (the array is copied). */
    public DownlinkRequest withPayload(int format, byte[] bytes) {
        checkFormat("contentFormat", format);
        return new DownlinkRequest(method, path, query, format, accept, bytes.clone(), confirmable);
    }

    /** This request with an Accept option (Read, Transport TS §6.4: always explicit). */
    public DownlinkRequest withAccept(int format) {
        checkFormat("accept", format);
        return new DownlinkRequest(method, path, query, contentFormat, format, payload, confirmable);
    }

    /** This request with Uri-Query options (Write-Attributes, Execute arguments...). */
    public DownlinkRequest withQuery(List<QueryParam> params) {
        return new DownlinkRequest(method, path, params, contentFormat, accept, payload, confirmable);
    }

    /** This request sent non-confirmable. */
    public DownlinkRequest nonConfirmable() {
        return new DownlinkRequest(method, path, query, contentFormat, accept, payload, false);
    }

    private static void checkFormat(String field, int format) {
        if (format < 0 || format > 65535) {
            throw new IllegalArgumentException(field + " must be in 0..65535, got " + format);
        }
    }

    public CoapMethod method() {
        return method;
    }

    public List<String> path() {
        return path;
    }

    public List<QueryParam> query() {
        return query;
    }

    public OptionalInt contentFormat() {
        return contentFormat == UplinkRequest.NO_FORMAT ? OptionalInt.empty() : OptionalInt.of(contentFormat);
    }

    public OptionalInt accept() {
        return accept == UplinkRequest.NO_FORMAT ? OptionalInt.empty() : OptionalInt.of(accept);
    }

    /** A copy of the payload; empty when there is none. */
    public byte[] payload() {
        return payload.length == 0 ? EMPTY : payload.clone();
    }

    public boolean confirmable() {
        return confirmable;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DownlinkRequest r && method == r.method && path.equals(r.path) && query.equals(r.query)
                && contentFormat == r.contentFormat && accept == r.accept && confirmable == r.confirmable
                && Arrays.equals(payload, r.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, query, contentFormat, accept, confirmable, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return (confirmable ? "CON " : "NON ") + method + " /" + String.join("/", path)
                + (payload.length == 0 ? "" : " (ct=" + contentFormat + ", " + payload.length + " bytes)");
    }
}
