package io.wisp.bootstrap.downlink;

import io.wisp.core.SyntaxException;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.link.DiscoverLink;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.operation.BootstrapDeleteRequest;
import io.wisp.core.operation.BootstrapDeleteResponse;
import io.wisp.core.operation.BootstrapDiscoverRequest;
import io.wisp.core.operation.BootstrapDiscoverResponse;
import io.wisp.core.operation.BootstrapDownlinkRequest;
import io.wisp.core.operation.BootstrapFinishRequest;
import io.wisp.core.operation.BootstrapFinishResponse;
import io.wisp.core.operation.BootstrapReadRequest;
import io.wisp.core.operation.BootstrapReadResponse;
import io.wisp.core.operation.BootstrapWriteRequest;
import io.wisp.core.operation.BootstrapWriteResponse;
import io.wisp.core.operation.LwM2mResponse;
import io.wisp.core.operation.OperationException;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.ResponseStatus;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How each Bootstrap-Server operation travels over CoAP (Transport TS §6.1) and how the client's answer becomes the
 * typed response: Bootstrap-Discover is a GET with Accept application/link-format, Bootstrap-Read a GET with Accept,
 * Bootstrap-Write a PUT with Content-Format, Bootstrap-Delete a DELETE, Bootstrap-Finish a POST to {@code /bs}. The
 * one place where these mappings live, for the Bootstrap-Server and (read the other way) for the client.
 */
public final class BootstrapCoap {
    /** The format a Bootstrap-Write or -Read uses when the request names none. */
    public static final ContentFormat DEFAULT_FORMAT = ContentFormat.TLV;

    private final Codecs codecs;
    private final ObjectModels models;

    public BootstrapCoap(Codecs codecs, ObjectModels models) {
        this.codecs = Objects.requireNonNull(codecs, "codecs");
        this.models = Objects.requireNonNull(models, "models");
    }

    /**
     * The CoAP request for an operation; throws {@link io.wisp.core.codec.CodecException} when a Bootstrap-Write's
     * node cannot be encoded in its format.
     */
    public DownlinkRequest toCoap(BootstrapDownlinkRequest<?> request) {
        if (request instanceof BootstrapDiscoverRequest d) {
            return DownlinkRequest.of(CoapMethod.GET, uriPath(d.path())).withAccept(ContentFormat.LINK.code());
        }
        if (request instanceof BootstrapReadRequest r) {
            ContentFormat format = r.format() != null ? r.format() : DEFAULT_FORMAT;
            return DownlinkRequest.of(CoapMethod.GET, uriPath(r.path())).withAccept(format.code());
        }
        if (request instanceof BootstrapWriteRequest w) {
            ContentFormat format = w.format() != null ? w.format() : DEFAULT_FORMAT;
            byte[] payload = codecs.encode(format, w.node(), w.path(), models);
            return DownlinkRequest.of(CoapMethod.PUT, uriPath(w.path())).withPayload(format.code(), payload);
        }
        if (request instanceof BootstrapDeleteRequest d) {
            return DownlinkRequest.of(CoapMethod.DELETE, uriPath(d.path()));
        }
        return DownlinkRequest.of(CoapMethod.POST, List.of("bs"));
    }

    /**
     * The typed answer to {@code request}. Throws {@link OperationException} {@code INVALID_RESPONSE} when a success
     * code is not the operation's own, and {@link io.wisp.core.codec.CodecException} or
     * {@link SyntaxException} when a payload does not decode.
     */
    @SuppressWarnings("unchecked")
    public <R extends LwM2mResponse> R toResponse(BootstrapDownlinkRequest<R> request, DownlinkResponse response) {
        ResponseStatus status = status(response);
        LwM2mResponse typed;
        if (request instanceof BootstrapDiscoverRequest) {
            typed = new BootstrapDiscoverResponse(status, success(status, ResponseCode.CONTENT, "Bootstrap-Discover")
                    ? DiscoverLink.parse(response.payloadAsString()) : List.of());
        } else if (request instanceof BootstrapReadRequest r) {
            boolean ok = success(status, ResponseCode.CONTENT, "Bootstrap-Read");
            ContentFormat format = status.contentFormat()
                    .orElse(r.format() != null ? r.format() : DEFAULT_FORMAT);
            typed = new BootstrapReadResponse(status,
                    ok ? codecs.decode(format, response.payload(), r.path(), models) : null);
        } else if (request instanceof BootstrapWriteRequest) {
            success(status, ResponseCode.CHANGED, "Bootstrap-Write");
            typed = new BootstrapWriteResponse(status);
        } else if (request instanceof BootstrapDeleteRequest) {
            success(status, ResponseCode.DELETED, "Bootstrap-Delete");
            typed = new BootstrapDeleteResponse(status);
        } else {
            success(status, ResponseCode.CHANGED, "Bootstrap-Finish");
            typed = new BootstrapFinishResponse(status);
        }
        return (R) typed;
    }

    private static ResponseStatus status(DownlinkResponse response) {
        ResponseCode code = ResponseCode.ofValue(response.code().value());
        ContentFormat format = response.contentFormat().isPresent()
                ? ContentFormat.of(response.contentFormat().getAsInt()) : null;
        String message = code.isError() && response.payload().length > 0 ? response.payloadAsString() : null;
        return ResponseStatus.of(code, message, format, null);
    }

    /** Whether the answer is a success; throws when it is a success code other than {@code expected}. */
    private static boolean success(ResponseStatus status, ResponseCode expected, String operation) {
        if (!status.code().isSuccess()) {
            return false;
        }
        if (!status.code().equals(expected)) {
            throw new OperationException(OperationException.Reason.INVALID_RESPONSE,
                    operation + " must succeed with " + expected + ", the client answered " + status.code());
        }
        return true;
    }

    private static List<String> uriPath(LwM2mPath path) {
        List<String> out = new ArrayList<>(path.depth());
        for (int k = 0; k < path.depth(); k++) {
            out.add(Integer.toString(path.id(k)));
        }
        return out;
    }
}
