package io.wisp.client.dm;

import io.wisp.client.object.ObjectException;
import io.wisp.core.SyntaxException;
import io.wisp.core.attributes.AttributeUpdate;
import io.wisp.core.attributes.InvalidAttributesException;
import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.operation.CancelCompositeObservationRequest;
import io.wisp.core.operation.CancelObservationRequest;
import io.wisp.core.operation.CreateRequest;
import io.wisp.core.operation.DeleteRequest;
import io.wisp.core.operation.DiscoverRequest;
import io.wisp.core.operation.ExecuteRequest;
import io.wisp.core.operation.LwM2mRequest;
import io.wisp.core.operation.Observation;
import io.wisp.core.operation.ObservationId;
import io.wisp.core.operation.ObserveCompositeRequest;
import io.wisp.core.operation.ObserveRequest;
import io.wisp.core.operation.ReadCompositeRequest;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.WriteAttributesRequest;
import io.wisp.core.operation.WriteCompositeRequest;
import io.wisp.core.operation.WriteRequest;
import io.wisp.core.path.LwM2mPath;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the LwM2M operation a server's CoAP request carries (Transport TS §6.4): GET is Read, Discover (Accept
 * application/link-format), Observe (Observe 0) or its cancel (Observe 1); PUT with a payload is a Write (replace),
 * without one a Write-Attributes; POST is a Create on an object, a partial update on an instance, an Execute on a
 * resource (or a partial update of a writable multiple resource carrying a structured format); DELETE is Delete;
 * FETCH is Read-Composite or Observe-Composite; iPATCH is Write-Composite. Payloads are decoded against the models.
 *
 * <p>Every refusal is an {@link ObjectException} with the code the server gets: 4.04 for a path that is not an
 * LwM2M path, 4.05 for a method the target does not take, 4.06 for an Accept the client cannot produce, 4.15 for a
 * Content-Format it cannot read, 4.00 for anything malformed. Nothing else escapes.
 */
public final class RequestDecoder {
    private static final String NO_REGISTRATION = "";

    private final Codecs codecs;
    private final List<String> alternatePath;

    /**
     * A decoder reading payloads with these codecs, for a client whose objects live under an alternate path
     * (segments, e.g. {@code [lwm2m]}; empty for the usual root, Core TS §6.2.1).
     */
    public RequestDecoder(Codecs codecs, List<String> alternatePath) {
        this.codecs = Objects.requireNonNull(codecs, "codecs");
        this.alternatePath = List.copyOf(alternatePath);
    }

    /** The decoder of a client at the root path with every codec Wisp has. */
    public static RequestDecoder standard() {
        return new RequestDecoder(Codecs.standard(), List.of());
    }

