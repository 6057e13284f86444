package io.wisp.client.object;

import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.DataType;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

/**
 * The typed way for application code to put its own object on the client: start from an object model (bundled, or
 * one of your own DDF files), say which instances exist, and bind resources to your code — where a value comes from,
 * what a write does, what an execute runs. Resources you do not bind keep typed values in memory, so the object
 * answers every LwM2M operation from the start (see {@link ModelEnabler} for the rules servers are held to).
 *
 * <pre>{@code
 * AtomicBoolean lamp = new AtomicBoolean();
 * ModelEnabler light = ObjectBuilder.of(3311)            // IPSO Light Control, bundled
 *         .instances(0)
 *         .readBoolean(5850, lamp::get)                  // On/Off: the lamp's real state
 *         .onWriteBoolean(5850, lamp::set)               // a server switches it
 *         .readString(5706, () -> "warm white")          // Colour
 *         .build();
 * tree.add(light);
 * lamp.set(true);
 * light.fireValueChanged(0, 5850);                       // observers of /3311/0/5850 get notified
 * }</pre>
 *
 * <p>Bindings apply to every instance; the {@link #read(int, IntFunction)} and {@link #onWrite(int, ObjIntConsumer)}
 * forms receive the instance ID. A write binding may refuse a value by throwing {@link ObjectException} (the server
 * gets its code, nothing is stored). Bindings run on the transport's threads and must return quickly. Binding a
 * resource the model lacks, or with the wrong type or operation, fails here with {@link IllegalArgumentException}.
 */
public final class ObjectBuilder {
    private final ObjectModel model;
    private final List<Integer> instances = new ArrayList<>();
    private final Map<Integer, IntFunction<Value>> readers = new HashMap<>();
    private final Map<Integer, ObjIntConsumer<Value>> writers = new HashMap<>();
    private final Map<Integer, ObjIntConsumer<ExecuteArguments>> executors = new HashMap<>();

