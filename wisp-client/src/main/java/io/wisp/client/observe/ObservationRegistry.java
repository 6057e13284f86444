package io.wisp.client.observe;

import io.wisp.client.object.ChangeListener;
import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observations one client holds for its servers (Core TS 1.2 §6.4, Information Reporting): it hears of value
 * changes as the object tree's {@link ChangeListener}, evaluates each concerned observation with its
 * {@link EffectiveAttributes} ({@link ChangeConditions}, {@link NotificationRule}), and hands the resulting
 * notifications to a {@link NotificationSink}. Timers — a pmin hold, pmax, a deferred (epmin) or forced (epmax)
 * evaluation — run on a shared {@link ScheduledExecutorService}, at most one pending per observation, so that
 * thousands of clients share a few threads.
 *
 * <p>While a server cannot be reached ({@link #setOnline} false: queue mode asleep, or the account disabled),
 * evaluation goes on and its notifications are kept, bounded by hqmax per observation and by a total per client, and
 * sent in order when it can be reached again; with /1/x/6 false they are discarded (Core TS 1.2 Appendix E.2,
 * resource 6; Table 7.3.2-1, hqmax).
 *
 * <p>Thread-safe: every change of state runs as a task of this registry, one at a time, on the submitting thread or
 * on a timer thread; the sink is called from those tasks, in order. The Observe response itself (the initial
 * notification) is the caller's: it passes the values it answered with.
 */
public final class ObservationRegistry implements ChangeListener {
    private static final Logger LOG = LoggerFactory.getLogger(ObservationRegistry.class);
    private static final int SERVER_OBJECT = 1;
    private static final Observation[] NONE = new Observation[0];
    private static final int[] NO_SERVERS = new int[0];

    private final NodeReader reader;
    private final NotificationSink sink;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final AttributeSource attributeSource;
    private final ServerSettingsSource settingsSource;
    private final SerialExecutor serial = new SerialExecutor();
    private final OfflineStore offlineStore;
    private volatile Observation[] all = NONE;
    private int[] offlineServers = NO_SERVERS;

    private ObservationRegistry(Builder b) {
        this.reader = Objects.requireNonNull(b.reader, "reader");
        this.sink = Objects.requireNonNull(b.sink, "sink");
        this.scheduler = Objects.requireNonNull(b.scheduler, "scheduler");
        this.clock = b.clock;
        this.attributeSource = b.attributes;
        this.settingsSource = b.settings;
        this.offlineStore = new OfflineStore(b.offlineLimit);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts an Observe of {@code path} (Core TS 1.2 §6.4.1) answered with {@code initial}, which counts as the first
     * notification. An observation with the same key is replaced.
     */
    public Observation observe(ObservationKey key, LwM2mPath path, NotificationAttributes request,
                               LwM2mNode initial) {
        Objects.requireNonNull(initial, "initial");
        Observation o = new Observation(key, List.of(Objects.requireNonNull(path, "path")), false,
                request == null ? NotificationAttributes.EMPTY : request);
        TreeMap<LwM2mPath, LwM2mNode> content = new TreeMap<>();
        content.put(path, initial);
        return start(o, content);
    }

    /**
     * Starts an Observe-Composite of {@code paths} (Core TS 1.2 §6.4.4) answered with {@code initial}, the values of
     * the paths that exist. An observation with the same key is replaced.
     */
    public Observation observeComposite(ObservationKey key, List<LwM2mPath> paths, NotificationAttributes request,
                                        Map<LwM2mPath, LwM2mNode> initial) {
        Observation o = new Observation(key, paths, true, request == null ? NotificationAttributes.EMPTY : request);
        return start(o, new TreeMap<>(Objects.requireNonNull(initial, "initial")));
    }

    /** Forgets an observation (Cancel Observation, Core TS 1.2 §6.4.3, or a RST to a notification). */
    public void cancel(ObservationKey key) {
        Objects.requireNonNull(key, "key");
        serial.execute(() -> {
            for (Observation o : all) {
                if (o.shortServerId() == key.shortServerId() && o.token() == key.token()) {
                    end(o, false);
                }
            }
        });
    }

    /** Forgets every observation of a server: it registered again, de-registered or was removed (§6.4.1). */
    public void cancelAll(int shortServerId) {
        serial.execute(() -> {
            for (Observation o : all) {
                if (o.shortServerId() == shortServerId) {
                    end(o, false);
                }
            }
        });
    }

    /** A server's attached attributes changed (Write-Attributes, §6.3.4): its observations follow them from now. */
    public void attributesChanged(int shortServerId) {
        serial.execute(() -> {
            long now = clock.millis();
            for (Observation o : all) {
                if (o.shortServerId() == shortServerId) {
                    reresolve(o, now);
                }
            }
        });
    }

    /**
     * Whether a server can be reached now. Going offline keeps later notifications for it; coming back online sends
     * the kept ones at once, oldest first, marked {@link Notification#stored()}.
     */
    public void setOnline(int shortServerId, boolean online) {
        serial.execute(() -> {
            boolean wasOffline = isOffline(shortServerId);
            if (online && wasOffline) {
                offlineServers = Arrays.stream(offlineServers).filter(s -> s != shortServerId).toArray();
                for (Notification n : offlineStore.drain(shortServerId)) {
                    emit(n.asStored());
                }
            } else if (!online && !wasOffline) {
                offlineServers = Arrays.copyOf(offlineServers, offlineServers.length + 1);
                offlineServers[offlineServers.length - 1] = shortServerId;
            }
        });
    }

    /** The observations held now, in the order they started. */
    public List<Observation> observations() {
        return List.of(all);
    }

    /** The observation with this key, if held. */
    public Optional<Observation> find(ObservationKey key) {
        for (Observation o : all) {
            if (o.shortServerId() == key.shortServerId() && o.token() == key.token()) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    @Override
    public void valuesChanged(Iterable<LwM2mPath> paths) {
        List<LwM2mPath> changed = new ArrayList<>();
        paths.forEach(p -> changed.add(Objects.requireNonNull(p, "changed path")));
        if (changed.isEmpty()) {
            return;
        }
        serial.execute(() -> {
            long now = clock.millis();
            if (changed.stream().anyMatch(p -> !p.isRoot() && p.objectId() == SERVER_OBJECT)) {
                for (Observation o : all) {
                    reresolve(o, now);
                }
            }
            for (Observation o : all) {
                int mask = 0;
                for (int k = 0; k < o.paths().size(); k++) {
                    LwM2mPath observed = o.paths().get(k);
                    for (LwM2mPath c : changed) {
                        if (c.startsWith(observed) || observed.startsWith(c)) {
                            mask |= Observation.bit(k);
                            break;
                        }
                    }
                }
                changed(o, mask, now);
            }
        });
    }

    @Override
    public void instancesChanged(int objectId) {
        serial.execute(() -> {
            long now = clock.millis();
            for (Observation o : all) {
                int mask = 0;
                for (int k = 0; k < o.paths().size(); k++) {
                    if (o.paths().get(k).objectId() == objectId) {
                        mask |= Observation.bit(k);
                    }
                }
                changed(o, mask, now);
            }
        });
    }

    private Observation start(Observation o, SortedMap<LwM2mPath, LwM2mNode> initial) {
        resolve(o);
        serial.execute(() -> add(o, initial, clock.millis()));
        return o;
    }

    private void add(Observation o, SortedMap<LwM2mPath, LwM2mNode> initial, long now) {
        find(o.key()).ifPresent(old -> end(old, false));
        o.lastNotifiedAt = now;
        o.lastEvaluatedAt = now;
        if (ObservationState.needsReferences(o)) {
            ObservationState.references(o, initial);
        }
        Observation[] grown = Arrays.copyOf(all, all.length + 1);
        grown[grown.length - 1] = o;
        all = grown;
        LOG.debug("{} started with {}", o, o.attributes());
        reschedule(o, now);
    }

    private void resolve(Observation o) {
        ServerSettings settings = settingsSource.settings(o.shortServerId());
        if (!o.isComposite()) {
            o.attributes(EffectiveAttributes.resolve(attributeSource, settings, o.shortServerId(), o.paths().get(0),
                    o.requestAttributes()), null);
            return;
        }
        EffectiveAttributes[] parts = new EffectiveAttributes[o.paths().size()];
        for (int k = 0; k < parts.length; k++) {
            parts[k] = EffectiveAttributes.resolve(attributeSource, settings, o.shortServerId(), o.paths().get(k),
                    o.requestAttributes());
        }
        o.attributes(EffectiveAttributes.combine(List.of(parts)), parts);
    }

    /** Resolves again; reference values start from the current ones when attributes now need them. */
    private void reresolve(Observation o, long now) {
        if (o.is(Observation.ENDED)) {
            return;
        }
        resolve(o);
        boolean needs = ObservationState.needsReferences(o);
        if (needs && o.previous == null) {
            ObservationState.references(o, read(o));
        } else if (!needs) {
            o.previous = null;
            o.notified = null;
        }
        reschedule(o, now);
    }

    private void changed(Observation o, int mask, long now) {
        if (mask == 0 || o.is(Observation.ENDED) || o.is(Observation.PENDING)) {
            return; // a held notification carries whatever is current when pmin elapses
        }
        o.changed |= mask;
        EffectiveAttributes a = o.attributes();
        if (a.epmin() > 0 && now < o.lastEvaluatedAt + a.epmin() * 1000) {
            o.set(Observation.EVALUATION_DUE, true);
        } else {
            evaluate(o, now);
        }
        reschedule(o, now);
    }

    /** Reads the observed values and notifies now, holds until pmin, or does nothing (§7.3.2). */
    private void evaluate(Observation o, long now) {
        o.lastEvaluatedAt = now;
        o.set(Observation.EVALUATION_DUE, false);
        SortedMap<LwM2mPath, LwM2mNode> content = read(o);
        if (!o.isComposite() && content.isEmpty()) {
            end(o, true);
            return;
        }
        boolean met = ObservationState.conditionMet(o, content);
        o.changed = 0;
        if (!met || o.is(Observation.PENDING)) {
            return;
        }
        Decision d = NotificationRule.decide(o.attributes(), o.lastNotifiedAt, true, now);
        if (d.kind() == Decision.Kind.NOW) {
            notifyNow(o, content, now);
        } else {
            o.set(Observation.PENDING, true);
        }
    }

    private void onTimer(Observation o, long due) {
        if (o.is(Observation.ENDED) || o.timer == null || o.timerAt != due) {
            return;
        }
        o.timer = null;
        long now = clock.millis();
        EffectiveAttributes a = o.attributes();
        boolean pmaxDue = a.pmax() > 0 && now >= o.lastNotifiedAt + a.pmax() * 1000;
        boolean pminDue = o.is(Observation.PENDING) && now >= o.lastNotifiedAt + a.pmin() * 1000;
        if (pmaxDue || pminDue) {
            SortedMap<LwM2mPath, LwM2mNode> content = read(o);
            if (!o.isComposite() && content.isEmpty()) {
                end(o, true);
                return;
            }
            notifyNow(o, content, now);
        } else if (o.is(Observation.EVALUATION_DUE) && now >= o.lastEvaluatedAt + a.epmin() * 1000
                || a.epmax() > 0 && now >= o.lastEvaluatedAt + a.epmax() * 1000) {
            evaluate(o, now);
            if (o.is(Observation.ENDED)) {
                return;
            }
        }
        reschedule(o, now);
    }

    private void notifyNow(Observation o, SortedMap<LwM2mPath, LwM2mNode> content, long now) {
        o.lastNotifiedAt = now;
        o.set(Observation.PENDING, false);
        o.set(Observation.EVALUATION_DUE, false);
        o.changed = 0;
        if (o.previous != null) {
            ObservationState.references(o, content);
        }
        Notification n = new Notification(o, Instant.ofEpochMilli(now), content, o.attributes().confirmable(),
                false);
        if (!isOffline(o.shortServerId())) {
            emit(n);
        } else if (settingsSource.settings(o.shortServerId()).storeWhileOffline()) {
            Notification kept = ObservationState.historical(n);
            if (kept != null) {
                offlineStore.add(kept, o.attributes().hqmax());
            }
        }
    }

    private void emit(Notification n) {
        try {
            sink.send(n);
        } catch (RuntimeException e) {
            LOG.warn("Notification sink failed for {}", n.observation(), e);
        }
    }

    private SortedMap<LwM2mPath, LwM2mNode> read(Observation o) {
        TreeMap<LwM2mPath, LwM2mNode> content = new TreeMap<>();
        for (LwM2mPath p : o.paths()) {
            reader.read(o.shortServerId(), p).ifPresent(node -> content.put(p, node));
        }
        return content;
    }

    /** Keeps one timer per observation: an earlier one already set is kept and re-armed when it fires. */
    private void reschedule(Observation o, long now) {
        long due = o.is(Observation.ENDED) ? Long.MAX_VALUE : ObservationState.nextDue(o);
        if (due == Long.MAX_VALUE) {
            cancelTimer(o);
            return;
        }
        if (o.timer != null && o.timerAt <= due) {
            return;
        }
        cancelTimer(o);
        o.timerAt = due;
        o.timer = scheduler.schedule(() -> serial.execute(() -> onTimer(o, due)), Math.max(0, due - now),
                TimeUnit.MILLISECONDS);
    }

    private static void cancelTimer(Observation o) {
        if (o.timer != null) {
            o.timer.cancel(false);
            o.timer = null;
        }
    }

    private void end(Observation o, boolean gone) {
        if (o.is(Observation.ENDED)) {
            return;
        }
        o.set(Observation.ENDED, true);
        cancelTimer(o);
        offlineStore.remove(o);
        all = Arrays.stream(all).filter(x -> x != o).toArray(Observation[]::new);
        LOG.debug("{} ended{}", o, gone ? ": its node is gone" : "");
        if (gone) {
            try {
                sink.ended(o);
            } catch (RuntimeException e) {
                LOG.warn("Notification sink failed ending {}", o, e);
            }
        }
    }

    private boolean isOffline(int shortServerId) {
        for (int s : offlineServers) {
            if (s == shortServerId) {
                return true;
            }
        }
        return false;
    }

    /** Configures a registry: reader, sink and scheduler are required. */
    public static final class Builder {
        private NodeReader reader;
        private NotificationSink sink;
        private ScheduledExecutorService scheduler;
        private Clock clock = Clock.systemUTC();
        private AttributeSource attributes = AttributeSource.NONE;
        private ServerSettingsSource settings = ServerSettingsSource.DEFAULTS;
        private int offlineLimit = 64;

        private Builder() {
        }

        /** Reads observed values (required). */
        public Builder reader(NodeReader reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /** Receives notifications (required). */
        public Builder sink(NotificationSink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Runs the timers (required); shared by many registries. A {@code ScheduledThreadPoolExecutor} should have
         * {@code setRemoveOnCancelPolicy(true)} so that cancelled timers do not stay queued.
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** The time notifications are stamped with and timers count from; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where attached attributes come from; none by default. */
        public Builder attributes(AttributeSource attributes) {
            this.attributes = Objects.requireNonNull(attributes, "attributes");
            return this;
        }

        /** Where server account defaults come from; {@link ServerSettings#DEFAULTS} by default. */
        public Builder serverSettings(ServerSettingsSource settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The most notifications kept for all servers while offline, oldest dropped first; 64 by default. */
        public Builder offlineLimit(int offlineLimit) {
            if (offlineLimit < 1) {
                throw new IllegalArgumentException("offlineLimit must be at least 1, got " + offlineLimit);
            }
            this.offlineLimit = offlineLimit;
            return this;
        }

        public ObservationRegistry build() {
            return new ObservationRegistry(this);
        }
    }
}
