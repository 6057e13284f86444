package io.wisp.transport.californium;

import io.wisp.transport.CoapCode;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.Notification;
import io.wisp.transport.NotificationHandler;
import io.wisp.transport.ObservationToken;
import io.wisp.transport.Peer;
import io.wisp.transport.UplinkRequest;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.observe.NotificationListener;
import org.eclipse.californium.core.observe.Observation;
import org.eclipse.californium.core.observe.ObservationStore;
import org.eclipse.californium.elements.EndpointContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every observation the transport holds, keyed by token, shared by all endpoints. It serves Californium as its
 * {@link ObservationStore} — so that a notification whose token is here is matched and acknowledged, and one whose
 * token is not gets a Reset — and hands matched notifications to their handler in order.
 *
 * <p>Per observation it keeps one small {@link Entry}: no CoAP request object. Californium's own store keeps the
 * whole original request; here the request is rebuilt from the entry when a notification arrives. The rebuilt
 * request carries the peer's current address (and, on a secure connector, its identity) as its context, so after
 * {@link Entry#peer} is rebound, notifications from the new address match and those from the old one do not; over
 * DTLS the identity decides, wherever the notification comes from.
 */
final class ObservationTable implements ObservationStore {
    private static final Logger LOG = LoggerFactory.getLogger(ObservationTable.class);

    /** One observation: what to rebuild its request from, where it lives, and its ordering state. */
    static final class Entry {
        final ObservationToken token;
        final DownlinkRequest request;
        final NotificationHandler handler;
        volatile Peer peer;
        private int lastSequence = NotificationOrder.NONE;
        private long lastNanos;

        Entry(ObservationToken token, Peer peer, DownlinkRequest request, NotificationHandler handler) {
            this.token = token;
            this.peer = peer;
            this.request = request;
            this.handler = handler;
        }

        /** The CoAP request of this observation with the given Observe value (0 register, 1 deregister). */
        Request coapRequest(boolean register) {
            Request r = MessageMapping.toRequest(peer, request);
            r.setToken(Token.fromProvider(token.bytes()));
            if (register) {
                r.setObserve();
            } else {
                r.setObserveCancel();
            }
            return r;
        }

        /** Takes the sequence number of the first response as the starting point, unless a later one came first. */
        synchronized void started(int sequence, long nanos) {
            if (NotificationOrder.isFresher(lastSequence, lastNanos, sequence, nanos)) {
                lastSequence = sequence;
                lastNanos = nanos;
            }
        }

        /** Delivers the notification if it is fresher than the last one; returns whether it did. */
        synchronized boolean deliverInOrder(Notification n, long nanos) {
            if (!n.isFinal()) {
                int sequence = n.sequence().getAsInt();
                if (!NotificationOrder.isFresher(lastSequence, lastNanos, sequence, nanos)) {
                    return false;
                }
                lastSequence = sequence;
                lastNanos = nanos;
            }
            handler.onNotification(n);
            return true;
        }
    }

    private final ConcurrentHashMap<ObservationToken, Entry> entries = new ConcurrentHashMap<>();

    /** Adds the entry unless its token is taken; returns whether it was added. */
    boolean add(Entry entry) {
        return entries.putIfAbsent(entry.token, entry) == null;
    }

    Entry entry(ObservationToken token) {
        return entries.get(token);
    }

    Entry remove(ObservationToken token) {
        return entries.remove(token);
    }

    void remove(Entry entry) {
        entries.remove(entry.token, entry);
    }

    int size() {
        return entries.size();
    }

    /** The listener an endpoint calls with the notifications it matched through this table. */
    NotificationListener listenerFor(String connector) {
        return (request, response) -> dispatch(connector, response);
    }

    private void dispatch(String connector, Response response) {
        ObservationToken token = ObservationToken.ofBytes(response.getToken().getBytes());
        Entry entry = token == null ? null : entries.get(token);
        if (entry == null) {
            LOG.debug("Notification for forgotten observation {} dropped", response.getTokenString());
            return;
        }
        OptionSet options = response.getOptions();
        Notification n = Notification.of(token, MessageMapping.peer(connector, response.getSourceContext()),
                CoapCode.ofValue(response.getCode().value),
                options.hasContentFormat() ? options.getContentFormat() : UplinkRequest.NO_FORMAT,
                response.getPayload(), options.hasObserve() ? options.getObserve() : -1, response.isConfirmable());
        if (n.isFinal()) {
            remove(entry);
        }
        try {
            if (!entry.deliverInOrder(n, System.nanoTime())) {
                LOG.debug("Out-of-order notification dropped: {}", n);
            }
        } catch (RuntimeException e) {
            LOG.error("Notification handler of {} failed on {}", token, n, e);
        }
    }

    // --- ObservationStore, as Californium's matcher uses it ---

    @Override
    public Observation putIfAbsent(Token token, Observation obs) {
        return get(token);
    }

    /** The entry was added before the request left; an observe request sent around this API is not tracked. */
    @Override
    public Observation put(Token token, Observation obs) {
        if (entry(token) == null) {
            LOG.debug("Observe request {} was not sent through Observations; its notifications will be reset",
                    obs.getRequest());
        }
        return null;
    }

    @Override
    public void remove(Token token) {
        ObservationToken t = ObservationToken.ofBytes(token.getBytes());
        if (t != null) {
            entries.remove(t);
        }
    }

    @Override
    public Observation get(Token token) {
        Entry entry = entry(token);
        if (entry == null) {
            return null;
        }
        Request request = entry.coapRequest(true);
        return new Observation(request, request.getDestinationContext());
    }

    private Entry entry(Token token) {
        ObservationToken t = token == null ? null : ObservationToken.ofBytes(token.getBytes());
        return t == null ? null : entries.get(t);
    }

    /** The peer's address is the entry's own, rebound on demand; the context of the first send adds nothing. */
    @Override
    public void setContext(Token token, EndpointContext endpointContext) {
    }

    @Override
    public void setExecutor(ScheduledExecutorService executor) {
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }
}
