package io.wisp.server.queue;

import io.wisp.server.registration.ExpiryWheel;
import io.wisp.server.registration.Registration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One request in a client's queue: the caller's view ({@link QueuedRequest}) and, as a wheel node, its deadline.
 * {@code status} and {@code wasQueued} change under the owning {@link ClientQueue}'s lock and are read without it.
 */
final class QueueEntry<R> extends ExpiryWheel.Node implements QueuedRequest<R> {
    private final long id;
    private final String registrationId;
    private final String endpoint;
    private final Supplier<String> describer;
    private volatile String description;
    private final long submittedAt;
    private final long expiresAt;
    private final Dispatch<R> dispatch;
    private final DownlinkQueue owner;
    private final CompletableFuture<R> result = new CompletableFuture<>();
    private volatile Status status = Status.QUEUED;
    private volatile boolean wasQueued;

    QueueEntry(long id, Registration registration, Supplier<String> describer, long submittedAt, long expiresAt,
            Dispatch<R> dispatch, DownlinkQueue owner) {
        this.id = id;
        this.registrationId = registration.id();
        this.endpoint = registration.endpoint();
        this.describer = describer;
        this.submittedAt = submittedAt;
        this.expiresAt = expiresAt;
        this.dispatch = dispatch;
        this.owner = owner;
        result.whenComplete((value, error) -> {
            status = Status.DONE;
            if (error instanceof CancellationException) {
                owner.withdraw(this);
            }
        });
    }

    /** Sends it now to {@code current}; a dispatcher that throws counts as a failed attempt. */
    CompletableFuture<R> send(Registration current) {
        try {
            CompletableFuture<R> sent = dispatch.send(current);
            return sent != null ? sent
                    : CompletableFuture.failedFuture(new IllegalStateException("dispatch returned no future"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** It waits (again) for its client to wake up. */
    void markWaiting() {
        status = Status.QUEUED;
        wasQueued = true;
    }

    void markInFlight() {
        status = Status.IN_FLIGHT;
    }

    long expiresAtMillis() {
        return expiresAt;
    }

    void complete(R value, Throwable error) {
        if (error == null) {
            result.complete(value);
        } else {
            result.completeExceptionally(error);
        }
    }

    void fail(QueueException.Reason reason, String why) {
        result.completeExceptionally(new QueueException(reason, "request " + id + " (" + description() + ") to "
                + endpoint + " " + why));
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String registrationId() {
        return registrationId;
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public String description() {
        String d = description;
        if (d == null) {
            d = describer.get();
            description = d;
        }
        return d;
    }

    @Override
    public Instant submittedAt() {
        return Instant.ofEpochMilli(submittedAt);
    }

    @Override
    public Instant expiresAt() {
        return Instant.ofEpochMilli(expiresAt);
    }

    @Override
    public Status status() {
        return result.isDone() ? Status.DONE : status;
    }

    @Override
    public boolean wasQueued() {
        return wasQueued;
    }

    @Override
    public CompletableFuture<R> result() {
        return result;
    }

    @Override
    public boolean cancel() {
        return owner.cancel(this);
    }

    @Override
    public String toString() {
        return "QueuedRequest[" + id + ", " + description() + " to " + endpoint + ", " + status() + "]";
    }
}
