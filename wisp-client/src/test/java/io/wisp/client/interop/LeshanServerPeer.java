package io.wisp.client.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.leshan.core.endpoint.Protocol;
import org.eclipse.leshan.core.model.ObjectLoader;
import org.eclipse.leshan.core.model.ObjectModel;
import org.eclipse.leshan.core.node.TimestampedLwM2mNodes;
import org.eclipse.leshan.core.observation.CompositeObservation;
import org.eclipse.leshan.core.observation.Observation;
import org.eclipse.leshan.core.observation.SingleObservation;
import org.eclipse.leshan.core.request.DownlinkRequest;
import org.eclipse.leshan.core.request.SendRequest;
import org.eclipse.leshan.core.response.LwM2mResponse;
import org.eclipse.leshan.core.response.ObserveCompositeResponse;
import org.eclipse.leshan.core.response.ObserveResponse;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.LeshanServerBuilder;
import org.eclipse.leshan.server.californium.endpoint.CaliforniumServerEndpointsProvider;
import org.eclipse.leshan.server.californium.endpoint.coap.CoapServerProtocolProvider;
import org.eclipse.leshan.server.californium.endpoint.coaps.CoapsServerProtocolProvider;
import org.eclipse.leshan.server.model.VersionedModelProvider;
import org.eclipse.leshan.server.observation.ObservationListener;
import org.eclipse.leshan.server.queue.PresenceListener;
import org.eclipse.leshan.server.queue.StaticClientAwakeTimeProvider;
import org.eclipse.leshan.server.registration.Registration;
import org.eclipse.leshan.server.registration.RegistrationListener;
import org.eclipse.leshan.server.registration.RegistrationUpdate;
import org.eclipse.leshan.server.security.InMemorySecurityStore;
import org.eclipse.leshan.server.send.SendListener;

/**
 * The Leshan server (2.0.0-M15), a peer nobody on the team wrote, set up as its documentation shows: a Californium CoAP
 * endpoint on 127.0.0.1 and an ephemeral port, Leshan's own core models plus the models in the versions the test clients
 * announce (read from Wisp's bundled DDF files with Leshan's own DDF parser), and queue mode with a short awake time. It
 * records what a user of Leshan would see: registration events, notifications, Send data and presence.
 */
final class LeshanServerPeer implements AutoCloseable {
    /** Leshan's side of each registration step, in order. */
    record Event(String kind, String endpoint, Registration registration) {
    }

    /** A notification as Leshan decoded it, with when it arrived ({@link System#nanoTime()}). */
    record Notified(Observation observation, Registration registration, LwM2mResponse response, long nanos) {
    }

    /** Send data as Leshan decoded it. */
    record Sent(Registration registration, TimestampedLwM2mNodes data, SendRequest request) {
    }

    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<Notified> notifications = new CopyOnWriteArrayList<>();
    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<String> presence = new CopyOnWriteArrayList<>();
    private final LeshanServer server;
    private final InMemorySecurityStore securityStore = new InMemorySecurityStore();

    /** The server's own DTLS key and certificate chain, and the CAs it trusts for X.509 clients. */
    record Secure(PrivateKey privateKey, X509Certificate[] chain, X509Certificate[] trusted) {
    }

    LeshanServerPeer(Duration awakeTime) {
        this(awakeTime, null);
    }

