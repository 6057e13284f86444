package io.wisp.client.simulator;

import io.wisp.client.object.ModelEnabler;
import io.wisp.client.object.ObjectEnabler;
import io.wisp.client.object.std.SensorObject;
import io.wisp.client.object.std.SensorProfile;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ObjectModels;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The objects a simulated client carries besides Security, Server and Device (0, 1, 3), chosen by object ID: an
 * IPSO sensor ({@link SensorObject}, whose reading moves on every tick) for a model with a Sensor Value (5700),
 * otherwise a {@link ModelEnabler} holding the model's type defaults. Either way with one instance 0. The models come
 * from any registry (the bundled models, plus DDF files an operator adds). Checked once, then used to build the
 * objects of every client.
 */
public final class SimulatedObjects {
    /** The objects every {@code WispClient} has already. */
    private static final Set<Integer> BUILT_IN = Set.of(0, 1, 3);

    private final List<ObjectModel> models;

    private SimulatedObjects(List<ObjectModel> models) {
        this.models = models;
    }

    /**
     * The objects of these IDs, from these models. Throws {@link IllegalArgumentException} naming {@code objects}
     * for an ID without a model, a duplicate, or one of 0, 1 and 3.
     */
    public static SimulatedObjects of(List<Integer> objectIds, ObjectModels models) {
        Objects.requireNonNull(objectIds, "objects");
        Objects.requireNonNull(models, "models");
        Set<Integer> seen = new LinkedHashSet<>();
        List<ObjectModel> chosen = new ArrayList<>(objectIds.size());
        for (Integer id : objectIds) {
            Objects.requireNonNull(id, "objects");
            if (BUILT_IN.contains(id)) {
                throw new IllegalArgumentException("objects: object " + id + " is part of every client "
                        + "(Security 0, Server 1 and Device 3 always are)");
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("objects: object " + id + " is listed twice");
            }
            chosen.add(models.find(id).orElseThrow(() -> new IllegalArgumentException("objects: no model of object "
                    + id + " (not bundled, and not in the model files given)")));
        }
        return new SimulatedObjects(List.copyOf(chosen));
    }

    /** No extra objects. */
    public static SimulatedObjects none() {
        return new SimulatedObjects(List.of());
    }

    /** The models of the objects, in the order given. */
    public List<ObjectModel> models() {
        return models;
    }

    /** Whether an object of this model becomes a moving sensor: it has a Sensor Value (5700). */
    public static boolean isSensor(ObjectModel model) {
        return model.resource(SensorObject.SENSOR_VALUE) != null;
    }

    /**
     * New objects for one client; sensors start their walk from {@code seed} (each object from its own stream, so
     * two clients with different seeds read differently, and a rerun reads the same).
     */
    public List<ObjectEnabler> create(Clock clock, long seed) {
        List<ObjectEnabler> out = new ArrayList<>(models.size());
        for (int k = 0; k < models.size(); k++) {
            ObjectModel model = models.get(k);
            if (isSensor(model)) {
                SensorObject sensor = new SensorObject(model, SensorProfile.forObject(model.id()), clock,
                        seed * 31 + k);
                sensor.addSensor(0);
                out.add(sensor);
            } else {
                ModelEnabler plain = new ModelEnabler(model);
                plain.addInstance(0);
                out.add(plain);
            }
        }
        return out;
    }
}
