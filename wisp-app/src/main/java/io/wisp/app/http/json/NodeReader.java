package io.wisp.app.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.wisp.app.http.ApiProblem;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the JSON a caller writes (Write, Create, Write-Composite) into nodes, typed by the object model: the shapes
 * of {@link NodeJson}, where only {@code value} / {@code values} / {@code resources} are needed and {@code kind},
 * {@code name} and {@code id} may be left out. A resource the model does not know needs its {@code type}. Every
 * mistake is a 400 naming the body member, e.g. {@code body.resources.14.value}.
 */
public final class NodeReader {
    private final ObjectModels models;

    public NodeReader(ObjectModels models) {
        this.models = Objects.requireNonNull(models, "models");
    }

    /**
     * The node to write at {@code path} (an object instance, a resource or a resource instance), with the model of
     * the object in {@code version} (null for the newest known).
     */
    public LwM2mNode read(JsonNode json, LwM2mPath path, Version version, String field) {
        ObjectModel model = model(path.objectId(), version);
        if (path.isObjectInstance()) {
            return instance(json, path.objectId(), path.instanceId(), model, field);
        }
        if (path.isResource()) {
            return resource(json, path.objectId(), path.resourceId(), model, field);
        }
        if (path.isResourceInstance()) {
            requireObject(json, field, "{\"value\": ...}");
            DataType type = type(json, path.objectId(), path.resourceId(), model, field);
            return ResourceInstance.of(path.resourceInstanceId(), ValueJson.read(member(json, "value", field), type,
                    field + ".value"));
        }
        throw ApiProblem.badRequest("path", "a Write targets an object instance, a resource or a resource instance,"
                + " not " + path);
    }

    /** A new instance of {@code objectId} for Create: with the {@code id} given, else the client chooses it. */
    public ObjectInstance newInstance(JsonNode json, int objectId, Version version, String field) {
        requireObject(json, field, "{\"id\": 1, \"resources\": {...}}");
        int id = ObjectInstance.UNASSIGNED;
        if (json.hasNonNull("id")) {
            JsonNode given = json.get("id");
            if (!given.isIntegralNumber() || given.intValue() < 0 || given.intValue() > LwM2mPath.MAX_ID) {
                throw ApiProblem.badRequest(field + ".id", "an instance ID is an integer in 0.." + LwM2mPath.MAX_ID
                        + ", got " + given);
            }
            id = given.intValue();
        }
        return instance(json, objectId, id, model(objectId, version), field);
    }

    private ObjectInstance instance(JsonNode json, int objectId, int instanceId, ObjectModel model, String field) {
        requireObject(json, field, "{\"resources\": {\"<id>\": {\"value\": ...}}}");
        JsonNode resources = member(json, "resources", field);
        requireObject(resources, field + ".resources", "resources by ID");
        List<LwM2mResource> list = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = field + ".resources." + e.getKey();
            list.add(resource(e.getValue(), objectId, id(e.getKey(), at), model, at));
        }
        return ObjectInstance.of(instanceId, list);
    }

    private LwM2mResource resource(JsonNode json, int objectId, int resourceId, ObjectModel model, String field) {
        requireObject(json, field, "{\"value\": ...} or {\"values\": {\"<id>\": ...}}");
        DataType type = type(json, objectId, resourceId, model, field);
        ResourceModel rm = model == null ? null : model.resource(resourceId);
        boolean multiple = rm != null ? rm.multiple() : json.has("values");
        if (!multiple) {
            if (json.has("values")) {
                throw ApiProblem.badRequest(field + ".values", "resource " + resourceId + " of object " + objectId
                        + " is single: give \"value\"");
            }
            return SingleResource.of(resourceId, ValueJson.read(member(json, "value", field), type,
                    field + ".value"));
        }
        if (json.has("value") && !json.has("values")) {
            throw ApiProblem.badRequest(field + ".value", "resource " + resourceId + " of object " + objectId
                    + " is multiple: give \"values\": {\"<instance id>\": ...}");
        }
        JsonNode values = member(json, "values", field);
        requireObject(values, field + ".values", "values by resource-instance ID");
        List<ResourceInstance> instances = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = field + ".values." + e.getKey();
            instances.add(ResourceInstance.of(id(e.getKey(), at), ValueJson.read(e.getValue(), type, at)));
        }
        return MultipleResource.of(resourceId, type, instances);
    }

    /** The type the model gives; a {@code type} member must agree with it, and is required without a model. */
    private static DataType type(JsonNode json, int objectId, int resourceId, ObjectModel model, String field) {
        ResourceModel rm = model == null ? null : model.resource(resourceId);
        DataType given = null;
        if (json.hasNonNull("type")) {
            String name = json.get("type").asText().toUpperCase(Locale.ROOT);
            try {
                given = DataType.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest(field + ".type", "unknown type '" + json.get("type").asText()
                        + "'; expected one of STRING, INTEGER, UNSIGNED_INTEGER, FLOAT, BOOLEAN, OPAQUE, TIME, "
                        + "OBJLNK, CORELNK");
            }
        }
        if (rm == null) {
            if (given == null) {
                throw ApiProblem.badRequest(field + ".type", "no model defines resource " + resourceId
                        + " of object " + objectId + ": give its \"type\"");
            }
            return given;
        }
        if (given != null && given != rm.type()) {
            throw ApiProblem.badRequest(field + ".type", "resource " + resourceId + " of object " + objectId
                    + " is of type " + rm.type() + ", not " + given);
        }
        return rm.type();
    }

    private ObjectModel model(int objectId, Version version) {
        return (version == null ? models.find(objectId) : models.find(objectId, version)).orElse(null);
    }

    private static int id(String key, String field) {
        try {
            int id = Integer.parseInt(key);
            if (id >= 0 && id <= LwM2mPath.MAX_ID) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.badRequest(field, "keys are IDs in 0.." + LwM2mPath.MAX_ID + ", got '" + key + "'");
    }

    private static JsonNode member(JsonNode json, String name, String field) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            throw ApiProblem.badRequest(field + "." + name, "\"" + name + "\" is required");
        }
        return value;
    }

    private static void requireObject(JsonNode json, String field, String expected) {
        if (json == null || !json.isObject()) {
            throw ApiProblem.badRequest(field, "expected a JSON object " + expected);
        }
    }
}