    private ObjectBuilder(ObjectModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** Starts from a model. */
    public static ObjectBuilder of(ObjectModel model) {
        return new ObjectBuilder(model);
    }

    /** Starts from the newest bundled model of an object ID. */
    public static ObjectBuilder of(int objectId) {
        return new ObjectBuilder(ModelRegistry.bundled().find(objectId).orElseThrow(() ->
                new IllegalArgumentException("no bundled model of object " + objectId)));
    }

    /** The instances the object starts with, each holding type defaults until bound or written. */
    public ObjectBuilder instances(int... instanceIds) {
        for (int id : instanceIds) {
            instances.add(id);
        }
        return this;
    }

    /** Where a single-valued resource's value comes from, given the instance ID; null reports it absent. */
    public ObjectBuilder read(int resourceId, IntFunction<Value> reader) {
        Objects.requireNonNull(reader, "reader");
        valued(resourceId, null);
        readers.put(resourceId, reader);
        return this;
    }

    public ObjectBuilder readString(int resourceId, Supplier<String> reader) {
        valued(resourceId, DataType.STRING);
        return read(resourceId, id -> Value.of(reader.get()));
    }

    /** An Integer resource's value. */
    public ObjectBuilder readInteger(int resourceId, LongSupplier reader) {
        valued(resourceId, DataType.INTEGER);
        return read(resourceId, id -> Value.of(reader.getAsLong()));
    }

    /** A Float resource's value. */
    public ObjectBuilder readFloat(int resourceId, DoubleSupplier reader) {
        valued(resourceId, DataType.FLOAT);
        return read(resourceId, id -> Value.of(reader.getAsDouble()));
    }

    public ObjectBuilder readBoolean(int resourceId, BooleanSupplier reader) {
        valued(resourceId, DataType.BOOLEAN);
        return read(resourceId, id -> Value.of(reader.getAsBoolean()));
    }

    /** What a write of a single-valued resource does, given the new value and the instance ID. */
    public ObjectBuilder onWrite(int resourceId, ObjIntConsumer<Value> writer) {
        Objects.requireNonNull(writer, "writer");
        valued(resourceId, null);
        writers.put(resourceId, writer);
        return this;
    }

    public ObjectBuilder onWriteString(int resourceId, Consumer<String> writer) {
        valued(resourceId, DataType.STRING);
        return onWrite(resourceId, (v, id) -> writer.accept(((Value.StringValue) v).value()));
    }

    public ObjectBuilder onWriteInteger(int resourceId, LongConsumer writer) {
        valued(resourceId, DataType.INTEGER);
        return onWrite(resourceId, (v, id) -> writer.accept(((Value.IntegerValue) v).value()));
    }

    public ObjectBuilder onWriteFloat(int resourceId, DoubleConsumer writer) {
        valued(resourceId, DataType.FLOAT);
        return onWrite(resourceId, (v, id) -> writer.accept(((Value.FloatValue) v).value()));
    }

    public ObjectBuilder onWriteBoolean(int resourceId, Consumer<Boolean> writer) {
        valued(resourceId, DataType.BOOLEAN);
        return onWrite(resourceId, (v, id) -> writer.accept(((Value.BooleanValue) v).value()));
    }

    /** What an executable resource runs, with the Execute arguments (Core TS §6.3.5). */
    public ObjectBuilder onExecute(int resourceId, Consumer<ExecuteArguments> action) {
        Objects.requireNonNull(action, "action");
        return onExecute(resourceId, (args, id) -> action.accept(args));
    }

    /** What an executable resource runs, with the arguments and the instance ID. */
    public ObjectBuilder onExecute(int resourceId, ObjIntConsumer<ExecuteArguments> action) {
        Objects.requireNonNull(action, "action");
        ResourceModel rm = resource(resourceId);
        if (!rm.operations().isExecutable()) {
            throw new IllegalArgumentException("resource " + resourceId + " (" + rm.name() + ") of object "
                    + model.id() + " is not executable");
        }
        executors.put(resourceId, action);
        return this;
    }

    /** The enabler, with its instances; add it to an {@link ObjectTree}. */
    public ModelEnabler build() {
        Bound enabler = new Bound(model, Map.copyOf(readers), Map.copyOf(writers), Map.copyOf(executors));
        instances.forEach(enabler::addInstance);
        return enabler;
    }

    private ResourceModel resource(int resourceId) {
        ResourceModel rm = model.resource(resourceId);
        if (rm == null) {
            throw new IllegalArgumentException("object " + model.id() + " (" + model.name() + ") has no resource "
                    + resourceId);
        }
        return rm;
    }

    private void valued(int resourceId, DataType expected) {
        ResourceModel rm = resource(resourceId);
        if (rm.operations().isExecutable() || rm.multiple()) {
            throw new IllegalArgumentException("resource " + resourceId + " (" + rm.name() + ") of object "
                    + model.id() + " is " + (rm.multiple() ? "multiple-instance" : "executable")
                    + "; bindings take single-valued resources");
        }
        if (expected != null && rm.type() != expected) {
            throw new IllegalArgumentException("resource " + resourceId + " (" + rm.name() + ") of object "
                    + model.id() + " is " + rm.type().ddfName() + ", not " + expected.ddfName());
        }
    }

    /** The enabler the builder makes: stored values, overridden where bound. */
    private static final class Bound extends ModelEnabler {
        private final Map<Integer, IntFunction<Value>> readers;
        private final Map<Integer, ObjIntConsumer<Value>> writers;
        private final Map<Integer, ObjIntConsumer<ExecuteArguments>> executors;

        Bound(ObjectModel model, Map<Integer, IntFunction<Value>> readers, Map<Integer, ObjIntConsumer<Value>> writers,
              Map<Integer, ObjIntConsumer<ExecuteArguments>> executors) {
            super(model);
            this.readers = readers;
            this.writers = writers;
            this.executors = executors;
        }

        @Override
        protected Value readValue(int instanceId, int resourceId, Value stored) {
            IntFunction<Value> reader = readers.get(resourceId);
            return reader == null ? stored : reader.apply(instanceId);
        }

        @Override
        protected void beforeWrite(Requester requester, int instanceId, io.wisp.core.node.LwM2mResource resource) {
            ObjIntConsumer<Value> writer = writers.get(resource.id());
            if (writer != null && resource instanceof SingleResource s) {
                writer.accept(s.value(), instanceId);
            }
        }

        @Override
        protected void execute(Requester requester, int instanceId, int resourceId, ExecuteArguments arguments) {
            ObjIntConsumer<ExecuteArguments> action = executors.get(resourceId);
            if (action != null) {
                action.accept(arguments, instanceId);
            }
        }
    }
}
