package io.wisp.server.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The default {@link RegistrationStore}: two hash maps and a timing wheel, sized for a million registrations.
 *
 * <p>Per registration it holds one {@link Entry} (the current immutable {@link Registration} plus its expiry-wheel
 * links, 32 bytes), one map node by ID and one by endpoint name whose key and value are the registration's own
 * strings. Expiry is one {@link ExpiryWheel} swept by the server's single periodic task: an Update moves the entry
 * to its new slot in O(1), and the sweep only looks at the slots whose second has passed.
 *
 * <p>Concurrency: operations on one ID are serialized by the ID map's per-key locking; the endpoint map is only
 * ever locked first or alone, so the two never deadlock.
 */
public final class InMemoryRegistrationStore implements RegistrationStore {
    private static final int SLOTS = 4096;
    private static final long TICK_MILLIS = 1000;

    /** The stored form of one registration: its current version and its place in the expiry wheel. */
    private static final class Entry extends ExpiryWheel.Node {
        volatile Registration registration;

        Entry(Registration registration) {
            this.registration = registration;
        }
    }

    private final ConcurrentHashMap<String, Entry> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> idByEndpoint = new ConcurrentHashMap<>();
    private final ExpiryWheel wheel;

    /** A store whose expiry wheel starts at the current time of the system clock. */
    public InMemoryRegistrationStore() {
        this(Clock.systemUTC());
    }

    /** A store whose expiry wheel starts at {@code clock}'s current time (tests pass a controllable clock). */
    public InMemoryRegistrationStore(Clock clock) {
        this.wheel = new ExpiryWheel(SLOTS, TICK_MILLIS, clock.millis());
    }

    @Override
    public Optional<Registration> add(Registration registration) {
        Entry entry = new Entry(registration);
        Registration[] replaced = new Registration[1];
        idByEndpoint.compute(registration.endpoint(), (endpoint, oldId) -> {
            if (byId.putIfAbsent(registration.id(), entry) != null) {
                throw new IllegalArgumentException("registration ID " + registration.id() + " is already in use");
            }
            if (oldId != null) {
                Entry old = byId.remove(oldId);
                if (old != null) {
                    wheel.cancel(old);
                    replaced[0] = old.registration;
                }
            }
            wheel.schedule(entry, registration.expiresAtMillis());
            return registration.id();
        });
        return Optional.ofNullable(replaced[0]);
    }

    @Override
    public Optional<UpdatedRegistration> update(String id, UnaryOperator<Registration> change) {
        UpdatedRegistration[] result = new UpdatedRegistration[1];
        byId.computeIfPresent(id, (key, entry) -> {
            Registration previous = entry.registration;
            Registration next = change.apply(previous);
            if (!next.id().equals(id) || !next.endpoint().equals(previous.endpoint())) {
                throw new IllegalArgumentException("an update must keep the ID and endpoint of " + previous);
            }
            entry.registration = next;
            wheel.schedule(entry, next.expiresAtMillis());
            result[0] = new UpdatedRegistration(previous, next);
            return entry;
        });
        return Optional.ofNullable(result[0]);
    }

    @Override
    public Optional<Registration> remove(String id) {
        Registration[] removed = new Registration[1];
        byId.computeIfPresent(id, (key, entry) -> {
            wheel.cancel(entry);
            removed[0] = entry.registration;
            return null;
        });
        if (removed[0] != null) {
            idByEndpoint.remove(removed[0].endpoint(), id);
        }
        return Optional.ofNullable(removed[0]);
    }

    @Override
    public List<Registration> removeExpired(Instant now) {
        long nowMillis = now.toEpochMilli();
        List<Registration> expired = new ArrayList<>();
        for (ExpiryWheel.Node node : wheel.pollDue(nowMillis)) {
            Entry due = (Entry) node;
            String id = due.registration.id();
            byId.computeIfPresent(id, (key, entry) -> {
                if (entry != due) {
                    return entry;
                }
                Registration current = entry.registration;
                if (current.expiresAtMillis() <= nowMillis) {
                    expired.add(current);
                    return null;
                }
                wheel.schedule(entry, current.expiresAtMillis());
                return entry;
            });
        }
        for (Registration r : expired) {
            idByEndpoint.remove(r.endpoint(), r.id());
        }
        return expired;
    }

    @Override
    public Optional<Registration> byId(String id) {
        Entry entry = byId.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.registration);
    }

    @Override
    public Optional<Registration> byEndpoint(String endpoint) {
        String id = idByEndpoint.get(endpoint);
        return id == null ? Optional.empty() : byId(id);
    }

    @Override
    public void forEach(Consumer<Registration> action) {
        byId.values().forEach(entry -> action.accept(entry.registration));
    }

    @Override
    public int size() {
        return byId.size();
    }
}
