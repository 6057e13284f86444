package io.wisp.client.object.std;

import io.wisp.client.object.ModelEnabler;
import io.wisp.core.node.Value;
import java.time.Clock;
import java.util.Objects;

/**
 * Location (object 6, Core TS Appendix E.7): latitude, longitude, altitude, radius, speed and the time of the fix.
 * Read-only for servers; {@link #setPosition} moves the device and stamps the fix with the clock.
 */
public final class LocationObject extends ModelEnabler {
    private final Clock clock;

    /** A device at the given position, fixed now. */
    public LocationObject(double latitude, double longitude, Clock clock) {
        super(StandardModels.LOCATION);
        this.clock = Objects.requireNonNull(clock, "clock");
        addInstance(0);
        set(0, 3, Value.of(10.0));
        set(0, 6, Value.of(0.0));
        setPosition(latitude, longitude, 35.0);
    }

    /** Moves the device: Latitude, Longitude (degrees), Altitude (m) and the Timestamp of the fix. */
    public void setPosition(double latitude, double longitude, double altitude) {
        set(0, 0, Value.of(latitude));
        set(0, 1, Value.of(longitude));
        set(0, 2, Value.of(altitude));
        set(0, 5, Value.time(clock.millis() / 1000));
    }
}
