package io.wisp.client;

import io.wisp.client.dm.DmDispatcher;
import io.wisp.client.dm.DmResponse;
import io.wisp.client.dm.InboundRequest;
import io.wisp.client.object.ObjectException;
import io.wisp.client.object.ObjectTree;
import io.wisp.client.object.Requester;
import io.wisp.client.observe.Notification;
import io.wisp.client.observe.NotificationSink;
import io.wisp.client.observe.Observation;
import io.wisp.client.observe.ObservationKey;
import io.wisp.client.observe.ObservationRegistry;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.operation.LwM2mRequest;
import io.wisp.core.operation.ObserveCompositeRequest;
import io.wisp.core.operation.ObserveRequest;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.WriteAttributesRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.CoapCode;
import io.wisp.transport.Peer;
import io.wisp.transport.QueryParam;
import io.wisp.transport.ServedObservation;
import io.wisp.transport.UplinkHandler;
import io.wisp.transport.UplinkRequest;
import io.wisp.transport.UplinkResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's side of the Device Management and Information Reporting interfaces over CoAP (Transport TS §6.4):
 * every request a server sends reaches the dispatcher as the server it comes from ({@link Requester#server}); an
 * Observe or Observe-Composite that succeeds also becomes an observation in the registry, whose notifications go out
 * on the transport's relation in the format of the first answer (Core TS §6.4.1: notifications keep the format).
 */
final class ClientRequestHandler implements UplinkHandler, NotificationSink {
    private static final Logger LOG = LoggerFactory.getLogger(ClientRequestHandler.class);
    private static final byte[] EMPTY = new byte[0];

    private final DmDispatcher dispatcher;
    private final ObjectTree tree;
    private final Codecs codecs;
    private final ToIntFunction<Peer> serverOf;
    private final ClientEvents events;
    private final AtomicLong tokens = new AtomicLong();
    private final Map<ObservationKey, Relation> relations = new ConcurrentHashMap<>();
    private volatile ObservationRegistry registry;

    /** A served observation and the format its notifications are written in. */
    private record Relation(ServedObservation served, ContentFormat format) {
    }

    ClientRequestHandler(DmDispatcher dispatcher, ObjectTree tree, Codecs codecs, ToIntFunction<Peer> serverOf,
            ClientEvents events) {
        this.dispatcher = dispatcher;
        this.tree = tree;
        this.codecs = codecs;
        this.serverOf = serverOf;
        this.events = events;
    }

    void registry(ObservationRegistry value) {
        this.registry = value;
    }

    /** Ends, without telling it, every observation a server holds: it forgot them when the client registered again. */
    void forgetServer(int shortServerId) {
        relations.forEach((key, relation) -> {
            if (key.shortServerId() == shortServerId && relations.remove(key, relation)) {
                relation.served().cancel();
            }
        });
    }

    int relations() {
        return relations.size();
    }

    @Override
    public UplinkResponse handle(UplinkRequest request) {
        int ssid = serverOf.applyAsInt(request.peer());
        if (ssid < 0) {
            LOG.debug("request from {}, which is none of our servers: 4.01", request.peer());
            return UplinkResponse.error(CoapCode.UNAUTHORIZED, "not one of this client's servers");
        }
        Requester requester = Requester.server(ssid);
        InboundRequest inbound = inbound(request);
        Map<LwM2mPath, LwM2mNode> before = request.isObserveRegistration() ? snapshot(requester, inbound) : Map.of();
        DmResponse answer = dispatcher.handle(inbound, requester);
        events.served(ssid, request.method() + " /" + String.join("/", request.path()), answer.code());
        UplinkResponse response = uplink(answer);
        if (!answer.code().isSuccess()) {
            return response;
        }
        if (request.isObserveRegistration()) {
            LwM2mRequest<?> op = dispatcher.decode(inbound);
            return response.observe(served -> observe(ssid, requester, op, answer, before, served));
        }
        if (request.method() == io.wisp.transport.CoapMethod.PUT && registry != null
                && dispatcher.decode(inbound) instanceof WriteAttributesRequest) {
            registry.attributesChanged(ssid);
        }
        return response;
    }

    /**
     * The observed values as they were before the answer was read: the observation starts from them, so that a change
     * made between the answer and the observation's start is still notified (at worst twice, never lost).
     */
    private Map<LwM2mPath, LwM2mNode> snapshot(Requester requester, InboundRequest inbound) {
        Map<LwM2mPath, LwM2mNode> out = new LinkedHashMap<>();
        try {
            LwM2mRequest<?> op = dispatcher.decode(inbound);
            List<LwM2mPath> paths = op instanceof ObserveRequest o ? List.of(o.path())
                    : op instanceof ObserveCompositeRequest oc ? oc.paths() : List.of();
            for (LwM2mPath p : paths) {
                if (tree.exists(p)) {
                    out.put(p, tree.read(requester, p));
                }
            }
        } catch (RuntimeException e) {
            out.clear(); // the dispatcher answers the bad request; nothing will be observed
        }
        return out;
    }

    private void observe(int ssid, Requester requester, LwM2mRequest<?> op, DmResponse answer,
            Map<LwM2mPath, LwM2mNode> before, ServedObservation served) {
        ObservationKey key = new ObservationKey(ssid, tokens.incrementAndGet());
        ContentFormat format = ContentFormat.of(answer.contentFormat());
        relations.put(key, new Relation(served, format));
        served.onEnd(reason -> {
            relations.remove(key);
            registry.cancel(key);
        });
        try {
            if (op instanceof ObserveRequest o) {
                LwM2mNode initial = before.get(o.path());
                registry.observe(key, o.path(), o.attributes(), initial != null ? initial
                        : tree.read(requester, o.path()));
            } else if (op instanceof ObserveCompositeRequest oc) {
                registry.observeComposite(key, oc.paths(), oc.attributes(), before);
            } else {
                served.cancel();
                return;
            }
            List<LwM2mPath> changed = new ArrayList<>();
            for (Map.Entry<LwM2mPath, LwM2mNode> e : before.entrySet()) {
                if (!tree.exists(e.getKey()) || !tree.read(requester, e.getKey()).equals(e.getValue())) {
                    changed.add(e.getKey());
                }
            }
            if (!changed.isEmpty()) {
                registry.valuesChanged(changed);
            }
        } catch (ObjectException e) {
            LOG.debug("observation of {} ended at once: {}", op, e.getMessage());
            served.notify(CoapCode.ofValue(e.code().value()), UplinkRequest.NO_FORMAT, EMPTY, false);
        }
    }

    @Override
    public void send(Notification notification) {
        Observation o = notification.observation();
        Relation relation = relations.get(o.key());
        if (relation == null) {
            return;
        }
        byte[] payload;
        try {
            payload = o.isComposite()
                    ? codecs.encodeNodes(relation.format(), notification.content(), tree.models())
                    : codecs.encode(relation.format(), notification.node(), o.paths().get(0), tree.models());
        } catch (RuntimeException e) {
            LOG.warn("notification for {} could not be encoded in {}: {}", o.paths(), relation.format(),
                    e.getMessage());
            return;
        }
        relation.served().notify(CoapCode.CONTENT, relation.format().code(), payload, notification.confirmable());
        events.notified(o.shortServerId(), o.paths().toString());
    }

    @Override
    public void ended(Observation observation) {
        Relation relation = relations.remove(observation.key());
        if (relation != null) {
            relation.served().notify(CoapCode.NOT_FOUND, UplinkRequest.NO_FORMAT, EMPTY, false);
        }
    }

    private static InboundRequest inbound(UplinkRequest request) {
        List<String> query = new ArrayList<>(request.query().size());
        for (QueryParam q : request.query()) {
            query.add(q.toString());
        }
        return new InboundRequest(request.method(), request.path(), query,
                request.contentFormat().orElse(InboundRequest.NONE), request.accept().orElse(InboundRequest.NONE),
                request.observe().orElse(InboundRequest.NONE), 0, request.payload());
    }

    private static UplinkResponse uplink(DmResponse answer) {
        ResponseCode code = answer.code();
        CoapCode coap = CoapCode.ofValue(code.value());
        if (!code.isSuccess()) {
            return UplinkResponse.error(coap, answer.diagnostic());
        }
        if (!answer.locationPath().isEmpty()) {
            return UplinkResponse.created(answer.locationPath());
        }
        if (answer.contentFormat() != InboundRequest.NONE) {
            return UplinkResponse.content(coap, answer.contentFormat(), answer.payload());
        }
        return UplinkResponse.of(coap);
    }
}
