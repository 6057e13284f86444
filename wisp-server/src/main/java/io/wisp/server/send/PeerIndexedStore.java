package io.wisp.server.send;

import io.wisp.server.registration.Registration;
import io.wisp.server.registration.RegistrationStore;
import io.wisp.server.registration.UpdatedRegistration;
import io.wisp.transport.Peer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A {@link RegistrationStore} that also finds a registration by the peer it talks from. A Send ({@code POST /dp},
 * Core TS §6.4.5) names no registration: the server knows the client only by its address, or by its DTLS identity
 * on a secure connector. The index follows every change made through this store, in the same call; a registration
 * found through it is checked against the store, so an entry left stale by a change made around it is never
 * trusted.
 *
 * <p>Per registration the index holds one map node whose value is the registration's own ID string; an IPv4 peer's
 * key is one {@code Long} packing connector, address and port.
 */
public final class PeerIndexedStore implements RegistrationStore {
    private final RegistrationStore delegate;
    private final ConcurrentHashMap<Object, String> idByPeer = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> connectorNumbers = new ConcurrentHashMap<>();
    private final AtomicInteger nextConnectorNumber = new AtomicInteger();

    /** Wraps {@code delegate}, indexing the registrations it already holds. */
    public PeerIndexedStore(RegistrationStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        delegate.forEach(this::index);
    }

    /** The registration whose last Register or Update came from {@code peer}, if any. */
    public Optional<Registration> byPeer(Peer peer) {
        Object key = key(Objects.requireNonNull(peer, "peer"));
        String id = idByPeer.get(key);
        if (id == null) {
            return Optional.empty();
        }
        return delegate.byId(id).filter(r -> key.equals(key(r)));
    }

    @Override
    public Optional<Registration> add(Registration registration) {
        Optional<Registration> replaced = delegate.add(registration);
        replaced.ifPresent(this::unindex);
        index(registration);
        return replaced;
    }

    @Override
    public Optional<UpdatedRegistration> update(String id, UnaryOperator<Registration> change) {
        Optional<UpdatedRegistration> result = delegate.update(id, change);
        result.ifPresent(u -> {
            if (!key(u.previous()).equals(key(u.current()))) {
                unindex(u.previous());
                index(u.current());
            }
        });
        return result;
    }

    @Override
    public Optional<Registration> remove(String id) {
        Optional<Registration> removed = delegate.remove(id);
        removed.ifPresent(this::unindex);
        return removed;
    }

    @Override
    public List<Registration> removeExpired(Instant now) {
        List<Registration> expired = delegate.removeExpired(now);
        expired.forEach(this::unindex);
        return expired;
    }

    @Override
    public Optional<Registration> byId(String id) {
        return delegate.byId(id);
    }

    @Override
    public Optional<Registration> byEndpoint(String endpoint) {
        return delegate.byEndpoint(endpoint);
    }

    @Override
    public void forEach(Consumer<Registration> action) {
        delegate.forEach(action);
    }

    @Override
    public int size() {
        return delegate.size();
    }

    private void index(Registration r) {
        idByPeer.put(key(r), r.id());
    }

    private void unindex(Registration r) {
        idByPeer.remove(key(r), r.id());
    }

    /** The authenticated identity when there is one (it survives address changes), else connector and address. */
    private Object key(Peer peer) {
        if (peer.identity() != null) {
            return identityKey(peer.connector(), peer.identity());
        }
        byte[] ip = peer.address().getAddress().getAddress();
        if (ip.length == 4) {
            long packed = (ip[0] & 0xFFL) << 24 | (ip[1] & 0xFFL) << 16 | (ip[2] & 0xFFL) << 8 | ip[3] & 0xFFL;
            return ipv4Key(peer.connector(), packed, peer.address().getPort());
        }
        return ipv6Key(peer);
    }

    /** The same key as {@link #key(Peer)} of the registration's peer, without building that peer when it can. */
    private Object key(Registration r) {
        if (r.identity() != null) {
            return identityKey(r.connector(), r.identity());
        }
        long ipv4 = r.ipv4Address();
        return ipv4 < 0 ? ipv6Key(r.peer()) : ipv4Key(r.connector(), ipv4, r.port());
    }

    private static Object identityKey(String connector, Object identity) {
        return connector + "\u0000id\u0000" + identity;
    }

    private Object ipv4Key(String connectorName, long packed, int port) {
        Integer connector = connectorNumbers.get(connectorName);
        if (connector == null) {
            connector = connectorNumbers.computeIfAbsent(connectorName, c -> nextConnectorNumber.getAndIncrement());
        }
        return (long) connector << 48 | packed << 16 | port;
    }

    private static Object ipv6Key(Peer peer) {
        return peer.connector() + "\u0000" + peer.address();
    }
}
