package io.wisp.app.http.device;

import io.wisp.app.persistence.QueuedRequestStore;
import io.wisp.app.persistence.StoredRequest;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.Registrations;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the stored API calls of {@link RequestJournal} again when the server starts, after the registrations came
 * back, oldest first, through the API itself: the same parsing and checks as the first time, and the requests join
 * the queues of their still-sleeping clients in their original order (Core TS §6.5). Their results are published as
 * {@code request-result} events when the clients wake up. Calls whose time ran out, whose registration is gone, or
 * that the API now refuses are dropped with a log line.
 */
public final class RequestReplay {
    private static final Logger LOG = LoggerFactory.getLogger(RequestReplay.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final QueuedRequestStore store;
    private final Registrations registrations;
    private final Clock clock;

    public RequestReplay(QueuedRequestStore store, Registrations registrations, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Replays every stored call against the API at {@code address}:{@code port}, authorised by {@code bearer};
     * returns how many were queued again (or went out at once).
     */
    public int replay(InetAddress address, int port, String bearer) {
        int expired = store.removeExpired(clock.instant());
        if (expired > 0) {
            LOG.info("{} queued requests expired while the server was down", expired);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();
        String host = address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress().getHostAddress()
                : address.getHostAddress();
        String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        int replayed = 0;
        for (StoredRequest stored : store.all()) {
            Optional<Registration> registration = registrations.byEndpoint(stored.endpoint());
            if (registration.isEmpty() || !registration.get().id().equals(stored.registrationId())) {
                store.remove(stored.id());
                LOG.info("Dropped queued request {} ({}): the registration of {} ended", stored.id(),
                        stored.description(), stored.endpoint());
                continue;
            }
            if (replay(http, base, bearer, stored)) {
                replayed++;
            }
        }
        return replayed;
    }

    private boolean replay(HttpClient http, String base, String bearer, StoredRequest stored) {
        try {
            RequestJournal.Call call = RequestJournal.Call.of(stored);
            String uri = base + call.path() + (call.query().isEmpty() ? "" : "?" + call.query());
            HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(CALL_TIMEOUT)
                    .header("Authorization", "Bearer " + bearer)
                    .header(RequestJournal.RESTORED_HEADER, Long.toString(stored.id()))
                    .header("Content-Type", "application/json")
                    .method(call.method(), call.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(call.body()))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                store.remove(stored.id());
                LOG.warn("Dropped queued request {} ({}): the API refused it again with {}: {}", stored.id(),
                        stored.description(), response.statusCode(), response.body());
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            store.remove(stored.id());
            LOG.warn("Dropped queued request {} ({}): replaying it failed", stored.id(), stored.description(), e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
