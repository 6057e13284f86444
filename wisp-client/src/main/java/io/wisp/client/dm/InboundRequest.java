package io.wisp.client.dm;

import io.wisp.transport.CoapMethod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A request from a LwM2M Server as CoAP delivered it, reduced to what the Transport TS §6.4 mapping needs: the
 * method, the Uri-Path segments, the Uri-Query options, Content-Format, Accept and Observe (each {@link #NONE} when
 * absent), the token (which names an observation to cancel) and the payload. Wiring it from the transport's request
 * view is a field-by-field copy.
 *
 * @param method        the CoAP method
 * @param uriPath       the Uri-Path segments, e.g. {@code [3, 0, 13]}
 * @param query         the Uri-Query options as sent, e.g. {@code [pmin=10, gt=45.5]}
 * @param contentFormat the Content-Format number, or {@link #NONE}
 * @param accept        the Accept number, or {@link #NONE}
 * @param observe       the Observe option (0 register, 1 deregister), or {@link #NONE}
 * @param token         the token as a number (up to 8 bytes)
 * @param payload       the payload, empty when there is none
 */
public record InboundRequest(CoapMethod method, List<String> uriPath, List<String> query, int contentFormat,
                             int accept, int observe, long token, byte[] payload) {
    /** Marks an absent option. */
    public static final int NONE = -1;

    private static final byte[] EMPTY = new byte[0];

    public InboundRequest {
        Objects.requireNonNull(method, "method");
        uriPath = List.copyOf(Objects.requireNonNull(uriPath, "uriPath"));
        query = List.copyOf(Objects.requireNonNull(query, "query"));
        checkOption("contentFormat", contentFormat);
        checkOption("accept", accept);
        if (observe < NONE || observe > 0xFFFFFF) {
            throw new IllegalArgumentException("observe must be 0..16777215 or NONE, got " + observe);
        }
        payload = payload == null || payload.length == 0 ? EMPTY : payload.clone();
    }

    /** A request without options, token or payload; add them with the {@code with...} methods. */
    public static InboundRequest of(CoapMethod method, String path) {
        List<String> segments = path.isEmpty() || path.equals("/") ? List.of()
                : List.of((path.startsWith("/") ? path.substring(1) : path).split("/", -1));
        return new InboundRequest(method, segments, List.of(), NONE, NONE, NONE, 0, EMPTY);
    }

    public InboundRequest withQuery(String... options) {
        return new InboundRequest(method, uriPath, List.of(options), contentFormat, accept, observe, token, payload);
    }

    public InboundRequest withAccept(int format) {
        return new InboundRequest(method, uriPath, query, contentFormat, format, observe, token, payload);
    }

    public InboundRequest withObserve(int value, long observeToken) {
        return new InboundRequest(method, uriPath, query, contentFormat, accept, value, observeToken, payload);
    }

    public InboundRequest withPayload(int format, byte[] content) {
        return new InboundRequest(method, uriPath, query, format, accept, observe, token, content);
    }

    /** A copy of the payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public boolean hasPayload() {
        return payload.length > 0;
    }

    /** The payload as UTF-8 text. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InboundRequest r && method == r.method && uriPath.equals(r.uriPath)
                && query.equals(r.query) && contentFormat == r.contentFormat && accept == r.accept
                && observe == r.observe && token == r.token && java.util.Arrays.equals(payload, r.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uriPath, query, contentFormat, accept, observe, token)
                + 31 * java.util.Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return method + " /" + String.join("/", uriPath) + (query.isEmpty() ? "" : "?" + String.join("&", query))
                + (contentFormat == NONE ? "" : " ct=" + contentFormat) + (accept == NONE ? "" : " accept=" + accept)
                + (observe == NONE ? "" : " observe=" + observe) + " (" + payload.length + " bytes)";
    }

    private static void checkOption(String name, int value) {
        if (value < NONE || value > 65535) {
            throw new IllegalArgumentException(name + " must be 0..65535 or NONE, got " + value);
        }
    }
}
