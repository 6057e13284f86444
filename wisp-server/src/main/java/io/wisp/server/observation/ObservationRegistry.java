package io.wisp.server.observation;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.operation.Observation;
import io.wisp.core.operation.ObservationId;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.downlink.DownlinkTarget;
import io.wisp.server.downlink.ObserveCompositeMapping;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.RegistrationListener;
import io.wisp.server.registration.Registrations;
import io.wisp.server.registration.UpdatedRegistration;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.Notification;
import io.wisp.transport.NotificationHandler;
import io.wisp.transport.ObservationToken;
import io.wisp.transport.Observations;
import io.wisp.transport.Peer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observations the server holds, per registration (Core TS §6.4). It decodes each notification in the format
 * its Content-Format names and hands it to the listeners, and it follows the registrations: a new Register of the
 * same client, a De-register or an expiry ends their observations (they are forgotten, so the client's next
 * notification gets a Reset); an Update from a new address moves them there, so that they keep working behind a
 * NAT that changed the client's port (Core TS §6.2.2).
 *
 * <p>Per observation: one {@link Entry} (registration ID, paths, format) and two map nodes; the CoAP side keeps its
 * own small entry in the transport.
 */
public final class ObservationRegistry implements RegistrationListener {
    private static final Logger LOG = LoggerFactory.getLogger(ObservationRegistry.class);
    private static final Set<ContentFormat> TIMESTAMPED =
            Set.of(ContentFormat.SENML_JSON, ContentFormat.SENML_CBOR, ContentFormat.LWM2M_CBOR);

    /** One observation as the server knows it: enough to name it and decode its notifications. */
    final class Entry implements NotificationHandler {
        final String registrationId;
        final List<LwM2mPath> paths;
        final boolean composite;
        final ContentFormat format;
        volatile Observation observation;

        private Entry(String registrationId, List<LwM2mPath> paths, boolean composite, ContentFormat format) {
            this.registrationId = registrationId;
            this.paths = List.copyOf(paths);
            this.composite = composite;
            this.format = format;
        }

        @Override
        public void onNotification(Notification notification) {
            notified(this, notification);
        }

        Observation observation(ObservationToken token) {
            Observation o = observation;
            return o != null ? o
                    : new Observation(new ObservationId(token.value()), registrationId, paths, composite);
        }
    }

    private final Observations transport;
    private final Registrations registrations;
    private final ObservationListener events;
    private final ObjectModels models;
    private final Codecs codecs;
    private final Clock clock;
    private final ConcurrentHashMap<ObservationToken, Entry> byToken = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<ObservationToken>> byRegistration = new ConcurrentHashMap<>();

