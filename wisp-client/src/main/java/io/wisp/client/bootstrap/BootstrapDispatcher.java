package io.wisp.client.bootstrap;

import io.wisp.client.dm.DmResponse;
import io.wisp.client.dm.FormatPolicy;
import io.wisp.client.dm.InboundRequest;
import io.wisp.client.object.ObjectException;
import io.wisp.client.object.ObjectTree;
import io.wisp.client.object.Requester;
import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.operation.BootstrapDeleteRequest;
import io.wisp.core.operation.BootstrapDiscoverRequest;
import io.wisp.core.operation.BootstrapDownlinkRequest;
import io.wisp.core.operation.BootstrapReadRequest;
import io.wisp.core.operation.BootstrapWriteRequest;
import io.wisp.core.operation.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of the Bootstrap interface (Core TS §6.1): serves Bootstrap-Discover, -Read, -Write, -Delete and
 * -Finish from the Bootstrap-Server on the client's objects, as {@link Requester#BOOTSTRAP}. Bootstrap-Finish is
 * answered 2.04 Changed when the configuration passes the {@link ConsistencyCheck} and the client can use its
 * server accounts, else 4.06 Not Acceptable with the reason; what happens next is the engine's business. Every
 * refusal is a 4.xx with a short diagnostic, an unexpected failure a logged 5.00.
 */
public final class BootstrapDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapDispatcher.class);

    private final ObjectTree tree;
    private final Codecs codecs;
    private final Version lwm2mVersion;
    private final BootstrapDecoder decoder;
    private final FormatPolicy formats;
    private final Supplier<Optional<String>> accountProblem;

    /**
     * A dispatcher for a client's objects.
     *
     * @param tree           the objects
     * @param codecs         the codecs to read and write payloads with
     * @param lwm2mVersion   the version the client announces in Bootstrap-Discover
     * @param accountProblem why the client could not use its server accounts (the last check of Finish)
     */
    public BootstrapDispatcher(ObjectTree tree, Codecs codecs, Version lwm2mVersion,
            Supplier<Optional<String>> accountProblem) {
        this.tree = Objects.requireNonNull(tree, "tree");
        this.codecs = Objects.requireNonNull(codecs, "codecs");
        this.lwm2mVersion = Objects.requireNonNull(lwm2mVersion, "lwm2mVersion");
        this.accountProblem = Objects.requireNonNull(accountProblem, "accountProblem");
        this.decoder = new BootstrapDecoder(codecs);
        this.formats = FormatPolicy.forVersion(lwm2mVersion);
    }

    /** The operation a request carries; throws {@link ObjectException} with the code to answer when none. */
    public BootstrapDownlinkRequest<?> decode(InboundRequest request) {
        return decoder.decode(request, tree.models());
    }

    /** Serves one operation. */
    public DmResponse serve(BootstrapDownlinkRequest<?> request) {
        Objects.requireNonNull(request, "request");
        try {
            return route(request);
        } catch (ObjectException e) {
            LOG.debug("refused {}: {}", request, e.getMessage());
            return DmResponse.error(e.code(), e.getMessage());
        } catch (CodecException e) {
            return DmResponse.error(e.isMalformed() ? ResponseCode.BAD_REQUEST : ResponseCode.NOT_ACCEPTABLE,
                    e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("{} failed", request, e);
            return DmResponse.error(ResponseCode.INTERNAL_SERVER_ERROR, "the client failed to serve the request");
        }
    }

    /** The reason Bootstrap-Finish must be refused now, or empty when the client can use its configuration. */
    public Optional<String> finishProblem() {
        Optional<String> problem = ConsistencyCheck.problem(tree);
        return problem.isPresent() ? problem : accountProblem.get();
    }

    private DmResponse route(BootstrapDownlinkRequest<?> request) {
        if (request instanceof BootstrapDiscoverRequest d) {
            String links = BootstrapDiscover.discover(tree, d.path(), lwm2mVersion);
            return DmResponse.content(ContentFormat.LINK.code(), links.getBytes(StandardCharsets.UTF_8));
        }
        if (request instanceof BootstrapReadRequest r) {
            LwM2mNode node = tree.read(Requester.BOOTSTRAP, r.path());
            ContentFormat format = r.format() != null ? r.format() : formats.forNode(codecs, node, r.path());
            return DmResponse.content(format.code(), codecs.encode(format, node, r.path(), tree.models()));
        }
        if (request instanceof BootstrapWriteRequest w) {
            BootstrapWrites.write(tree, w.path(), w.node());
            return DmResponse.of(ResponseCode.CHANGED);
        }
        if (request instanceof BootstrapDeleteRequest d) {
            BootstrapDeletes.delete(tree, d.path());
            return DmResponse.of(ResponseCode.DELETED);
        }
        Optional<String> problem = finishProblem();
        if (problem.isPresent()) {
            LOG.debug("Bootstrap-Finish refused: {}", problem.get());
            return DmResponse.error(ResponseCode.NOT_ACCEPTABLE, problem.get());
        }
        return DmResponse.of(ResponseCode.CHANGED);
    }
}
