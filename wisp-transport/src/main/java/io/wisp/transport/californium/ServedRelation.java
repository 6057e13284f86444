package io.wisp.transport.californium;

import io.wisp.transport.CoapCode;
import io.wisp.transport.DownlinkException;
import io.wisp.transport.DownlinkException.Reason;
import io.wisp.transport.Peer;
import io.wisp.transport.ServedObservation;
import io.wisp.transport.UplinkRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.network.KeyToken;
import org.eclipse.californium.core.observe.ObserveRelation;
import org.eclipse.californium.core.server.resources.ObservableResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link ServedObservation}, riding on Californium's observe machinery: it is the "observable resource" of exactly
 * one {@link ObserveRelation}, so that the stack's ObserveLayer does the RFC 7641 work (one CON in flight, a fresher
 * notification replacing the one in retransmission, Resets and timeouts cancelling the relation) while notifications
 * are plain responses sent again on the registration's exchange. Californium calls
 * {@link #removeObserveRelation} whatever ended the relation; the reason is noted just before by whoever knows it.
 */
final class ServedRelation implements ServedObservation, ObservableResource {
    private static final Logger LOG = LoggerFactory.getLogger(ServedRelation.class);

    private final ServedRelations owner;
    private final KeyToken key;
    private final Peer peer;
    private final Exchange exchange;
    private volatile ObserveRelation relation;
    private volatile boolean active = true;
    private EndReason reasonHint;
    private EndReason ended;
    private List<Consumer<EndReason>> listeners;
    private List<Pending> pending;

    ServedRelation(ServedRelations owner, KeyToken key, Peer peer, Exchange exchange) {
        this.owner = owner;
        this.key = key;
        this.peer = peer;
        this.exchange = exchange;
    }

    KeyToken key() {
        return key;
    }

    @Override
    public Peer peer() {
        return peer;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public CompletableFuture<Delivery> notify(CoapCode code, int contentFormat, byte[] payload, boolean confirmable) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(payload, "payload");
        if (contentFormat < UplinkRequest.NO_FORMAT || contentFormat > 65535) {
            throw new IllegalArgumentException("contentFormat must be in 0..65535 or NO_FORMAT, got " + contentFormat);
        }
        if (payload.length > 0 && contentFormat == UplinkRequest.NO_FORMAT && code.isSuccess()) {
            throw new IllegalArgumentException("a payload needs a content format");
        }
        boolean last = !code.isSuccess();
        Pending p = new Pending(last);
        synchronized (this) {
            if (!active) {
                p.fail(Reason.CANCELLED, "the observation has ended (" + ended + ")");
                return p.future;
            }
            if (last) {
                active = false;
                hint(EndReason.FINAL_NOTIFICATION);
            }
            if (pending == null) {
                pending = new ArrayList<>(2);
            }
            pending.add(p);
        }
        p.future.whenComplete((d, f) -> forget(p));
        byte[] bytes = payload.clone();
        exchange.execute(() -> send(p, code, contentFormat, bytes, confirmable));
        return p.future;
    }

    /** Runs on the exchange's serial executor, so sequence numbers follow the order of sending. */
    private void send(Pending p, CoapCode code, int contentFormat, byte[] payload, boolean confirmable) {
        if (p.future.isDone()) {
            return;
        }
        ObserveRelation rel = relation;
        Response response = new Response(ResponseCode.valueOf(code.value()));
        if (payload.length > 0) {
            response.setPayload(payload);
        }
        if (contentFormat != UplinkRequest.NO_FORMAT) {
            response.getOptions().setContentFormat(contentFormat);
        }
        boolean con = confirmable || rel != null && rel.check();
        response.setType(con ? Type.CON : Type.NON);
        if (!p.last) {
            response.getOptions().setObserve(owner.nextSequence());
        }
        p.response = response;
        response.addMessageObserver(p);
        exchange.sendResponse(response);
    }

    @Override
    public void cancel() {
        end(EndReason.CANCELLED);
    }

    @Override
    public void onEnd(Consumer<EndReason> listener) {
        Objects.requireNonNull(listener, "listener");
        EndReason reason;
        synchronized (this) {
            reason = ended;
            if (reason == null) {
                if (listeners == null) {
                    listeners = new ArrayList<>(2);
                }
                listeners.add(listener);
                return;
            }
        }
        run(listener, reason);
    }

    /** Ends the relation here for a reason we know; Californium cancels its part and calls back. */
    void end(EndReason reason) {
        synchronized (this) {
            hint(reason);
        }
        ObserveRelation rel = relation;
        if (rel != null) {
            rel.cancel();
        }
        finish(reason);
    }

    /** Notes why the relation is about to end; the first reason noted wins. Callers hold the lock. */
    private void hint(EndReason reason) {
        if (reasonHint == null) {
            reasonHint = reason;
        }
    }

    private synchronized void hintFromDelivery(EndReason reason) {
        hint(reason);
    }

    private void finish(EndReason fallback) {
        EndReason reason;
        List<Consumer<EndReason>> toRun;
        List<Pending> toFail;
        synchronized (this) {
            if (ended != null) {
                return;
            }
            reason = reasonHint != null ? reasonHint : fallback;
            ended = reason;
            active = false;
            toRun = listeners;
            listeners = null;
            toFail = pending == null ? List.of() : new ArrayList<>(pending);
        }
        owner.removed(this);
        LOG.debug("Observation {} of {} ended: {}", key, peer, reason);
        for (Pending p : toFail) {
            if (!(p.last && reason == EndReason.FINAL_NOTIFICATION)) {
                p.fail(Reason.CANCELLED, "the observation ended (" + reason + ")");
            }
        }
        if (toRun != null) {
            for (Consumer<EndReason> listener : toRun) {
                run(listener, reason);
            }
        }
    }

    private synchronized void forget(Pending p) {
        if (pending != null) {
            pending.remove(p);
        }
    }

    private void run(Consumer<EndReason> listener, EndReason reason) {
        try {
            listener.accept(reason);
        } catch (RuntimeException e) {
            LOG.error("End listener of observation {} failed", key, e);
        }
    }

    // --- ObservableResource: Californium's view of this one relation ---

    @Override
    public String getURI() {
        return "/" + exchange.getRequest().getOptions().getUriPathString();
    }

    /** The type of each notification is chosen in {@link #notify}; the first response follows the request. */
    @Override
    public Type getObserveType() {
        return null;
    }

    @Override
    public int getNotificationSequenceNumber() {
        return owner.nextSequence();
    }

    @Override
    public boolean isObservable() {
        return true;
    }

    @Override
    public void addObserveRelation(ObserveRelation established) {
        this.relation = established;
    }

    @Override
    public void removeObserveRelation(ObserveRelation removed) {
        finish(EndReason.UNREACHABLE);
    }

    @Override
    public int getObserverCount() {
        return active ? 1 : 0;
    }

    @Override
    public String toString() {
        return "observation " + key + " by " + peer + (active ? "" : " (ended)");
    }

    /** One notification on its way: completes the caller's future from the message's fate. */
    private final class Pending extends MessageObserverAdapter {
        final CompletableFuture<Delivery> future = new CompletableFuture<>();
        final boolean last;
        volatile Response response;
        private volatile boolean readyToSend;

        Pending(boolean last) {
            this.last = last;
        }

        void fail(Reason reason, String message) {
            future.completeExceptionally(new DownlinkException(reason, message + " (" + key + " by " + peer + ")"));
        }

        @Override
        public void onReadyToSend() {
            readyToSend = true;
        }

        @Override
        public void onSent(boolean retransmission) {
            Response r = response;
            if (r != null && !r.isConfirmable()) {
                future.complete(Delivery.SENT);
            }
        }

        @Override
        public void onAcknowledgement() {
            future.complete(Delivery.ACKNOWLEDGED);
        }

        /**
         * A Reset answers a notification that left: a NON one was sent (its Reset may be processed before the
         * connector reports the send), a CON one was refused.
         */
        @Override
        public void onReject() {
            hintFromDelivery(EndReason.REJECTED);
            Response r = response;
            if (r != null && !r.isConfirmable()) {
                future.complete(Delivery.SENT);
            } else {
                fail(Reason.REJECTED, "the observer answered with a Reset");
            }
        }

        @Override
        public void onTimeout() {
            hintFromDelivery(EndReason.UNREACHABLE);
            fail(Reason.TIMEOUT, "no acknowledgement after all retransmissions");
        }

        @Override
        public void onSendError(Throwable error) {
            hintFromDelivery(EndReason.UNREACHABLE);
            fail(Reason.SEND_FAILED, "could not send: " + error.getMessage());
        }

        /** Californium cancels a notification in retransmission when a fresher one takes its place. */
        @Override
        public void onCancel() {
            if (active && !last) {
                future.complete(Delivery.REPLACED);
            } else {
                fail(Reason.CANCELLED, "the observation ended");
            }
        }

        /** A waiting notification that a fresher one displaced completes without ever being ready to send. */
        @Override
        public void onTransferComplete() {
            if (!readyToSend) {
                future.complete(Delivery.REPLACED);
            }
        }
    }
}
