package io.wisp.app.http.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.wisp.app.http.events.EventHub;
import io.wisp.core.operation.SendRequest;
import io.wisp.server.WispServer;
import io.wisp.server.observation.ObservationListener;
import io.wisp.server.observation.ObservationNotification;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.RegistrationListener;
import io.wisp.server.registration.UpdatedRegistration;
import io.wisp.server.send.SendListener;
import java.util.Optional;

/**
 * The process's metrics in the Prometheus text format ({@code GET /metrics}), counted by hand from the server's
 * events with Micrometer: registrations, updates, de-registrations, expiries, notifications, Sends, device requests
 * by operation and result, and gauges of current registrations, observations, queue depth and event streams. No
 * label carries an endpoint name: a fleet of a million clients must not make a million series.
 */
public final class ServerMetrics implements RegistrationListener, ObservationListener, SendListener {
    private final WispServer server;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter registrations;
    private final Counter updates;
    private final Counter deregistrations;
    private final Counter expiries;
    private final Counter notifications;
    private final Counter sends;

    public ServerMetrics(WispServer server, EventHub events) {
        this.server = server;
        registrations = Counter.builder("wisp.registrations").description("Registers accepted (Core TS 6.2.1)")
                .register(registry);
        updates = Counter.builder("wisp.registration.updates").description("Updates accepted (Core TS 6.2.2)")
                .register(registry);
        deregistrations = Counter.builder("wisp.deregistrations").description("De-registers (Core TS 6.2.3)")
                .register(registry);
        expiries = Counter.builder("wisp.registration.expiries")
                .description("Registrations ended by their lifetime running out").register(registry);
        notifications = Counter.builder("wisp.notifications").description("Notifications received and decoded")
                .register(registry);
        sends = Counter.builder("wisp.sends").description("Send requests received (Core TS 6.4.5)")
                .register(registry);
        Gauge.builder("wisp.registrations.active", server, s -> s.registrations().size())
                .description("Clients registered now").register(registry);
        Gauge.builder("wisp.observations.active", server, s -> s.observations().size())
                .description("Observations active now").register(registry);
        Gauge.builder("wisp.queue.depth", server, s -> s.queue().waitingCount())
                .description("Requests waiting for queue-mode clients to wake up").register(registry);
        Gauge.builder("wisp.events.subscribers", events, EventHub::subscribers)
                .description("Open event streams").register(registry);
        Gauge.builder("wisp.events.dropped", events, EventHub::dropped)
                .description("Events dropped because the event streams fell behind").register(registry);
    }

    /** Starts counting what {@code server} hears. */
    public void attach() {
        server.addRegistrationListener(this);
        server.addObservationListener(this);
        server.addSendListener(this);
    }

    public void detach() {
        server.removeRegistrationListener(this);
        server.removeObservationListener(this);
        server.removeSendListener(this);
    }

    /**
     * Counts one device request made through the API.
     *
     * @param operation the operation's name, e.g. {@code read}
     * @param result    the response code ({@code 2.05}) or the kind of failure ({@code device-timeout})
     */
    public void request(String operation, String result) {
        Counter.builder("wisp.requests").description("Device requests made through the HTTP API, by result")
                .tag("operation", operation).tag("result", result).register(registry).increment();
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void registered(Registration registration, Optional<Registration> replaced) {
        registrations.increment();
    }

    @Override
    public void updated(UpdatedRegistration update) {
        updates.increment();
    }

    @Override
    public void deregistered(Registration registration) {
        deregistrations.increment();
    }

    @Override
    public void expired(Registration registration) {
        expiries.increment();
    }

    @Override
    public void notified(ObservationNotification notification) {
        notifications.increment();
    }

    @Override
    public void dataReceived(Registration registration, SendRequest data) {
        sends.increment();
    }
}
