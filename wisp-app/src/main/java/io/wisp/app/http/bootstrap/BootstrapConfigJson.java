package io.wisp.app.http.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wisp.app.http.ApiProblem;
import io.wisp.app.http.Json;
import io.wisp.app.http.json.NodeJson;
import io.wisp.app.http.json.NodeReader;
import io.wisp.bootstrap.config.AccessControlInstance;
import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.InvalidConfigException;
import io.wisp.bootstrap.config.ObjectWrite;
import io.wisp.bootstrap.config.SecurityInstance;
import io.wisp.bootstrap.config.ServerInstance;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.path.LwM2mPath;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON form of a {@link BootstrapConfig} (Core TS §6.1): {@code deletes}, {@code securities}, {@code servers},
 * {@code accessControls}, {@code writes}, {@code reads}, {@code discover} and {@code writeFormat}, members named as
 * the Java record components. Every refusal of the configuration's own checks becomes a 400 whose {@code field}
 * names the member, e.g. {@code servers[0].shortServerId}. Key material (PSK key, private keys, public keys and
 * certificates) is write-only: answers say {@code "keys": "stored"} instead, and a Security entry sent back without
 * its keys keeps the ones stored for the same server URI and mode.
 */
public final class BootstrapConfigJson {
    private final NodeJson nodes;
    private final NodeReader reader;

    public BootstrapConfigJson(ObjectModels models) {
        Objects.requireNonNull(models, "models");
        this.nodes = new NodeJson(models);
        this.reader = new NodeReader(models);
    }

    /** The configuration without any key material: what the API answers. */
    public ObjectNode write(BootstrapConfig c) {
        return write(c, false);
    }

    /** The configuration with its key material (all in hex): never for an API answer. */
    public ObjectNode writeWithKeys(BootstrapConfig c) {
        return write(c, true);
    }

    private ObjectNode write(BootstrapConfig c, boolean keys) {
        ObjectNode json = Json.object();
        json.put("discover", c.discover());
        json.put("writeFormat", c.writeFormat().map(ContentFormat::name).orElse(null));
        ArrayNode deletes = json.putArray("deletes");
        c.deletes().forEach(p -> deletes.add(p.toString()));
        ArrayNode securities = json.putArray("securities");
        c.securities().forEach(s -> securities.add(SecurityInstanceJson.write(s, keys)));
        ArrayNode servers = json.putArray("servers");
        for (ServerInstance s : c.servers()) {
            ObjectNode o = servers.addObject();
            putNullable(o, "instanceId", s.instanceId());
            o.put("shortServerId", s.shortServerId());
            o.put("lifetime", s.lifetime());
            putNullable(o, "defaultMinPeriod", s.defaultMinPeriod());
            putNullable(o, "defaultMaxPeriod", s.defaultMaxPeriod());
            putNullable(o, "disableTimeout", s.disableTimeout());
            o.put("notificationStoring", s.notificationStoring());
            o.put("binding", s.binding());
        }
        ArrayNode acls = json.putArray("accessControls");
        for (AccessControlInstance a : c.accessControls()) {
            ObjectNode o = acls.addObject();
            putNullable(o, "instanceId", a.instanceId());
            o.put("objectId", a.objectId());
            o.put("objectInstanceId", a.objectInstanceId());
            ObjectNode acl = o.putObject("acl");
            a.acl().forEach((ssid, rights) -> acl.put(Integer.toString(ssid), rights));
            o.put("owner", a.owner());
        }
        ArrayNode writes = json.putArray("writes");
        for (ObjectWrite w : c.writes()) {
            ObjectNode o = writes.addObject();
            o.put("path", w.path().toString());
            o.set("node", nodes.write(w.node(), w.path()));
        }
        ArrayNode reads = json.putArray("reads");
        c.reads().forEach(p -> reads.add(p.toString()));
        return json;
    }

    /**
     * The configuration {@code json} describes; {@code stored} is the one it replaces, whose keys a Security entry
     * without keys keeps.
     */
    public BootstrapConfig read(JsonNode json, Optional<BootstrapConfig> stored) {
        Fields.requireObject(json, "body");
        BootstrapConfig.Builder b = BootstrapConfig.builder();
        try {
            if (json.has("discover") && !json.get("discover").isNull()) {
                b.discover(Fields.bool(json, "discover", "discover", true));
            }
            String format = Fields.text(json, "writeFormat", "writeFormat", false);
            if (format != null && !format.isBlank()) {
                b.writeFormat(writeFormat(format));
            }
            JsonNode deletes = json.get("deletes");
            if (deletes != null && !deletes.isNull()) {
                Fields.requireArray(deletes, "deletes");
                b.deleteNothing();
                for (int k = 0; k < deletes.size(); k++) {
                    b.delete(Fields.path(deletes.get(k), "deletes[" + k + "]").toString());
                }
            }
            JsonNode securities = Fields.array(json, "securities");
            for (int k = 0; k < securities.size(); k++) {
                String field = "securities[" + k + "]";
                JsonNode s = securities.get(k);
                b.security(prefixed(field, () -> SecurityInstanceJson.read(s, field, stored)));
            }
            JsonNode servers = Fields.array(json, "servers");
            for (int k = 0; k < servers.size(); k++) {
                String field = "servers[" + k + "]";
                JsonNode s = servers.get(k);
                b.server(prefixed(field, () -> server(s, field)));
            }
            JsonNode acls = Fields.array(json, "accessControls");
            for (int k = 0; k < acls.size(); k++) {
                String field = "accessControls[" + k + "]";
                JsonNode a = acls.get(k);
                b.accessControl(prefixed(field, () -> accessControl(a, field)));
            }
            JsonNode writes = Fields.array(json, "writes");
            for (int k = 0; k < writes.size(); k++) {
                String field = "writes[" + k + "]";
                JsonNode w = writes.get(k);
                Fields.requireObject(w, field);
                LwM2mPath path = Fields.path(w.get("path"), field + ".path");
                JsonNode node = w.get("node");
                if (node == null || node.isNull()) {
                    throw ApiProblem.badRequest(field + ".node", "is required: the value to write at " + path);
                }
                b.write(prefixed(field, () -> new ObjectWrite(path, reader.read(node, path, null, field + ".node"))));
            }
            JsonNode reads = Fields.array(json, "reads");
            for (int k = 0; k < reads.size(); k++) {
                b.read(Fields.path(reads.get(k), "reads[" + k + "]").toString());
            }
            return b.build();
        } catch (InvalidConfigException e) {
            throw ApiProblem.badRequest(e.field(), e.reason());
        }
    }

