package io.wisp.client.dm;

import io.wisp.client.object.ObjectException;
import io.wisp.client.object.ObjectTree;
import io.wisp.client.object.Requester;
import io.wisp.core.attributes.InvalidAttributesException;
import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.core.operation.CancelCompositeObservationRequest;
import io.wisp.core.operation.CancelObservationRequest;
import io.wisp.core.operation.CreateRequest;
import io.wisp.core.operation.DeleteRequest;
import io.wisp.core.operation.DiscoverRequest;
import io.wisp.core.operation.ExecuteRequest;
import io.wisp.core.operation.LwM2mRequest;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of the Device Management and Service Enablement interface (Core TS §6.3) and of Observe's first
 * answer (§6.4): takes a server's request — as CoAP gave it, or already decoded — checks it against the security
 * objects and access control, runs it on the {@link ObjectTree}, and returns the answer with its code, payload and
 * format. Every refusal becomes a 4.xx with a short diagnostic; an unexpected failure is logged and answered 5.00,
 * never with a stack trace.
 *
 * <p>Observations are not kept here: an Observe or Observe-Composite is answered like a Read with the current value,
 * and the caller, which sees the decoded request ({@link #decode}), registers the observation with whatever
 * notifies. Written attributes are kept per server ({@link #attributes()}), for Discover and for that observer.
 */
public final class DmDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(DmDispatcher.class);

    private final ObjectTree tree;
    private final Codecs codecs;
    private final RequestDecoder decoder;
    private final FormatPolicy formatPolicy;
    private final AttributeTable attributes;
    private final AccessControl access;
    private final List<String> pathPrefix;

    private DmDispatcher(Builder b) {
        this.tree = b.tree;
        this.codecs = b.codecs;
        this.pathPrefix = b.alternatePath;
        this.decoder = new RequestDecoder(b.codecs, b.alternatePath);
        this.formatPolicy = b.preferred != null ? new FormatPolicy(b.version, b.preferred)
                : FormatPolicy.forVersion(b.version);
        this.attributes = new AttributeTable();
        this.access = new AccessControl(b.tree);
    }

    /** Starts a dispatcher serving this tree; LwM2M 1.1, the version's preferred format, no alternate path. */
    public static Builder builder(ObjectTree tree) {
        return new Builder(tree);
    }

    /** Decodes and serves a request. */
    public DmResponse handle(InboundRequest request, Requester requester) {
        LwM2mRequest<?> operation;
        try {
            operation = decode(request);
        } catch (ObjectException e) {
            LOG.debug("refused {} from {}: {}", request, requester, e.getMessage());
            return DmResponse.error(e.code(), e.getMessage());
        }
        return dispatch(operation, requester, request.accept());
    }

    /**
     * The operation a request carries (Transport TS §6.4); throws {@link ObjectException} with the code to answer
     * when it carries none.
     */
    public LwM2mRequest<?> decode(InboundRequest request) {
        return decoder.decode(request, tree.models());
    }

    /** Serves a decoded operation. */
    public DmResponse dispatch(LwM2mRequest<?> request, Requester requester) {
        return dispatch(request, requester, InboundRequest.NONE);
    }

    /** The notification attributes each server wrote, by level. */
    public WrittenAttributes attributes() {
        return attributes;
    }

    /** The formats the client answers in. */
    public FormatPolicy formatPolicy() {
        return formatPolicy;
    }

    private DmResponse dispatch(LwM2mRequest<?> request, Requester requester, int acceptHint) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(requester, "requester");
        try {
            return route(request, requester, acceptHint);
        } catch (ObjectException e) {
            return refused(request, requester, e.code(), e.getMessage());
        } catch (CodecException e) {
            return refused(request, requester, e.isMalformed() ? ResponseCode.BAD_REQUEST
                    : ResponseCode.UNSUPPORTED_CONTENT_FORMAT, e.getMessage());
        } catch (InvalidAttributesException e) {
            return refused(request, requester, ResponseCode.BAD_REQUEST, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("{} from {} failed", request, requester, e);
            return DmResponse.error(ResponseCode.INTERNAL_SERVER_ERROR, "the client failed to serve the request");
        }
    }

    private DmResponse route(LwM2mRequest<?> request, Requester requester, int acceptHint) {
        if (request instanceof ReadRequest r) {
            return ReadOperations.answer(this, requester, r.path(), r.format());
        }
        if (request instanceof ObserveRequest o) {
            return ReadOperations.answer(this, requester, o.path(), o.format());
        }
        if (request instanceof CancelObservationRequest c) {
            ContentFormat accept = acceptHint == InboundRequest.NONE ? null : ContentFormat.of(acceptHint);
            return ReadOperations.answer(this, requester, c.observation().path(), accept);
        }
        if (request instanceof DiscoverRequest d) {
            requireVisible(requester, d.path());
            String links = DiscoverLinks.discover(tree, attributes, requester, d, formatPolicy.lwm2mVersion(),
                    pathPrefix.isEmpty() ? "" : "/" + String.join("/", pathPrefix));
            return DmResponse.content(ContentFormat.LINK.code(), links.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (request instanceof WriteRequest w) {
            return WriteOperations.write(this, requester, w);
        }
        if (request instanceof WriteAttributesRequest wa) {
            return WriteOperations.writeAttributes(this, requester, wa);
        }
        if (request instanceof ExecuteRequest e) {
            return WriteOperations.execute(this, requester, e);
        }
        if (request instanceof CreateRequest c) {
            return WriteOperations.create(this, requester, c);
        }
        if (request instanceof DeleteRequest d) {
            return WriteOperations.delete(this, requester, d);
        }
        if (request instanceof ReadCompositeRequest rc) {
            return ReadOperations.answerComposite(this, requester, rc.paths(), compositeFormat(rc.responseFormat(),
                    rc.requestFormat()));
        }
        if (request instanceof ObserveCompositeRequest oc) {
            return ReadOperations.answerComposite(this, requester, oc.paths(), compositeFormat(oc.responseFormat(),
                    oc.requestFormat()));
        }
        if (request instanceof CancelCompositeObservationRequest cc) {
            ContentFormat accept = acceptHint == InboundRequest.NONE ? null : ContentFormat.of(acceptHint);
            return ReadOperations.answerComposite(this, requester, cc.observation().paths(),
                    compositeFormat(accept, null));
        }
        if (request instanceof WriteCompositeRequest wc) {
            return WriteOperations.writeComposite(this, requester, wc);
        }
        throw ObjectException.methodNotAllowed(request.getClass().getSimpleName() + " is not served by a client");
    }

    private ContentFormat compositeFormat(ContentFormat asked, ContentFormat requestFormat) {
        return asked != null ? asked : formatPolicy.forComposite(codecs, requestFormat);
    }

    private DmResponse refused(LwM2mRequest<?> request, Requester requester, ResponseCode code, String reason) {
        LOG.debug("refused {} from {}: {} {}", request, requester, code, reason);
        return DmResponse.error(code, reason);
    }

    /** Servers get 4.01 for anything in the security objects (Core TS §7.1; ETS int-221). */
    static void requireVisible(Requester requester, LwM2mPath path) {
        if (requester.isServer() && !path.isRoot() && ObjectTree.isSecurityObject(path.objectId())) {
            throw new ObjectException(ResponseCode.UNAUTHORIZED, "object " + path.objectId()
                    + " is not accessible to a LwM2M Server (Core TS §7.1)");
        }
    }

    ObjectTree tree() {
        return tree;
    }

    Codecs codecs() {
        return codecs;
    }

    AttributeTable attributeTable() {
        return attributes;
    }

    AccessControl access() {
        return access;
    }

    List<String> pathPrefix() {
        return pathPrefix;
    }

    /** Settings of a dispatcher. */
    public static final class Builder {
        private final ObjectTree tree;
        private Codecs codecs = Codecs.standard();
        private Version version = Version.V1_1;
        private ContentFormat preferred;
        private List<String> alternatePath = List.of();

        private Builder(ObjectTree tree) {
            this.tree = Objects.requireNonNull(tree, "tree");
        }

        /** The LwM2M version the client speaks: picks the preferred format and the Discover rules. */
        public Builder lwm2mVersion(Version lwm2mVersion) {
            this.version = Objects.requireNonNull(lwm2mVersion, "lwm2mVersion");
            return this;
        }

        /** The format of answers without Accept, instead of the version's usual one. */
        public Builder preferredFormat(ContentFormat format) {
            this.preferred = Objects.requireNonNull(format, "format");
            return this;
        }

        /** The codecs to read and write payloads with. */
        public Builder codecs(Codecs codecs) {
            this.codecs = Objects.requireNonNull(codecs, "codecs");
            return this;
        }

        /** The alternate path the client announced (Core TS §6.2.1), e.g. {@code /lwm2m}; {@code /} for none. */
        public Builder alternatePath(String path) {
            String trimmed = path.startsWith("/") ? path.substring(1) : path;
            this.alternatePath = trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/"));
            return this;
        }

        public DmDispatcher build() {
            return new DmDispatcher(this);
        }
    }
}
