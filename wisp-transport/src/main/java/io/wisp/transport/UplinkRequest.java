package io.wisp.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A request a peer sent to us, as the LwM2M roles need to see it (Transport TS §6: the Uri-Path names the interface
 * and the registration, the Uri-Query carries the parameters, the Content-Format describes the payload, the Accept
 * option the format wanted in the answer, the Observe option a registration or deregistration of an observation).
 * Immutable: the payload array is never shared with the CoAP stack or with a caller.
 */
public final class UplinkRequest {
    /** Marks an absent Content-Format. */
    public static final int NO_FORMAT = -1;
    /** Marks an absent Observe option. */
    public static final int NO_OBSERVE = -1;

    private static final byte[] EMPTY = new byte[0];

    private final Peer peer;
    private final CoapMethod method;
    private final List<String> path;
    private final List<QueryParam> query;
    private final int contentFormat;
    private final byte[] payload;
    private final int accept;
    private final int observe;

    private UplinkRequest(Peer peer, CoapMethod method, List<String> path, List<QueryParam> query, int contentFormat,
            byte[] payload, int accept, int observe) {
        this.peer = Objects.requireNonNull(peer, "peer");
        this.method = Objects.requireNonNull(method, "method");
        this.path = List.copyOf(path);
        this.query = List.copyOf(query);
        if (contentFormat < NO_FORMAT || contentFormat > 65535) {
            throw new IllegalArgumentException("contentFormat must be in 0..65535 or NO_FORMAT, got " + contentFormat);
        }
        this.contentFormat = contentFormat;
        this.payload = payload == null || payload.length == 0 ? EMPTY : payload;
        if (accept < NO_FORMAT || accept > 65535) {
            throw new IllegalArgumentException("accept must be in 0..65535 or NO_FORMAT, got " + accept);
        }
        if (observe < NO_OBSERVE || observe > 0xFFFFFF) {
            throw new IllegalArgumentException("observe must be a 24-bit value or NO_OBSERVE, got " + observe);
        }
        this.accept = accept;
        this.observe = observe;
    }

    /**
     * A request view. The payload array is taken as is, so the caller must not change it afterwards (the transport
     * hands over an array nobody else holds).
     */
    public static UplinkRequest of(Peer peer, CoapMethod method, List<String> path, List<QueryParam> query,
            int contentFormat, byte[] payload) {
        return new UplinkRequest(peer, method, path, query, contentFormat, payload, NO_FORMAT, NO_OBSERVE);
    }

    /** A builder for a request view with every option, starting without path, query, options or payload. */
    public static Builder builder(Peer peer, CoapMethod method) {
        return new Builder(peer, method);
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

    /** The Accept option: the content format the peer wants in the answer (Read, Transport TS §6.4), if sent. */
    public OptionalInt accept() {
        return accept == NO_FORMAT ? OptionalInt.empty() : OptionalInt.of(accept);
    }

    /**
     * The Observe option: 0 registers an observation, 1 deregisters it (RFC 7641 §2; Observe and Cancel Observation,
     * Transport TS §6.4); empty when absent. A handler establishes an observation with
     * {@link UplinkResponse#observe}; a deregistration has already ended the matching observation when the handler
     * sees the request, which it answers like a plain one.
     */
    public OptionalInt observe() {
        return observe == NO_OBSERVE ? OptionalInt.empty() : OptionalInt.of(observe);
    }

    /** Whether this is a GET or FETCH with {@code Observe: 0}: a request to establish an observation. */
    public boolean isObserveRegistration() {
        return observe == 0 && (method == CoapMethod.GET || method == CoapMethod.FETCH);
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
        if (accept != NO_FORMAT) {
            sb.append("accept=").append(accept).append(", ");
        }
        if (observe != NO_OBSERVE) {
            sb.append("observe=").append(observe).append(", ");
        }
        return sb.append(payload.length).append(" bytes)").toString();
    }

    /** Collects the parts of a request view; absent options stay absent. */
    public static final class Builder {
        private final Peer peer;
        private final CoapMethod method;
        private List<String> path = List.of();
        private List<QueryParam> query = List.of();
        private int contentFormat = NO_FORMAT;
        private byte[] payload = EMPTY;
        private int accept = NO_FORMAT;
        private int observe = NO_OBSERVE;

        private Builder(Peer peer, CoapMethod method) {
            this.peer = Objects.requireNonNull(peer, "peer");
            this.method = Objects.requireNonNull(method, "method");
        }

        public Builder path(List<String> value) {
            this.path = Objects.requireNonNull(value, "path");
            return this;
        }

        public Builder query(List<QueryParam> value) {
            this.query = Objects.requireNonNull(value, "query");
            return this;
        }

        /** The payload (taken as is, not copied) in a content format, or {@link #NO_FORMAT}. */
        public Builder payload(int format, byte[] bytes) {
            this.contentFormat = format;
            this.payload = bytes;
            return this;
        }

        /** The Accept option, or {@link #NO_FORMAT}. */
        public Builder accept(int value) {
            this.accept = value;
            return this;
        }

        /** The Observe option, or {@link #NO_OBSERVE}. */
        public Builder observe(int value) {
            this.observe = value;
            return this;
        }

        public UplinkRequest build() {
            return new UplinkRequest(peer, method, path, query, contentFormat, payload, accept, observe);
        }
    }
}
