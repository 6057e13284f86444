package io.wisp.transport.californium;

import io.wisp.transport.DownlinkException;
import io.wisp.transport.DownlinkException.Reason;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.NotificationHandler;
import io.wisp.transport.ObservationToken;
import io.wisp.transport.Observations;
import io.wisp.transport.ObserveResult;
import io.wisp.transport.Peer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.network.TokenGenerator;
import org.eclipse.californium.core.network.TokenGenerator.Scope;

/**
 * {@link Observations} on Californium endpoints. Observe tokens are long-term tokens of the endpoints' generator, so
 * that Californium matches notifications by token alone, whatever address they come from; the
 * {@link ObservationTable} then decides, by the entry's current peer, which address is accepted.
 */
final class EndpointObservations implements Observations {
    private final EndpointDownlinkSender sender;
    private final ObservationTable table;
    private final TokenGenerator tokens;

    EndpointObservations(EndpointDownlinkSender sender, ObservationTable table, TokenGenerator tokens) {
        this.sender = sender;
        this.table = table;
        this.tokens = tokens;
    }

    @Override
    public CompletableFuture<ObserveResult> observe(Peer peer, DownlinkRequest request, Duration timeout,
            NotificationHandler handler) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(handler, "handler");
        checkTimeout(timeout);
        ObservationTable.Entry entry;
        do {
            entry = new ObservationTable.Entry(newToken(), peer, request, handler);
        } while (!table.add(entry));
        ObservationTable.Entry added = entry;
        Request coap = added.coapRequest(true);
        FirstResponse first = new FirstResponse(added);
        coap.addMessageObserver(first);
        CompletableFuture<DownlinkResponse> exchange = sender.exchange(peer, coap, request, timeout);
        CompletableFuture<ObserveResult> result = new CompletableFuture<>();
        exchange.whenComplete((response, failure) -> {
            if (failure != null || !first.established) {
                table.remove(added);
            }
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(new ObserveResult(added.token, response, first.established));
            }
        });
        result.whenComplete((r, failure) -> {
            if (failure != null) {
                exchange.cancel(false);
            }
        });
        return result;
    }

    @Override
    public CompletableFuture<DownlinkResponse> cancel(ObservationToken token, Duration timeout) {
        Objects.requireNonNull(token, "token");
        checkTimeout(timeout);
        ObservationTable.Entry entry = table.remove(token);
        if (entry == null) {
            return CompletableFuture.failedFuture(
                    new DownlinkException(Reason.CANCELLED, "no observation with token " + token));
        }
        dropPendingExchanges(entry);
        return sender.exchange(entry.peer, entry.coapRequest(false), entry.request, timeout);
    }

    @Override
    public boolean forget(ObservationToken token) {
        ObservationTable.Entry entry = table.remove(Objects.requireNonNull(token, "token"));
        if (entry == null) {
            return false;
        }
        dropPendingExchanges(entry);
        return true;
    }

    @Override
    public boolean rebind(ObservationToken token, Peer peer) {
        Objects.requireNonNull(peer, "peer");
        ObservationTable.Entry entry = table.entry(Objects.requireNonNull(token, "token"));
        if (entry == null) {
            return false;
        }
        entry.peer = peer;
        return true;
    }

    @Override
    public boolean restore(ObservationToken token, Peer peer, DownlinkRequest request, NotificationHandler handler) {
        return table.add(new ObservationTable.Entry(Objects.requireNonNull(token, "token"),
                Objects.requireNonNull(peer, "peer"), Objects.requireNonNull(request, "request"),
                Objects.requireNonNull(handler, "handler")));
    }

    @Override
    public int size() {
        return table.size();
    }

    /** Stops a still unanswered observe request and any block-wise notification transfer of this token. */
    private void dropPendingExchanges(ObservationTable.Entry entry) {
        Endpoint endpoint = sender.endpoint(entry.peer.connector());
        if (endpoint != null) {
            endpoint.cancelObservation(Token.fromProvider(entry.token.bytes()));
        }
    }

    private ObservationToken newToken() {
        ObservationToken token = ObservationToken.ofBytes(tokens.createToken(Scope.LONG_TERM).getBytes());
        if (token == null) {
            throw new IllegalStateException("the token generator must make 8-byte tokens");
        }
        return token;
    }

    private static void checkTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /** Notes whether the first response established the observation, and its sequence number. */
    private static final class FirstResponse extends MessageObserverAdapter {
        private final ObservationTable.Entry entry;
        volatile boolean established;

        FirstResponse(ObservationTable.Entry entry) {
            this.entry = entry;
        }

        @Override
        public void onResponse(Response response) {
            if (response.isSuccess() && response.getOptions().hasObserve()) {
                entry.started(response.getOptions().getObserve(), System.nanoTime());
                established = true;
            }
        }
    }
}