    public ObservationRegistry(Observations transport, Registrations registrations, ObservationListener events,
            ObjectModels models, Codecs codecs, Clock clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.events = Objects.requireNonNull(events, "events");
        this.models = Objects.requireNonNull(models, "models");
        this.codecs = Objects.requireNonNull(codecs, "codecs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An observation about to be requested; it becomes active with {@link #activate}. */
    Entry pending(String registrationId, List<LwM2mPath> paths, boolean composite, ContentFormat format) {
        return new Entry(registrationId, paths, composite, format);
    }

    /**
     * Makes an established observation active and returns it; {@code null} when its registration ended meanwhile
     * (it is then forgotten). {@code sentTo} is the address the observe went to: if the client moved since, the
     * observation follows it.
     */
    Observation activate(Entry entry, ObservationToken token, Peer sentTo) {
        Observation observation = entry.observation(token);
        entry.observation = observation;
        byToken.put(token, entry);
        byRegistration.compute(entry.registrationId, (id, tokens) -> with(tokens, token));
        Registration current = registrations.byId(entry.registrationId).orElse(null);
        if (current == null) {
            detach(token);
            transport.forget(token);
            return null;
        }
        if (!current.peer().equals(sentTo)) {
            transport.rebind(token, current.peer());
        }
        events.started(observation, current, entry.format);
        return observation;
    }

    /**
     * Takes up an observation made before a restart, with the CoAP request it was made with; returns false when its
     * token is active already.
     */
    boolean restore(Observation observation, ContentFormat format, Registration registration,
            DownlinkRequest request) {
        Entry entry = new Entry(observation.registrationId(), observation.paths(), observation.composite(), format);
        entry.observation = observation;
        ObservationToken token = new ObservationToken(observation.id().token());
        if (!transport.restore(token, registration.peer(), request, entry)) {
            return false;
        }
        byToken.put(token, entry);
        byRegistration.compute(entry.registrationId, (id, tokens) -> with(tokens, token));
        return true;
    }

    /** The format an active observation's notifications are expected in. */
    Optional<ContentFormat> format(ObservationId id) {
        Entry e = byToken.get(new ObservationToken(id.token()));
        return e == null ? Optional.empty() : Optional.of(e.format);
    }

    /**
     * Ends an active observation: forgets it (the transport too, unless it was {@code CANCELLED}, which the transport
     * already did) and tells the listeners. Returns whether it was active.
     */
    boolean end(ObservationId id, ObservationEnd reason) {
        ObservationToken token = new ObservationToken(id.token());
        Entry e = detach(token);
        if (reason != ObservationEnd.CANCELLED) {
            transport.forget(token);
        }
        if (e == null) {
            return false;
        }
        events.ended(e.observation, reason);
        return true;
    }

    /** The active observations of a registration. */
    public List<Observation> of(String registrationId) {
        List<Observation> out = new ArrayList<>();
        for (ObservationToken t : byRegistration.getOrDefault(registrationId, List.of())) {
            Entry e = byToken.get(t);
            if (e != null) {
                out.add(e.observation);
            }
        }
        return out;
    }

    /** The active observation with this ID. */
    public Optional<Observation> byId(ObservationId id) {
        Entry e = byToken.get(new ObservationToken(id.token()));
        return e == null ? Optional.empty() : Optional.of(e.observation);
    }

    /** How many observations are active. */
    public int size() {
        return byToken.size();
    }

    @Override
    public void registered(Registration registration, Optional<Registration> replaced) {
        replaced.ifPresent(r -> endAll(r.id()));
    }

    @Override
    public void updated(UpdatedRegistration update) {
        Peer now = update.current().peer();
        if (!update.previous().peer().equals(now)) {
            for (ObservationToken t : byRegistration.getOrDefault(update.current().id(), List.of())) {
                transport.rebind(t, now);
            }
        }
    }

    @Override
    public void deregistered(Registration registration) {
        endAll(registration.id());
    }

    @Override
    public void expired(Registration registration) {
        endAll(registration.id());
    }

    private void endAll(String registrationId) {
        List<ObservationToken> tokens = byRegistration.remove(registrationId);
        if (tokens == null) {
            return;
        }
        for (ObservationToken t : tokens) {
            Entry e = byToken.remove(t);
            transport.forget(t);
            if (e != null) {
                events.ended(e.observation, ObservationEnd.REGISTRATION_ENDED);
            }
        }
    }

    private Entry detach(ObservationToken token) {
        Entry e = byToken.remove(token);
        if (e != null) {
            byRegistration.computeIfPresent(e.registrationId, (id, tokens) -> without(tokens, token));
        }
        return e;
    }

    private void notified(Entry entry, Notification n) {
        Observation observation = entry.observation(n.token());
        Registration registration = registrations.byId(entry.registrationId).orElse(null);
        if (registration == null) {
            LOG.debug("Notification {} of ended registration {} dropped", n, entry.registrationId);
            detach(n.token());
            transport.forget(n.token());
            return;
        }
        if (!n.code().isSuccess()) {
            LOG.debug("{} ended by {}", observation, n);
            if (detach(n.token()) != null) {
                events.ended(observation, ObservationEnd.ENDED_BY_CLIENT);
            }
            return;
        }
        ContentFormat format = n.contentFormat().isPresent() ? ContentFormat.of(n.contentFormat().getAsInt())
                : entry.format;
        byte[] payload = n.payload();
        try {
            SortedMap<LwM2mPath, LwM2mNode> content = decode(entry, registration, format, payload);
            List<TimestampedNodes> timestamped = TIMESTAMPED.contains(format)
                    ? codecs.decodeTimestamped(format, payload, models)
                    : List.of(TimestampedNodes.of(null, content));
            events.notified(new ObservationNotification(observation, registration, format, content, timestamped,
                    clock.instant()));
        } catch (CodecException | IllegalArgumentException e) {
            LOG.debug("Notification {} of {} does not decode: {}", n, observation, e.getMessage());
            events.notificationFailed(observation, registration, e);
        }
        if (n.isFinal() && detach(n.token()) != null) {
            events.ended(observation, ObservationEnd.ENDED_BY_CLIENT);
        }
    }

    private SortedMap<LwM2mPath, LwM2mNode> decode(Entry entry, Registration registration, ContentFormat format,
            byte[] payload) {
        if (entry.composite) {
            return ObserveCompositeMapping.content(entry.paths, format, payload,
                    new DownlinkTarget(registration, models, codecs));
        }
        LwM2mPath path = entry.paths.get(0);
        TreeMap<LwM2mPath, LwM2mNode> one = new TreeMap<>();
        one.put(path, codecs.decode(format, payload, path, models));
        return one;
    }

    private static List<ObservationToken> with(List<ObservationToken> tokens, ObservationToken token) {
        List<ObservationToken> out = new ArrayList<>(tokens == null ? List.of() : tokens);
        out.add(token);
        return List.copyOf(out);
    }

    private static List<ObservationToken> without(List<ObservationToken> tokens, ObservationToken token) {
        List<ObservationToken> out = new ArrayList<>(tokens);
        out.remove(token);
        return out.isEmpty() ? null : List.copyOf(out);
    }
}
