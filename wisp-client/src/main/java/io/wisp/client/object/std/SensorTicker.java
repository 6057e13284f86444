package io.wisp.client.object.std;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One periodic task that moves the readings of many simulated sensors, so 10,000 clients in one JVM share a single
 * scheduled job instead of one timer each. Every period it calls {@link Tickable#tick} on each sensor added, in
 * turn, on the scheduler's thread; a sensor that throws is logged and the others still tick.
 */
public final class SensorTicker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SensorTicker.class);

    /** Something whose state changes with time. */
    public interface Tickable {
        void tick(Instant now);
    }

    private final CopyOnWriteArrayList<Tickable> sensors = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final ScheduledFuture<?> task;

    /** Starts ticking every {@code period} on {@code scheduler} (which the caller owns and shuts down). */
    public SensorTicker(ScheduledExecutorService scheduler, Duration period, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        long millis = period.toMillis();
        if (millis < 1) {
            throw new IllegalArgumentException("period must be at least 1 ms, got " + period);
        }
        this.task = scheduler.scheduleAtFixedRate(this::tickNow, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Adds a sensor; closing the returned handle removes it again. */
    public AutoCloseable add(Tickable sensor) {
        Objects.requireNonNull(sensor, "sensor");
        sensors.add(sensor);
        return () -> sensors.remove(sensor);
    }

    /** The number of sensors ticking. */
    public int size() {
        return sensors.size();
    }

    /** Ticks every sensor once, now, on the calling thread. */
    public void tickNow() {
        Instant now = clock.instant();
        for (Tickable sensor : sensors) {
            try {
                sensor.tick(now);
            } catch (RuntimeException e) {
                LOG.warn("sensor {} failed to tick", sensor, e);
            }
        }
    }

    /** Stops the periodic task; the scheduler itself is left running. */
    @Override
    public void close() {
        task.cancel(false);
    }
}
