package io.wisp.client.observe;

import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;

/**
 * One observation at the client: an Observe of one path or an Observe-Composite of several (Core TS 1.2 §6.4.1,
 * §6.4.4), by one server, with the attributes of its request. Its identity and {@link #attributes()} may be read
 * from any thread; its evaluation state belongs to the {@link ObservationRegistry} that holds it and is kept small
 * (the fleet simulator holds tens of thousands): two times, a few flags, one pending timer, and the reference
 * values only when change conditions or epmax need them.
 */
public final class Observation {
    static final int PENDING = 1;
    static final int EVALUATION_DUE = 2;
    static final int ENDED = 4;

    private final int shortServerId;
    private final long token;
    private final List<LwM2mPath> paths;
    private final boolean composite;
    private final NotificationAttributes requestAttributes;

    private volatile EffectiveAttributes attributes;
    /** Per path, for a composite observation; null for a single one. */
    EffectiveAttributes[] parts;
    /** The value at the previous evaluation and at the last notification, per path; null when not needed. */
    LwM2mNode[] previous;
    LwM2mNode[] notified;
    long lastNotifiedAt;
    long lastEvaluatedAt;
    /** Paths with a reported change not yet evaluated: bit k for path k, bit 31 for all paths from 31 on. */
    int changed;
    int flags;
    int stored;
    ScheduledFuture<?> timer;
    long timerAt;

    Observation(ObservationKey key, List<LwM2mPath> paths, boolean composite, NotificationAttributes request) {
        Objects.requireNonNull(key, "key");
        this.shortServerId = key.shortServerId();
        this.token = key.token();
        this.paths = List.copyOf(Objects.requireNonNull(paths, "paths"));
        if (this.paths.isEmpty()) {
            throw new IllegalArgumentException("paths: an observation has at least one path");
        }
        if (!composite && this.paths.size() != 1) {
            throw new IllegalArgumentException("paths: an Observe has one path, got " + this.paths);
        }
        if (composite && new HashSet<>(this.paths).size() != this.paths.size()) {
            throw new IllegalArgumentException("paths: " + this.paths + " lists a path twice");
        }
        for (LwM2mPath p : this.paths) {
            if (p.isRoot()) {
                throw new IllegalArgumentException("paths: nothing observes the root path");
            }
        }
        this.composite = composite;
        this.requestAttributes = Objects.requireNonNull(request, "request attributes");
    }

    public int shortServerId() {
        return shortServerId;
    }

    public long token() {
        return token;
    }

    public ObservationKey key() {
        return new ObservationKey(shortServerId, token);
    }

    /** The observed paths: one for an Observe, the listed ones in request order for an Observe-Composite. */
    public List<LwM2mPath> paths() {
        return paths;
    }

    public boolean isComposite() {
        return composite;
    }

    /** The attributes given in the request itself (LwM2M 1.2), possibly empty. */
    public NotificationAttributes requestAttributes() {
        return requestAttributes;
    }

    /** The attributes in force (for a composite observation, its combined timing; see {@link EffectiveAttributes}). */
    public EffectiveAttributes attributes() {
        return attributes;
    }

    void attributes(EffectiveAttributes resolved, EffectiveAttributes[] perPath) {
        this.attributes = resolved;
        this.parts = perPath;
    }

    /** The attributes of path {@code k}: its own for a composite observation. */
    EffectiveAttributes part(int k) {
        return parts == null ? attributes : parts[k];
    }

    static int bit(int k) {
        return 1 << Math.min(k, 31);
    }

    boolean is(int flag) {
        return (flags & flag) != 0;
    }

    void set(int flag, boolean on) {
        flags = on ? flags | flag : flags & ~flag;
    }

    @Override
    public String toString() {
        return (composite ? "Observe-Composite " : "Observe ") + (composite ? paths : paths.get(0)) + " by server "
                + shortServerId + " token " + Long.toHexString(token);
    }
}