    /** The operation of a request; throws {@link ObjectException} with the code to answer when there is none. */
    public LwM2mRequest<?> decode(InboundRequest request, ObjectModels models) {
        LwM2mPath path = path(request.uriPath());
        try {
            switch (request.method()) {
                case GET:
                    return get(request, path);
                case PUT:
                    return put(request, path, models);
                case POST:
                    return post(request, path, models);
                case DELETE:
                    if (!path.isObjectInstance() && !path.isResourceInstance()) {
                        throw refuse(ResponseCode.METHOD_NOT_ALLOWED, "Delete targets an object instance or a "
                                + "resource instance, not " + path);
                    }
                    return new DeleteRequest(path);
                case FETCH:
                    return fetch(request, path);
                case IPATCH:
                    requireRoot(path, "Write-Composite (iPATCH)");
                    ContentFormat format = contentFormat(request, "Write-Composite");
                    return new WriteCompositeRequest(codecs.decodeNodes(format, request.payload(), models), format);
                default:
                    throw refuse(ResponseCode.METHOD_NOT_ALLOWED, request.method() + " is no LwM2M operation");
            }
        } catch (CodecException e) {
            throw refuse(e.isMalformed() ? ResponseCode.BAD_REQUEST : ResponseCode.UNSUPPORTED_CONTENT_FORMAT,
                    e.getMessage());
        } catch (SyntaxException | InvalidAttributesException e) {
            throw refuse(ResponseCode.BAD_REQUEST, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw refuse(ResponseCode.BAD_REQUEST, e.getMessage());
        }
    }

    private LwM2mRequest<?> get(InboundRequest request, LwM2mPath path) {
        if (request.accept() == ContentFormat.LINK.code()) {
            if (path.isRoot()) {
                throw refuse(ResponseCode.METHOD_NOT_ALLOWED, "Discover of / is the Bootstrap-Server's");
            }
            return new DiscoverRequest(path, depth(request.query()));
        }
        if (path.isRoot()) {
            throw refuse(ResponseCode.METHOD_NOT_ALLOWED, "a Read cannot target /; Read-Composite uses FETCH");
        }
        ContentFormat accept = nodeAccept(request);
        if (request.observe() == 0) {
            return new ObserveRequest(path, accept, attributes(request.query()));
        }
        if (request.observe() == 1) {
            return new CancelObservationRequest(new Observation(new ObservationId(request.token()), NO_REGISTRATION,
                    List.of(path), false));
        }
        return new ReadRequest(path, accept);
    }

    /** A PUT with a payload or a Content-Format (an empty string is a value) is a Write; bare, Write-Attributes. */
    private LwM2mRequest<?> put(InboundRequest request, LwM2mPath path, ObjectModels models) {
        if (request.hasPayload() || request.contentFormat() != InboundRequest.NONE) {
            if (path.isRoot() || path.isObject()) {
                throw refuse(ResponseCode.METHOD_NOT_ALLOWED, "a Write of " + path + " is the Bootstrap-Server's; "
                        + "a server writes instances, resources and resource instances");
            }
            if (path.depth() >= 3 && models.resource(path.objectId(), path.resourceId())
                    .filter(r -> r.operations().isExecutable()).isPresent()) {
                throw refuse(ResponseCode.METHOD_NOT_ALLOWED, "resource " + path + " is executable: it takes an "
                        + "Execute (POST), not a Write");
            }
            ContentFormat format = contentFormat(request, "Write");
            LwM2mNode node = codecs.decode(format, request.payload(), path, models);
            return new WriteRequest(WriteRequest.Mode.REPLACE, path, node, format);
        }
        if (!request.query().isEmpty()) {
            return new WriteAttributesRequest(path, AttributeUpdate.parse(request.query()));
        }
        throw refuse(ResponseCode.BAD_REQUEST, "a PUT needs a payload (Write) or a query (Write-Attributes)");
    }

    private LwM2mRequest<?> post(InboundRequest request, LwM2mPath path, ObjectModels models) {
        if (path.isRoot() || path.isResourceInstance()) {
            throw refuse(ResponseCode.METHOD_NOT_ALLOWED, "POST on " + path + " is no LwM2M operation");
        }
        if (path.isObject()) {
            if (!request.hasPayload()) {
                return new CreateRequest(path.objectId(), ObjectInstance.of(ObjectInstance.UNASSIGNED, List.of()),
                        null);
            }
            ContentFormat format = contentFormat(request, "Create");
            LwM2mObject object = (LwM2mObject) codecs.decode(format, request.payload(), path, models);
            if (object.instances().size() != 1) {
                throw refuse(ResponseCode.BAD_REQUEST, "a Create carries one new instance, got "
                        + object.instances().size());
            }
            return new CreateRequest(path.objectId(), object.instances().values().iterator().next(), format);
        }
        if (path.isObjectInstance() || isMultipleUpdate(request, path, models)) {
            ContentFormat format = contentFormat(request, "Write (partial update)");
            LwM2mNode node = codecs.decode(format, request.payload(), path, models);
            return new WriteRequest(WriteRequest.Mode.PARTIAL_UPDATE, path, node, format);
        }
        ExecuteArguments arguments = request.hasPayload() ? ExecuteArguments.parse(request.payloadText())
                : ExecuteArguments.EMPTY;
        return new ExecuteRequest(path, arguments);
    }

    /** A POST on a writable multiple resource with a structured payload updates it (Core TS §6.3.3). */
    private static boolean isMultipleUpdate(InboundRequest request, LwM2mPath path, ObjectModels models) {
        Optional<ResourceModel> model = models.resource(path.objectId(), path.resourceId());
        return model.isPresent() && model.get().multiple() && model.get().operations().isWritable()
                && request.hasPayload() && request.contentFormat() != InboundRequest.NONE
                && request.contentFormat() != ContentFormat.TEXT.code();
    }

    private LwM2mRequest<?> fetch(InboundRequest request, LwM2mPath path) {
        requireRoot(path, "Read-Composite and Observe-Composite (FETCH)");
        ContentFormat format = contentFormat(request, "Read-Composite");
        List<LwM2mPath> paths = codecs.decodePaths(format, request.payload());
        ContentFormat accept = null;
        if (request.accept() != InboundRequest.NONE) {
            accept = ContentFormat.of(request.accept());
            if (!codecs.multiNodeFormats().contains(accept) || accept.equals(ContentFormat.SENML_ETCH_JSON)
                    || accept.equals(ContentFormat.SENML_ETCH_CBOR)) {
                throw refuse(ResponseCode.NOT_ACCEPTABLE, "a composite answer cannot be given in " + accept
                        + "; possible: SenML JSON (110), SenML CBOR (112), LwM2M CBOR (11544)");
            }
        }
        if (request.observe() == 0) {
            return new ObserveCompositeRequest(paths, format, accept, attributes(request.query()));
        }
        if (request.observe() == 1) {
            return new CancelCompositeObservationRequest(new Observation(new ObservationId(request.token()),
                    NO_REGISTRATION, paths, true));
        }
        return new ReadCompositeRequest(paths, format, accept);
    }

    private LwM2mPath path(List<String> segments) {
        if (segments.size() < alternatePath.size() || !segments.subList(0, alternatePath.size())
                .equals(alternatePath)) {
            throw refuse(ResponseCode.NOT_FOUND, "/" + String.join("/", segments) + " is not below the client's "
                    + "path /" + String.join("/", alternatePath));
        }
        String text = String.join("/", segments.subList(alternatePath.size(), segments.size()));
        try {
            return LwM2mPath.parse(text);
        } catch (SyntaxException e) {
            throw refuse(ResponseCode.NOT_FOUND, "/" + text + " is not an LwM2M path: " + e.reason());
        }
    }

    private ContentFormat nodeAccept(InboundRequest request) {
        if (request.accept() == InboundRequest.NONE) {
            return null;
        }
        ContentFormat accept = ContentFormat.of(request.accept());
        if (!codecs.nodeFormats().contains(accept)) {
            throw refuse(ResponseCode.NOT_ACCEPTABLE, "the client cannot answer in " + accept + "; it can in "
                    + codecs.nodeFormats());
        }
        return accept;
    }

    private static ContentFormat contentFormat(InboundRequest request, String operation) {
        if (request.contentFormat() == InboundRequest.NONE) {
            throw refuse(ResponseCode.BAD_REQUEST, "a " + operation + " with a payload needs a Content-Format");
        }
        return ContentFormat.of(request.contentFormat());
    }

    /** The {@code depth} of a LwM2M 1.2 Discover (0..3); null when absent. Other parameters are ignored. */
    private static Integer depth(List<String> query) {
        for (String option : query) {
            if (option.startsWith("depth=")) {
                String value = option.substring("depth=".length());
                if (!value.matches("[0-3]")) {
                    throw refuse(ResponseCode.BAD_REQUEST, "depth must be 0, 1, 2 or 3, got '" + value + "'");
                }
                return Integer.parseInt(value);
            }
        }
        return null;
    }

    /** The notification attributes of a LwM2M 1.2 Observe or Observe-Composite query. */
    private static NotificationAttributes attributes(List<String> query) {
        return query.isEmpty() ? NotificationAttributes.EMPTY : NotificationAttributes.parse(query);
    }

    private static void requireRoot(LwM2mPath path, String operation) {
        if (!path.isRoot()) {
            throw refuse(ResponseCode.METHOD_NOT_ALLOWED, operation + " targets the root path /, not " + path);
        }
    }

    private static ObjectException refuse(ResponseCode code, String message) {
        return new ObjectException(code, message);
    }
}
