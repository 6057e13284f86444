package io.wisp.app.http.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wisp.app.http.Json;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.path.LwM2mPath;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Nodes of a client's object tree (Core TS §6.1) in JSON, nested the way the tree is: an object holds
 * {@code instances} by ID, an instance holds {@code resources} by ID, a multiple resource holds {@code values} by
 * resource-instance ID. Each node says its {@code kind} and {@code id}; resources add their {@code type} and, when
 * the model knows it, their {@code name}. What a Read returns can be written back as it is ({@link NodeReader}).
 */
public final class NodeJson {
    private final ObjectModels models;

    public NodeJson(ObjectModels models) {
        this.models = Objects.requireNonNull(models, "models");
    }

    /** The JSON of {@code node}, found at {@code path}. */
    public ObjectNode write(LwM2mNode node, LwM2mPath path) {
        if (node instanceof LwM2mObject o) {
            ObjectNode json = head("object", o.id());
            ObjectNode instances = json.putObject("instances");
            o.instances().forEach((id, instance) -> instances.set(Integer.toString(id),
                    write(instance, LwM2mPath.of(o.id(), id))));
            return json;
        } else if (node instanceof ObjectInstance i) {
            ObjectNode json = head("instance", i.id());
            ObjectNode resources = json.putObject("resources");
            int objectId = path.objectId();
            i.resources().forEach((id, r) -> resources.set(Integer.toString(id), resource(objectId, r)));
            return json;
        } else if (node instanceof LwM2mResource r) {
            return resource(path.objectId(), r);
        } else if (node instanceof ResourceInstance ri) {
            ObjectNode json = head("resourceInstance", ri.id());
            json.put("type", ri.value().type().name());
            json.set("value", ValueJson.write(ri.value()));
            return json;
        }
        throw new IllegalArgumentException("node: unknown kind " + node.getClass().getName());
    }

    /** Nodes by path, as composite operations and notifications carry them: {@code {"/3/0/0": node, ...}}. */
    public ObjectNode writeAll(SortedMap<LwM2mPath, LwM2mNode> nodes) {
        ObjectNode json = Json.object();
        for (Map.Entry<LwM2mPath, LwM2mNode> e : nodes.entrySet()) {
            json.set(e.getKey().toString(), write(e.getValue(), e.getKey()));
        }
        return json;
    }

    private ObjectNode resource(int objectId, LwM2mResource resource) {
        if (resource instanceof SingleResource s) {
            ObjectNode json = head("resource", s.id());
            name(json, objectId, s.id());
            json.put("type", s.type().name());
            json.set("value", ValueJson.write(s.value()));
            return json;
        }
        MultipleResource m = (MultipleResource) resource;
        ObjectNode json = head("multiple", m.id());
        name(json, objectId, m.id());
        json.put("type", m.type().name());
        ObjectNode values = json.putObject("values");
        m.instances().forEach((id, ri) -> values.set(Integer.toString(id), ValueJson.write(ri.value())));
        return json;
    }

    private void name(ObjectNode json, int objectId, int resourceId) {
        models.resource(objectId, resourceId).map(ResourceModel::name).ifPresent(n -> json.put("name", n));
    }

    private static ObjectNode head(String kind, int id) {
        ObjectNode json = Json.object();
        json.put("kind", kind);
        json.put("id", id);
        return json;
    }
}