    /**
     * With a CoAPs endpoint too when {@code secure} is given: Leshan's in-memory security store for the clients'
     * credentials (see {@link #securityStore()}) and the server's own key and certificate chain.
     */
    LeshanServerPeer(Duration awakeTime, Secure secure) {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        CaliforniumServerEndpointsProvider.Builder endpointsBuilder = secure == null
                ? new CaliforniumServerEndpointsProvider.Builder(new CoapServerProtocolProvider())
                : new CaliforniumServerEndpointsProvider.Builder(new CoapServerProtocolProvider(),
                        new CoapsServerProtocolProvider());
        endpointsBuilder.addEndpoint(loopback, Protocol.COAP);
        if (secure != null) {
            endpointsBuilder.addEndpoint(loopback, Protocol.COAPS);
        }
        CaliforniumServerEndpointsProvider endpoints = endpointsBuilder.build();
        List<ObjectModel> models = new ArrayList<>(ObjectLoader.loadAllDefault());
        // the versions Wisp's clients announce (Server 1.2, Device 1.2...), which Leshan M15 does not all carry
        for (int id : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 3303, 3340, 3341}) {
            models.addAll(bundled(id));
        }
        models.addAll(load(new java.io.ByteArrayInputStream(TestObjects.blobDdf()), "blob.xml"));
        LeshanServerBuilder builder = new LeshanServerBuilder().setEndpointsProviders(endpoints)
                .setObjectModelProvider(new VersionedModelProvider(models))
                .setClientAwakeTimeProvider(new StaticClientAwakeTimeProvider((int) awakeTime.toMillis()));
        if (secure != null) {
            builder.setSecurityStore(securityStore).setPrivateKey(secure.privateKey())
                    .setPublicKey(secure.chain()[0].getPublicKey()).setCertificateChain(secure.chain())
                    .setTrustedCertificates(secure.trusted());
        }
        server = builder.build();
        server.getRegistrationService().addListener(new RegistrationListener() {
            @Override
            public void registered(Registration registration, Registration previous,
                    Collection<Observation> previousObservations) {
                events.add(new Event("registered", registration.getEndpoint(), registration));
            }

            @Override
            public void updated(RegistrationUpdate update, Registration updated, Registration previous) {
                events.add(new Event("updated", updated.getEndpoint(), updated));
            }

            @Override
            public void unregistered(Registration registration, Collection<Observation> observations,
                    boolean expired, Registration newRegistration) {
                events.add(new Event(expired ? "expired" : "deregistered", registration.getEndpoint(), registration));
            }
        });
        server.getObservationService().addListener(new ObservationListener() {
            @Override
            public void newObservation(Observation observation, Registration registration) {
            }

            @Override
            public void cancelled(Observation observation) {
            }

            @Override
            public void onResponse(SingleObservation observation, Registration registration,
                    ObserveResponse response) {
                notifications.add(new Notified(observation, registration, response, System.nanoTime()));
            }

            @Override
            public void onResponse(CompositeObservation observation, Registration registration,
                    ObserveCompositeResponse response) {
                notifications.add(new Notified(observation, registration, response, System.nanoTime()));
            }

            @Override
            public void onError(Observation observation, Registration registration, Exception error) {
            }
        });
        server.getSendService().addListener(new SendListener() {
            @Override
            public void dataReceived(Registration registration, TimestampedLwM2mNodes data, SendRequest request) {
                sent.add(new Sent(registration, data, request));
            }

            @Override
            public void onError(Registration registration, String errorMessage, Exception error) {
            }
        });
        server.getPresenceService().addListener(new PresenceListener() {
            @Override
            public void onAwake(Registration registration) {
                presence.add("awake " + registration.getEndpoint());
            }

            @Override
            public void onSleeping(Registration registration) {
                presence.add("sleeping " + registration.getEndpoint());
            }
        });
        server.start();
    }

    private static List<ObjectModel> bundled(int objectId) {
        String name = objectId + ".xml";
        try (InputStream in = LeshanServerPeer.class.getResourceAsStream("/io/wisp/core/model/bundled/" + name)) {
            if (in == null) {
                throw new IllegalStateException("wisp-core bundles no " + name);
            }
            return load(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ObjectModel> load(InputStream in, String name) {
        try {
            return ObjectLoader.loadDdfFile(in, name);
        } catch (Exception e) {
            throw new IllegalStateException("Leshan cannot read " + name + ": " + e, e);
        }
    }

    LeshanServer server() {
        return server;
    }

    /** The address clients register with. */
    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(),
                server.getEndpoint(Protocol.COAP).getURI().getPort());
    }

    /** The CoAPs address (with a secure endpoint). */
    InetSocketAddress secureAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(),
                server.getEndpoint(Protocol.COAPS).getURI().getPort());
    }

    /** Where the clients' DTLS credentials go (with a secure endpoint). */
    InMemorySecurityStore securityStore() {
        return securityStore;
    }

    /** The registration Leshan holds for an endpoint, or null. */
    Registration registration(String endpoint) {
        return server.getRegistrationService().getByEndpoint(endpoint);
    }

    /** Sends a request to a registered client and waits up to 10 s for its answer (Leshan's synchronous API). */
    <T extends LwM2mResponse> T send(String endpoint, DownlinkRequest<T> request) {
        return send(endpoint, request, Duration.ofSeconds(10));
    }

    /** Sends a request to a registered client and waits up to {@code timeout} for its answer. */
    <T extends LwM2mResponse> T send(String endpoint, DownlinkRequest<T> request, Duration timeout) {
        Registration registration = registration(endpoint);
        if (registration == null) {
            throw new AssertionError("Leshan holds no registration of " + endpoint);
        }
        try {
            T response = server.send(registration, request, timeout.toMillis());
            if (response == null) {
                throw new AssertionError("no answer to " + request + " within " + timeout);
            }
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The events of an endpoint, kinds only, in order. */
    List<String> eventsOf(String endpoint) {
        return events.stream().filter(e -> e.endpoint().equals(endpoint)).map(Event::kind).toList();
    }

    /** Notifications of one observation. */
    List<Notified> notificationsOf(Observation observation) {
        return notifications.stream().filter(n -> n.observation().getId().equals(observation.getId())).toList();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
