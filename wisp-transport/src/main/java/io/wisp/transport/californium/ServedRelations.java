package io.wisp.transport.californium;

import io.wisp.transport.Peer;
import io.wisp.transport.ServedObservation.EndReason;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.network.KeyToken;
import org.eclipse.californium.core.observe.ObserveManager;
import org.eclipse.californium.core.observe.ObserveRelation;
import org.eclipse.californium.elements.config.Configuration;

/**
 * The observations peers hold on one connector (RFC 7641 from the observed side), keyed like RFC 7641 §4.1 says: by
 * the observer's endpoint and token. Californium's {@link ObserveManager} keeps the relations per observer, so that a
 * timed-out CON notification ends every observation of that observer (RFC 7641 §4.5); this class keeps the
 * {@link ServedRelation}s to say why one ended.
 *
 * <p>Observe values come from one 24-bit counter per connector, as Californium numbers per resource: a
 * registration repeated with the same token continues above the values the observer has already seen.
 */
final class ServedRelations {
    private static final int SEQUENCE_MASK = 0xFFFFFF;

    private final ObserveManager manager;
    private final ConcurrentHashMap<KeyToken, ServedRelation> relations = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    ServedRelations(Configuration stackConfig) {
        this.manager = new ObserveManager(stackConfig);
    }

    /**
     * Establishes an observation on a registration's exchange, replacing one with the same key; returns
     * {@code null} when the manager is full (its limit of observations reached). Runs on the exchange's executor,
     * before the first response is sent.
     */
    ServedRelation establish(Exchange exchange, Peer peer) {
        KeyToken key = ObserveRelation.getKeyToken(exchange);
        ServedRelation previous = relations.get(key);
        if (previous != null) {
            previous.end(EndReason.REPLACED);
        }
        ServedRelation served = new ServedRelation(this, key, peer, exchange);
        manager.addObserveRelation(exchange, served);
        if (exchange.getRelation() == null) {
            return null;
        }
        served.addObserveRelation(exchange.getRelation());
        exchange.getRequest().setProtectFromOffload();
        relations.put(key, served);
        return served;
    }

    /**
     * Ends the observation the request's endpoint and token name, if any: a deregistration ({@code Observe: 1}), or
     * a registration answered without establishing one.
     */
    void end(Exchange exchange, EndReason reason) {
        ServedRelation served = relations.get(ObserveRelation.getKeyToken(exchange));
        if (served != null) {
            served.end(reason);
        }
    }

    /** Ends every observation, when the transport stops. */
    void endAll(EndReason reason) {
        for (ServedRelation served : new ArrayList<>(relations.values())) {
            served.end(reason);
        }
    }

    void removed(ServedRelation served) {
        relations.remove(served.key(), served);
    }

    int nextSequence() {
        return sequence.incrementAndGet() & SEQUENCE_MASK;
    }

    int size() {
        return relations.size();
    }
}