    private static ServerInstance server(JsonNode s, String field) {
        Fields.requireObject(s, field);
        Integer ssid = Fields.integer(s, "shortServerId", field, true);
        ServerInstance.Builder b = ServerInstance.builder().shortServerId(ssid);
        Optional.ofNullable(Fields.integer(s, "instanceId", field, false)).ifPresent(b::instanceId);
        Optional.ofNullable(Fields.longValue(s, "lifetime", field)).ifPresent(b::lifetime);
        Optional.ofNullable(Fields.longValue(s, "defaultMinPeriod", field)).ifPresent(b::defaultMinPeriod);
        Optional.ofNullable(Fields.longValue(s, "defaultMaxPeriod", field)).ifPresent(b::defaultMaxPeriod);
        Optional.ofNullable(Fields.longValue(s, "disableTimeout", field)).ifPresent(b::disableTimeout);
        if (s.has("notificationStoring") && !s.get("notificationStoring").isNull()) {
            b.notificationStoring(Fields.bool(s, "notificationStoring", field + ".notificationStoring", true));
        }
        String binding = Fields.text(s, "binding", field + ".binding", false);
        if (binding != null) {
            b.binding(binding.strip().toUpperCase(Locale.ROOT));
        }
        return b.build();
    }

    private static AccessControlInstance accessControl(JsonNode a, String field) {
        Fields.requireObject(a, field);
        AccessControlInstance.Builder b = AccessControlInstance.builder();
        Integer instanceId = Fields.integer(a, "instanceId", field, false);
        Integer objectInstanceId = Fields.integer(a, "objectInstanceId", field, false);
        Integer owner = Fields.integer(a, "owner", field, true);
        Integer objectId = Fields.integer(a, "objectId", field, true);
        Map<Integer, Integer> acl = new TreeMap<>();
        JsonNode aclNode = a.get("acl");
        if (aclNode != null && !aclNode.isNull()) {
            Fields.requireObject(aclNode, field + ".acl");
            Iterator<Map.Entry<String, JsonNode>> entries = aclNode.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> e = entries.next();
                int ssid;
                try {
                    ssid = Integer.parseInt(e.getKey());
                } catch (NumberFormatException x) {
                    throw ApiProblem.badRequest(field + ".acl", "keys are short server IDs (0 for the default), got '"
                            + e.getKey() + "'");
                }
                if (!e.getValue().canConvertToInt()) {
                    throw ApiProblem.badRequest(field + ".acl[" + ssid + "]", "must be a rights mask, an integer "
                            + "0..31 (1 Read, 2 Write, 4 Execute, 8 Delete, 16 Create)");
                }
                acl.put(ssid, e.getValue().intValue());
            }
        }
        return new AccessControlInstance(instanceId, objectId, objectInstanceId == null ? 0 : objectInstanceId,
                new TreeMap<>(acl), owner);
    }

    private static ContentFormat writeFormat(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        for (ContentFormat f : BootstrapConfig.WRITE_FORMATS) {
            if (f.name().equals(upper)) {
                return f;
            }
        }
        throw ApiProblem.badRequest("writeFormat", "unknown format '" + name + "'; expected one of "
                + BootstrapConfig.WRITE_FORMATS.stream().map(ContentFormat::name).sorted().toList());
    }

    /** Runs {@code part}; a refusal of the part names its place in the configuration. */
    private static <T> T prefixed(String field, java.util.function.Supplier<T> part) {
        try {
            return part.get();
        } catch (InvalidConfigException e) {
            String inner = e.field().startsWith("credentials.") ? e.field().substring("credentials.".length())
                    : e.field();
            throw new InvalidConfigException(field + "." + inner, e.reason());
        }
    }

    static void putNullable(ObjectNode o, String name, Number value) {
        if (value == null) {
            o.putNull(name);
        } else if (value instanceof Long l) {
            o.put(name, l);
        } else {
            o.put(name, value.intValue());
        }
    }
}
