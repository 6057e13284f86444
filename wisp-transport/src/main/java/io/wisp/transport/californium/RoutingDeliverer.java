package io.wisp.transport.californium;

import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.ServedObservation;
import io.wisp.transport.ServedObservation.EndReason;
import io.wisp.transport.UplinkHandler;
import io.wisp.transport.UplinkRequest;
import io.wisp.transport.UplinkResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.server.MessageDeliverer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each request received on one connector to the {@link UplinkHandler} of its first Uri-Path segment (or to the
 * default route, when there is one, for a path without a route and for the root path), and responses to our own
 * requests back to their callers. Replaces Californium's resource tree: LwM2M paths such as {@code /rd/{id}} are
 * routed by prefix, with no resource object per registration.
 *
 * <p>Observe registrations and deregistrations (RFC 7641 §4.1; Observe, Observe-Composite and Cancel Observation,
 * Transport TS §6.4) are handled here around the handler: a deregistration ends the matching
 * {@link ServedRelation} before the handler answers it like a plain request; a registration answered with
 * {@link UplinkResponse#observe} establishes one. A request answered {@link UplinkResponse#dropped()} gets nothing, not
 * even an ACK; Californium's deduplication then drops its retransmissions too (a duplicate of an exchange that has no
 * response yet is ignored, RFC 7252 §4.5).
 */
final class RoutingDeliverer implements MessageDeliverer {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingDeliverer.class);

    private final String connector;
    private final Map<String, UplinkHandler> routes;
    private final UplinkHandler defaultRoute;
    private final ServedRelations served;
    private final Executor afterSentExecutor;

    RoutingDeliverer(String connector, Map<String, UplinkHandler> routes, UplinkHandler defaultRoute,
            ServedRelations served, Executor afterSentExecutor) {
        this.connector = connector;
        this.routes = routes;
        this.defaultRoute = defaultRoute;
        this.served = served;
        this.afterSentExecutor = afterSentExecutor;
    }

    @Override
    public void deliverRequest(Exchange exchange) {
        Request request = exchange.getRequest();
        List<String> path = request.getOptions().getUriPath();
        UplinkHandler handler = path.isEmpty() ? null : routes.get(path.get(0));
        if (handler == null) {
            handler = defaultRoute;
        }
        if (handler == null) {
            LOG.debug("No handler for /{} from {}", request.getOptions().getUriPathString(),
                    request.getSourceContext().getPeerAddress());
            exchange.sendResponse(MessageMapping.toResponse(UplinkResponse.of(CoapCode.NOT_FOUND)));
            return;
        }
        UplinkRequest uplink = MessageMapping.toUplink(connector, request);
        if (uplink == null) {
            exchange.sendResponse(MessageMapping.toResponse(UplinkResponse.of(CoapCode.METHOD_NOT_ALLOWED)));
            return;
        }
        boolean observable = uplink.method() == CoapMethod.GET || uplink.method() == CoapMethod.FETCH;
        if (observable && uplink.observe().orElse(-1) == 1) {
            served.end(exchange, EndReason.DEREGISTERED);
        }
        UplinkResponse answer;
        try {
            answer = handler.handle(uplink);
        } catch (RuntimeException e) {
            LOG.error("Handler for {} failed on {}", path.isEmpty() ? "/" : "/" + path.get(0), uplink, e);
            answer = UplinkResponse.error(CoapCode.INTERNAL_SERVER_ERROR, "internal error");
        }
        if (answer.isDropped()) {
            LOG.debug("Dropped {} unanswered, as its handler asked", uplink);
            return;
        }
        Response response = MessageMapping.toResponse(answer);
        AfterSent afterSent = null;
        if (answer.hasAfterSent()) {
            afterSent = new AfterSent(answer.afterSentAction(), afterSentExecutor);
            response.addMessageObserver(afterSent);
        }
        try {
            send(exchange, uplink, answer, response);
        } finally {
            if (afterSent != null) {
                afterSent.leave();
            }
        }
    }

    private void send(Exchange exchange, UplinkRequest uplink, UplinkResponse answer, Response response) {
        if (uplink.isObserveRegistration()) {
            Consumer<ServedObservation> onEstablished = answer.onObservationEstablished().orElse(null);
            ServedRelation relation = onEstablished == null ? null : served.establish(exchange, uplink.peer());
            if (relation != null) {
                response.getOptions().setObserve(served.nextSequence());
                exchange.sendResponse(response);
                handOver(relation, onEstablished);
                return;
            }
            served.end(exchange, EndReason.REPLACED);
        }
        exchange.sendResponse(response);
    }

    private static void handOver(ServedRelation relation, Consumer<ServedObservation> onEstablished) {
        try {
            onEstablished.accept(relation);
        } catch (RuntimeException e) {
            LOG.error("Receiver of {} failed; the observation is cancelled", relation, e);
            relation.cancel();
        }
    }

    @Override
    public void deliverResponse(Exchange exchange, Response response) {
        exchange.getRequest().setResponse(response);
    }

    /**
     * Runs the handler's follow-up once, when the response left or could not leave. When that happened while the
     * deliverer was still sending (a UDP response leaves from the calling thread), the deliverer runs it on its way
     * out, on its own thread; when it happens later (a full socket, DTLS), it is handed to the executor.
     */
    private static final class AfterSent extends MessageObserverAdapter {
        private static final int SENDING = 0;
        private static final int SENT_WHILE_SENDING = 1;
        private static final int LEFT = 2;
        private static final int DONE = 3;

        private final Runnable action;
        private final Executor executor;
        private final AtomicInteger state = new AtomicInteger(SENDING);

        AfterSent(Runnable action, Executor executor) {
            this.action = action;
            this.executor = executor;
        }

        @Override
        public void onSent(boolean retransmission) {
            fire();
        }

        @Override
        public void onSendError(Throwable error) {
            fire();
        }

        @Override
        public void onCancel() {
            fire();
        }

        private void fire() {
            if (!state.compareAndSet(SENDING, SENT_WHILE_SENDING) && state.compareAndSet(LEFT, DONE)) {
                executor.execute(this::runAction);
            }
        }

        /** The deliverer is done sending: runs the follow-up now if the response already left. */
        void leave() {
            if (!state.compareAndSet(SENDING, LEFT) && state.compareAndSet(SENT_WHILE_SENDING, DONE)) {
                runAction();
            }
        }

        private void runAction() {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("Follow-up of a response failed", e);
            }
        }
    }
}
