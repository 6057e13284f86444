package io.wisp.client.object.std;

import io.wisp.client.object.ModelEnabler;
import io.wisp.client.object.Requester;
import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A simulated IPSO sensor (any object with a Sensor Value, resource 5700: Temperature 3303, Humidity 3304,
 * Barometer 3315...) whose reading wanders within its {@link SensorProfile} on every tick of a shared
 * {@link SensorTicker}, so that observations of it produce notifications. Each tick also keeps Min/Max Measured Value
 * (5601, 5602) and the Timestamp (5518) current, and Reset Min and Max Measured Values (5605) sets both to the
 * current reading — for every resource the model has.
 *
 * <p>The walk comes from a per-sensor seed, so a run with the same seeds and ticks gives the same readings.
 */
public final class SensorObject extends ModelEnabler implements SensorTicker.Tickable {
    public static final int TIMESTAMP = 5518;
    public static final int MIN_MEASURED = 5601;
    public static final int MAX_MEASURED = 5602;
    public static final int MIN_RANGE = 5603;
    public static final int MAX_RANGE = 5604;
    public static final int RESET_MIN_MAX = 5605;
    public static final int SENSOR_VALUE = 5700;
    public static final int UNITS = 5701;

    private final SensorProfile profile;
    private final Clock clock;
    private long state;

    /** A sensor of this model; throws {@link IllegalArgumentException} when the model has no resource 5700. */
    public SensorObject(ObjectModel model, SensorProfile profile, Clock clock, long seed) {
        super(model);
        if (model.resource(SENSOR_VALUE) == null) {
            throw new IllegalArgumentException("object " + model.id() + " (" + model.name() + ") has no Sensor Value "
                    + "resource " + SENSOR_VALUE);
        }
        this.profile = Objects.requireNonNull(profile, "profile");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.state = seed;
    }

    /** A sensor of the bundled model of this object ID, with its usual profile and one instance 0. */
    public static SensorObject of(int objectId, Clock clock, long seed) {
        ObjectModel model = ModelRegistry.bundled().find(objectId).orElseThrow(() ->
                new IllegalArgumentException("no bundled model of object " + objectId));
        SensorObject sensor = new SensorObject(model, SensorProfile.forObject(objectId), clock, seed);
        sensor.addSensor(0);
        return sensor;
    }

    /** Adds an instance reading the profile's initial value, with its range and units. */
    public void addSensor(int instanceId) {
        addInstance(instanceId);
        Value initial = Value.of(profile.initial());
        setIfModelled(instanceId, SENSOR_VALUE, initial);
        setIfModelled(instanceId, MIN_MEASURED, initial);
        setIfModelled(instanceId, MAX_MEASURED, initial);
        setIfModelled(instanceId, MIN_RANGE, Value.of(profile.minRange()));
        setIfModelled(instanceId, MAX_RANGE, Value.of(profile.maxRange()));
        setIfModelled(instanceId, UNITS, Value.of(profile.units()));
        setIfModelled(instanceId, TIMESTAMP, Value.time(clock.millis() / 1000));
    }

    /** The current reading of an instance. */
    public double reading(int instanceId) {
        return ((Value.FloatValue) value(instanceId, SENSOR_VALUE)).value();
    }

    /** Moves every instance's reading one step and reports what changed. */
    @Override
    public void tick(Instant now) {
        for (int instanceId : instanceIds()) {
            double current = reading(instanceId);
            double next = nextReading(current);
            List<LwM2mResource> changed = new ArrayList<>(4);
            changed.add(SingleResource.of(SENSOR_VALUE, Value.of(next)));
            addIfModelled(changed, TIMESTAMP, Value.time(now.getEpochSecond()));
            if (next < stored(instanceId, MIN_MEASURED, next)) {
                addIfModelled(changed, MIN_MEASURED, Value.of(next));
            }
            if (next > stored(instanceId, MAX_MEASURED, next)) {
                addIfModelled(changed, MAX_MEASURED, Value.of(next));
            }
            write(Requester.LOCAL, LwM2mPath.of(model().id(), instanceId), ObjectInstance.of(instanceId, changed),
                    false);
        }
    }

    @Override
    protected void execute(Requester requester, int instanceId, int resourceId, ExecuteArguments arguments) {
        if (resourceId == RESET_MIN_MAX) {
            Value current = Value.of(reading(instanceId));
            List<LwM2mResource> reset = new ArrayList<>(2);
            addIfModelled(reset, MIN_MEASURED, current);
            addIfModelled(reset, MAX_MEASURED, current);
            write(Requester.LOCAL, LwM2mPath.of(model().id(), instanceId), ObjectInstance.of(instanceId, reset),
                    false);
        }
    }

    private double nextReading(double current) {
        double unit;
        synchronized (this) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            unit = ((z ^ (z >>> 31)) >>> 11) * 0x1.0p-53;
        }
        double drifted = current + profile.step() * (2 * unit - 1) + 0.05 * (profile.initial() - current);
        double clamped = Math.max(profile.minRange(), Math.min(profile.maxRange(), drifted));
        return Math.round(clamped * 100) / 100.0;
    }

    private double stored(int instanceId, int resourceId, double fallback) {
        if (model().resource(resourceId) == null) {
            return fallback;
        }
        Value v = value(instanceId, resourceId);
        return v instanceof Value.FloatValue f ? f.value() : fallback;
    }

    private void setIfModelled(int instanceId, int resourceId, Value value) {
        if (model().resource(resourceId) != null) {
            set(instanceId, resourceId, value);
        }
    }

    private void addIfModelled(List<LwM2mResource> out, int resourceId, Value value) {
        if (model().resource(resourceId) != null) {
            out.add(SingleResource.of(resourceId, value));
        }
    }
}
