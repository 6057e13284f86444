package io.wisp.client.queue;

import io.wisp.client.object.firmware.PackageFetcher;
import io.wisp.client.object.firmware.UpdateProtocol;
import io.wisp.client.observe.Notification;
import io.wisp.client.observe.NotificationSink;
import io.wisp.client.observe.Observation;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.DownlinkSender;
import io.wisp.transport.Peer;
import io.wisp.transport.UplinkHandler;
import io.wisp.transport.UplinkRequest;
import io.wisp.transport.UplinkResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queue mode on the client's side (Core TS §6.5): puts a {@link SleepCycle} between the client and its socket. The
 * client's own requests go through {@link #sender} and wake it up; server requests reach the client through
 * {@link #handler}, which drops them unheard while it sleeps; notifications leave through {@link #sink} and count
 * as traffic; a firmware download through {@link #fetcher} keeps it awake until done. What falling asleep and waking
 * up mean for the rest of the client (holding notifications, events) is the {@link SleepCycle.Listener}'s.
 */
public final class QueueMode {
    private static final Logger LOG = LoggerFactory.getLogger(QueueMode.class);

    private final SleepCycle cycle;

    /** Hears the client go offline (asleep) and online (awake). */
    @FunctionalInterface
    public interface Presence {
        void online(boolean awake);
    }

    public QueueMode(SleepCycle cycle) {
        this.cycle = Objects.requireNonNull(cycle, "cycle");
    }

    /** Queue mode with a new sleep cycle that tells {@code presence} of each transition. */
    public static QueueMode of(Duration awakeTime, ScheduledExecutorService scheduler, Clock clock,
            Presence presence) {
        Objects.requireNonNull(presence, "presence");
        return new QueueMode(new SleepCycle(awakeTime, scheduler, clock, new SleepCycle.Listener() {
            @Override
            public void wokeUp() {
                presence.online(true);
            }

            @Override
            public void fellAsleep() {
                presence.online(false);
            }
        }));
    }

    /** The sleep cycle: whether the client sleeps now, its awake time. */
    public SleepCycle cycle() {
        return cycle;
    }

    /** The client's requests (Register, Update, De-register, Send): each wakes it up until its answer arrives. */
    public DownlinkSender sender(DownlinkSender delegate) {
        Objects.requireNonNull(delegate, "delegate");
        return (Peer peer, DownlinkRequest request, Duration timeout) -> {
            cycle.uplinkStarted();
            CompletableFuture<DownlinkResponse> answer;
            try {
                answer = delegate.send(peer, request, timeout);
            } catch (RuntimeException e) {
                cycle.uplinkEnded();
                throw e;
            }
            answer.whenComplete((response, error) -> cycle.uplinkEnded());
            return answer;
        };
    }

    /** Server requests: dropped unanswered while asleep (the radio is off), else served and counted as traffic. */
    public UplinkHandler handler(UplinkHandler delegate) {
        Objects.requireNonNull(delegate, "delegate");
        return (UplinkRequest request) -> {
            if (!cycle.heard()) {
                LOG.debug("asleep: {} from {} is not heard", request, request.peer());
                return UplinkResponse.dropped();
            }
            return delegate.handle(request);
        };
    }

    /** Notifications: each one sent is traffic that keeps the client awake a while longer. */
    public NotificationSink sink(NotificationSink delegate) {
        Objects.requireNonNull(delegate, "delegate");
        return new NotificationSink() {
            @Override
            public void send(Notification notification) {
                delegate.send(notification);
                cycle.sent();
            }

            @Override
            public void ended(Observation observation) {
                delegate.ended(observation);
                cycle.sent();
            }
        };
    }

    /** Package downloads (pull firmware delivery): the client stays awake until the download ends. */
    public PackageFetcher fetcher(PackageFetcher delegate) {
        Objects.requireNonNull(delegate, "delegate");
        return new PackageFetcher() {
            @Override
            public Set<UpdateProtocol> protocols() {
                return delegate.protocols();
            }

            @Override
            public CompletableFuture<byte[]> fetch(String uri) {
                cycle.uplinkStarted();
                CompletableFuture<byte[]> download;
                try {
                    download = delegate.fetch(uri);
                } catch (RuntimeException e) {
                    cycle.uplinkEnded();
                    throw e;
                }
                download.whenComplete((bytes, error) -> cycle.uplinkEnded());
                return download;
            }
        };
    }
}
