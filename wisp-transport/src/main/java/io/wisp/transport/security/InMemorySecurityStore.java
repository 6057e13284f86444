package io.wisp.transport.security;

import io.wisp.transport.PeerIdentity;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SecurityStore} in memory: two concurrent maps, by endpoint and by identity. Lookups (one per handshake
 * and per Register) take no lock; changes are serialized so that both maps always agree.
 */
public final class InMemorySecurityStore implements SecurityStore {
    private final ConcurrentHashMap<String, SecurityInfo> byEndpoint = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<PeerIdentity, SecurityInfo> byIdentity = new ConcurrentHashMap<>();

    @Override
    public synchronized Optional<SecurityInfo> add(SecurityInfo info) {
        Objects.requireNonNull(info, "info");
        SecurityInfo owner = byIdentity.get(info.identity());
        if (owner != null && !owner.endpoint().equals(info.endpoint())) {
            throw new IllegalArgumentException("identity " + info.identity() + " is already bound to endpoint '"
                    + owner.endpoint() + "'");
        }
        SecurityInfo previous = byEndpoint.put(info.endpoint(), info);
        if (previous != null) {
            byIdentity.remove(previous.identity(), previous);
        }
        byIdentity.put(info.identity(), info);
        return Optional.ofNullable(previous);
    }

    @Override
    public synchronized boolean remove(String endpoint) {
        SecurityInfo removed = byEndpoint.remove(Objects.requireNonNull(endpoint, "endpoint"));
        if (removed == null) {
            return false;
        }
        byIdentity.remove(removed.identity(), removed);
        return true;
    }

    @Override
    public List<CredentialSummary> list() {
        return byEndpoint.values().stream().map(SecurityInfo::summary)
                .sorted(Comparator.comparing(CredentialSummary::endpoint)).toList();
    }

    @Override
    public Optional<SecurityInfo> byEndpoint(String endpoint) {
        return Optional.ofNullable(byEndpoint.get(Objects.requireNonNull(endpoint, "endpoint")));
    }

    @Override
    public Optional<SecurityInfo> byIdentity(PeerIdentity identity) {
        return Optional.ofNullable(byIdentity.get(Objects.requireNonNull(identity, "identity")));
    }
}
