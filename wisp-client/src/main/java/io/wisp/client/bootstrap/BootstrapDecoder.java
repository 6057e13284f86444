package io.wisp.client.bootstrap;

import io.wisp.client.dm.InboundRequest;
import io.wisp.client.object.ObjectException;
import io.wisp.core.SyntaxException;
import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.operation.BootstrapDeleteRequest;
import io.wisp.core.operation.BootstrapDiscoverRequest;
import io.wisp.core.operation.BootstrapDownlinkRequest;
import io.wisp.core.operation.BootstrapFinishRequest;
import io.wisp.core.operation.BootstrapReadRequest;
import io.wisp.core.operation.BootstrapWriteRequest;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.CoapMethod;
import java.util.List;
import java.util.Objects;

/**
 * Reads a Bootstrap-Server's CoAP request as the operation it carries (Transport TS §6.1): a GET with Accept
 * application/link-format is Bootstrap-Discover (of {@code /} or {@code /o}), any other GET Bootstrap-Read (only of
 * the Server and Access Control objects), a PUT Bootstrap-Write (of {@code /o}, {@code /o/i} or {@code /o/i/r}), a
 * DELETE Bootstrap-Delete (of {@code /}, {@code /o} or {@code /o/i}) and a POST to {@code /bs} Bootstrap-Finish.
 *
 * <p>Every refusal is an {@link ObjectException} with the code the Bootstrap-Server gets: 4.00 for a path the
 * operation cannot target or a malformed payload, 4.05 for another method or a Bootstrap-Read outside /1 and /2,
 * 4.06 for an Accept the client cannot produce, 4.15 for a Content-Format it cannot read.
 */
final class BootstrapDecoder {
    private static final List<String> FINISH_PATH = List.of("bs");
    private static final int SERVER = 1;
    private static final int ACCESS_CONTROL = 2;

    private final Codecs codecs;

    BootstrapDecoder(Codecs codecs) {
        this.codecs = Objects.requireNonNull(codecs, "codecs");
    }

    BootstrapDownlinkRequest<?> decode(InboundRequest request, ObjectModels models) {
        if (request.method() == CoapMethod.POST) {
            if (!request.uriPath().equals(FINISH_PATH)) {
                throw refuse(ResponseCode.METHOD_NOT_ALLOWED, "the only POST of a Bootstrap-Server is "
                        + "Bootstrap-Finish on /bs");
            }
            return BootstrapFinishRequest.of();
        }
        LwM2mPath path = path(request.uriPath());
        try {
            switch (request.method()) {
                case GET:
                    return get(request, path);
                case PUT:
                    return put(request, path, models);
                case DELETE:
                    return new BootstrapDeleteRequest(path);
                default:
                    throw refuse(ResponseCode.METHOD_NOT_ALLOWED, request.method()
                            + " is no operation of the Bootstrap interface");
            }
        } catch (CodecException e) {
            throw refuse(e.isMalformed() ? ResponseCode.BAD_REQUEST : ResponseCode.UNSUPPORTED_CONTENT_FORMAT,
                    e.getMessage());
        } catch (IllegalArgumentException e) {
            throw refuse(ResponseCode.BAD_REQUEST, e.getMessage());
        }
    }

    private BootstrapDownlinkRequest<?> get(InboundRequest request, LwM2mPath path) {
        if (request.accept() == ContentFormat.LINK.code()) {
            return new BootstrapDiscoverRequest(path);
        }
        if (path.isRoot() || path.depth() > 2 || path.objectId() != SERVER && path.objectId() != ACCESS_CONTROL) {
            throw refuse(ResponseCode.METHOD_NOT_ALLOWED, "Bootstrap-Read targets the Server (/1) or Access Control "
                    + "(/2) object or one of their instances, not " + path + " (Core TS §6.1)");
        }
        ContentFormat accept = null;
        if (request.accept() != InboundRequest.NONE) {
            accept = ContentFormat.of(request.accept());
            if (!codecs.nodeFormats().contains(accept)) {
                throw refuse(ResponseCode.NOT_ACCEPTABLE, "the client cannot answer in " + accept + "; it can in "
                        + codecs.nodeFormats());
            }
        }
        return new BootstrapReadRequest(path, accept);
    }

    private BootstrapDownlinkRequest<?> put(InboundRequest request, LwM2mPath path, ObjectModels models) {
        if (path.isRoot() || path.isResourceInstance()) {
            throw refuse(ResponseCode.BAD_REQUEST, "Bootstrap-Write targets an object, an object instance or a "
                    + "resource, not " + path + " (Core TS §6.1)");
        }
        if (request.contentFormat() == InboundRequest.NONE) {
            throw refuse(ResponseCode.BAD_REQUEST, "a Bootstrap-Write needs a Content-Format");
        }
        if (models.find(path.objectId()).isEmpty()) {
            throw refuse(ResponseCode.NOT_FOUND, "the client has no object " + path.objectId());
        }
        ContentFormat format = ContentFormat.of(request.contentFormat());
        LwM2mNode node = codecs.decode(format, request.payload(), path, models);
        return new BootstrapWriteRequest(path, node, format);
    }

    private static LwM2mPath path(List<String> segments) {
        String text = String.join("/", segments);
        try {
            return LwM2mPath.parse(text);
        } catch (SyntaxException e) {
            throw refuse(ResponseCode.BAD_REQUEST, "/" + text + " is not an LwM2M path: " + e.reason());
        }
    }

    private static ObjectException refuse(ResponseCode code, String message) {
        return new ObjectException(code, message);
    }
}
