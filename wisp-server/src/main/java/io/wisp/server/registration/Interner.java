package io.wisp.server.registration;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Shares one instance among equal values that many registrations repeat (link payloads of a fleet of identical
 * devices, content-format lists, alternate paths). Bounded: once it holds {@code capacity} values, new ones are
 * returned as created and not remembered, so a client inventing values cannot grow it.
 */
final class Interner<K, V> {
    private final ConcurrentHashMap<K, V> values = new ConcurrentHashMap<>();
    private final int capacity;

    Interner(int capacity) {
        this.capacity = capacity;
    }

    /** The shared value for {@code key}, created by {@code create} when there is none yet. */
    V intern(K key, Function<K, V> create) {
        V known = values.get(key);
        if (known != null) {
            return known;
        }
        V made = create.apply(key);
        if (values.size() >= capacity) {
            return made;
        }
        V raced = values.putIfAbsent(key, made);
        return raced != null ? raced : made;
    }
}
