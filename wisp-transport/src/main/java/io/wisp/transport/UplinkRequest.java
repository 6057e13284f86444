package io.wisp.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A request a peer sent to us, as the LwM2M roles need to see it (Transport TS §6: the Uri-Path names the interface
 * and the registration, the Uri-Query carries the parameters, the Content-Format describes the payload). Immutable:
 * the payload array is never shared with the CoAP stack or with a caller.
 */
public final class UplinkRequest {
    /** Marks an absent Content-Format. */
    public static final int NO_FORMAT = -1;

    private static final byte[] EMPTY = new byte[0];

    private final Peer peer;
    private final CoapMethod method;
    private final List<String> path;
    private final List<QueryParam> query;
    private final int contentFormat;
    private final int accept;
    private final byte[] payload;

    private UplinkRequest(Peer peer, CoapMethod method, List<String> path, List<QueryParam> query, int contentFormat,
            int accept, byte[] payload) {
        this.peer = Objects.requireNonNull(peer, "peer");
        this.method = Objects.requireNonNull(method, "method");
        this.path = List.copyOf(path);
        this.query = List.copyOf(query);
        if (contentFormat < NO_FORMAT || contentFormat > 65535) {
            throw new IllegalArgumentException("contentFormat must be in 0..65535 or NO_FORMAT, got " + contentFormat);
        }
        this.contentFormat = contentFormat;
        if (accept < NO_FORMAT || accept > 65535) {
            throw new IllegalArgumentException("accept must be in 0..65535 or NO_FORMAT, got " + accept);
        }
        this.accept = accept;
        this.payload = payload == null || payload.length == 0 ? EMPTY : payload;
    }

    /**
     * A request view. The payload array is taken as is, so the caller must not change it afterwards (the transport
     * hands over an array nobody else holds).
     */
    public static UplinkRequest of(Peer peer, CoapMethod method, List<String> path, List<QueryParam> query,
            int contentFormat, byte[] payload) {
        return new UplinkRequest(peer, method, path, query, contentFormat, NO_FORMAT, payload);
    }

    /**
     * As {@link #of(Peer, CoapMethod, List, List, int, byte[])} with the Accept option ({@link #NO_FORMAT} when
     * absent): the format a GET asks for, e.g. a Bootstrap-Pack-Request (Transport TS §6.1).
     */
    public static UplinkRequest of(Peer peer, CoapMethod method, List<String> path, List<QueryParam> query,
            int contentFormat, int accept, byte[] payload) {
        return new UplinkRequest(peer, method, path, query, contentFormat, accept, payload);
    }

    public Peer peer() {
        return peer;
    }

    public CoapMethod method() {
        return method;
    }

    /** The Uri-Path segments, e.g. {@code [rd, 5a3f]}. */
    public List<String> path() {
        return path;
    }

    /** The Uri-Query options in the order the peer sent them. */
    public List<QueryParam> query() {
        return query;
    }

    /** The Content-Format option, if the peer sent one. */
    public OptionalInt contentFormat() {
        return contentFormat == NO_FORMAT ? OptionalInt.empty() : OptionalInt.of(contentFormat);
    }

    /** The Accept option, if the peer sent one. */
    public OptionalInt accept() {
        return accept == NO_FORMAT ? OptionalInt.empty() : OptionalInt.of(accept);
    }

    /** A copy of the payload; empty when there is none. */
    public byte[] payload() {
        return payload.length == 0 ? EMPTY : payload.clone();
    }

    public int payloadLength() {
        return payload.length;
    }

    /** The payload read as UTF-8 (malformed sequences become U+FFFD). */
    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** {@code POST /rd?ep=x&lt=60 from coap://127.0.0.1:5683 (ct=40, 120 bytes)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64).append(method).append(' ');
        sb.append('/').append(String.join("/", path));
        for (int k = 0; k < query.size(); k++) {
            sb.append(k == 0 ? '?' : '&').append(query.get(k));
        }
        sb.append(" from ").append(peer).append(" (");
        if (contentFormat != NO_FORMAT) {
            sb.append("ct=").append(contentFormat).append(", ");
        }
        return sb.append(payload.length).append(" bytes)").toString();
    }
}
