package io.wisp.app.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wisp.app.http.Json;
import io.wisp.bootstrap.config.AccessControlInstance;
import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.Credentials;
import io.wisp.bootstrap.config.InvalidConfigException;
import io.wisp.bootstrap.config.ObjectWrite;
import io.wisp.bootstrap.config.SecurityInstance;
import io.wisp.bootstrap.config.SecurityMode;
import io.wisp.bootstrap.config.ServerInstance;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.path.LwM2mPath;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A bootstrap configuration (Core TS §6.1) as a JSON document: {@code deletes} and {@code reads} as path strings,
 * {@code securities}, {@code servers} and {@code accessControls} with the members of their records, the security
 * {@code mode} ({@code NO_SEC}, {@code PSK}, {@code RPK}, {@code X509}) and its key material in hex ({@code identity}
 * and {@code key}; {@code publicKey}, {@code privateKey}, {@code serverPublicKey}; {@code certificate},
 * {@code privateKey}, {@code serverCertificate}), {@code writes} as a {@code path} and a {@code node} in the form of
 * {@link NodeJson}, {@code discover} and {@code writeFormat} (a format name). The same document is what the database
 * keeps. Reading checks everything {@link BootstrapConfig} checks; a mistake is an {@link InvalidConfigException}
 * naming the member, e.g. {@code securities[0].serverUri} (a node that does not fit its model is an
 * {@link io.wisp.app.http.ApiProblem} naming {@code writes[n].node...}).
 */
public final class BootstrapConfigJson {
    private static final HexFormat HEX = HexFormat.of();

    private final ObjectModels models;

    public BootstrapConfigJson(ObjectModels models) {
        this.models = Objects.requireNonNull(models, "models");
    }

    /** The document of {@code config}, keys included: it is for the store and for the operator who wrote it. */
    public ObjectNode write(BootstrapConfig config) {
        ObjectNode json = Json.object();
        ArrayNode deletes = json.putArray("deletes");
        config.deletes().forEach(p -> deletes.add(p.toString()));
        ArrayNode securities = json.putArray("securities");
        for (SecurityInstance s : config.securities()) {
            ObjectNode o = securities.addObject();
            putIfSet(o, "instanceId", s.instanceId());
            o.put("serverUri", s.serverUri());
            o.put("bootstrapServer", s.bootstrapServer());
            putIfSet(o, "shortServerId", s.shortServerId());
            writeCredentials(o, s.credentials());
            putIfSet(o, "clientHoldOffTime", s.clientHoldOffTime());
            putIfSet(o, "bootstrapServerAccountTimeout", s.bootstrapServerAccountTimeout());
        }
        ArrayNode servers = json.putArray("servers");
        for (ServerInstance s : config.servers()) {
            ObjectNode o = servers.addObject();
            putIfSet(o, "instanceId", s.instanceId());
            o.put("shortServerId", s.shortServerId());
            o.put("lifetime", s.lifetime());
            putIfSet(o, "defaultMinPeriod", s.defaultMinPeriod());
            putIfSet(o, "defaultMaxPeriod", s.defaultMaxPeriod());
            putIfSet(o, "disableTimeout", s.disableTimeout());
            o.put("notificationStoring", s.notificationStoring());
            o.put("binding", s.binding());
        }
        ArrayNode acls = json.putArray("accessControls");
        for (AccessControlInstance a : config.accessControls()) {
            ObjectNode o = acls.addObject();
            putIfSet(o, "instanceId", a.instanceId());
            o.put("objectId", a.objectId());
            o.put("objectInstanceId", a.objectInstanceId());
            ObjectNode acl = o.putObject("acl");
            a.acl().forEach((ssid, mask) -> acl.put(Integer.toString(ssid), mask));
            o.put("owner", a.owner());
        }
        ArrayNode writes = json.putArray("writes");
        NodeJson nodes = new NodeJson(models);
        for (ObjectWrite w : config.writes()) {
            ObjectNode o = writes.addObject();
            o.put("path", w.path().toString());
            o.set("node", nodes.write(w.node(), w.path()));
        }
        ArrayNode reads = json.putArray("reads");
        config.reads().forEach(p -> reads.add(p.toString()));
        json.put("discover", config.discover());
        config.writeFormat().ifPresent(f -> json.put("writeFormat", f.name()));
        return json;
    }

    /** Reads a document back; see the class comment for its form and its errors. */
    public BootstrapConfig read(JsonNode json) {
        requireObject(json, "config");
        BootstrapConfig.Builder b = BootstrapConfig.builder();
        JsonNode deletes = json.get("deletes");
        if (deletes != null) {
            b.deleteNothing();
            for (int k = 0; k < array(deletes, "deletes").size(); k++) {
                b.delete(text(deletes.get(k), "deletes[" + k + "]"));
            }
        }
        JsonNode securities = json.get("securities");
        for (int k = 0; securities != null && k < array(securities, "securities").size(); k++) {
            b.security(security(securities.get(k), "securities[" + k + "]"));
        }
        JsonNode servers = json.get("servers");
        for (int k = 0; servers != null && k < array(servers, "servers").size(); k++) {
            b.server(server(servers.get(k), "servers[" + k + "]"));
        }
        JsonNode acls = json.get("accessControls");
        for (int k = 0; acls != null && k < array(acls, "accessControls").size(); k++) {
            b.accessControl(accessControl(acls.get(k), "accessControls[" + k + "]"));
        }
        JsonNode writes = json.get("writes");
        NodeReader nodes = new NodeReader(models);
        for (int k = 0; writes != null && k < array(writes, "writes").size(); k++) {
            String field = "writes[" + k + "]";
            JsonNode w = requireObject(writes.get(k), field);
            String path = text(w.get("path"), field + ".path");
            LwM2mPath parsed = path(path, field + ".path");
            b.write(path, nodes.read(w.get("node"), parsed, null, field + ".node"));
        }
        JsonNode reads = json.get("reads");
        for (int k = 0; reads != null && k < array(reads, "reads").size(); k++) {
            b.read(text(reads.get(k), "reads[" + k + "]"));
        }
        if (json.has("discover")) {
            b.discover(bool(json.get("discover"), "discover"));
        }
        if (json.hasNonNull("writeFormat")) {
            try {
                b.writeFormat(ContentFormat.byName(text(json.get("writeFormat"), "writeFormat")));
            } catch (InvalidConfigException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException("writeFormat", e.getMessage());
            }
        }
        return b.build();
    }

    private static SecurityInstance security(JsonNode json, String field) {
        requireObject(json, field);
        try {
            SecurityInstance.Builder b = SecurityInstance.builder()
                    .serverUri(text(json.get("serverUri"), "serverUri"))
                    .bootstrapServer(json.has("bootstrapServer") && bool(json.get("bootstrapServer"),
                            "bootstrapServer"))
                    .credentials(credentials(json));
            if (json.hasNonNull("instanceId")) {
                b.instanceId(integer(json.get("instanceId"), "instanceId"));
            }
            if (json.hasNonNull("shortServerId")) {
                b.shortServerId(integer(json.get("shortServerId"), "shortServerId"));
            }
            if (json.hasNonNull("clientHoldOffTime")) {
                b.clientHoldOffTime(number(json.get("clientHoldOffTime"), "clientHoldOffTime"));
            }
            if (json.hasNonNull("bootstrapServerAccountTimeout")) {
                b.bootstrapServerAccountTimeout(number(json.get("bootstrapServerAccountTimeout"),
                        "bootstrapServerAccountTimeout"));
            }
            return b.build();
        } catch (InvalidConfigException e) {
            throw e.prefixed(field);
        }
    }

    private static Credentials credentials(JsonNode json) {
        String mode = json.hasNonNull("mode") ? text(json.get("mode"), "mode") : "NO_SEC";
        SecurityMode parsed;
        try {
            parsed = SecurityMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("mode", "one of NO_SEC, PSK, RPK, X509, got '" + mode + "'");
        }
        switch (parsed) {
            case PSK:
                return Credentials.psk(text(json.get("identity"), "identity"), hex(json, "key"));
            case RPK:
                return Credentials.rpk(hex(json, "publicKey"), hex(json, "privateKey"),
                        hex(json, "serverPublicKey"));
            case X509:
                return Credentials.x509(hex(json, "certificate"), hex(json, "privateKey"),
                        hex(json, "serverCertificate"));
            default:
                return Credentials.noSec();
        }
    }

    private static void writeCredentials(ObjectNode o, Credentials c) {
        o.put("mode", c.mode().name());
        if (c instanceof Credentials.Psk psk) {
            o.put("identity", psk.identity());
            o.put("key", HEX.formatHex(psk.secretKey()));
        } else if (c.mode() == SecurityMode.RPK) {
            o.put("publicKey", HEX.formatHex(c.publicKeyOrIdentity()));
            o.put("privateKey", HEX.formatHex(c.secretKey()));
            o.put("serverPublicKey", HEX.formatHex(c.serverPublicKey()));
        } else if (c.mode() == SecurityMode.X509) {
            o.put("certificate", HEX.formatHex(c.publicKeyOrIdentity()));
            o.put("privateKey", HEX.formatHex(c.secretKey()));
            o.put("serverCertificate", HEX.formatHex(c.serverPublicKey()));
        }
    }

    private static ServerInstance server(JsonNode json, String field) {
        requireObject(json, field);
        try {
            ServerInstance.Builder b = ServerInstance.builder()
                    .shortServerId(integer(json.get("shortServerId"), "shortServerId"))
                    .lifetime(number(json.get("lifetime"), "lifetime"));
            if (json.hasNonNull("instanceId")) {
                b.instanceId(integer(json.get("instanceId"), "instanceId"));
            }
            if (json.hasNonNull("defaultMinPeriod")) {
                b.defaultMinPeriod(number(json.get("defaultMinPeriod"), "defaultMinPeriod"));
            }
            if (json.hasNonNull("defaultMaxPeriod")) {
                b.defaultMaxPeriod(number(json.get("defaultMaxPeriod"), "defaultMaxPeriod"));
            }
            if (json.hasNonNull("disableTimeout")) {
                b.disableTimeout(number(json.get("disableTimeout"), "disableTimeout"));
            }
            if (json.has("notificationStoring")) {
                b.notificationStoring(bool(json.get("notificationStoring"), "notificationStoring"));
            }
            if (json.hasNonNull("binding")) {
                b.binding(text(json.get("binding"), "binding"));
            }
            return b.build();
        } catch (InvalidConfigException e) {
            throw e.prefixed(field);
        }
    }

    private static AccessControlInstance accessControl(JsonNode json, String field) {
        requireObject(json, field);
        try {
            Integer instanceId = json.hasNonNull("instanceId") ? integer(json.get("instanceId"), "instanceId") : null;
            SortedMap<Integer, Integer> rights = new TreeMap<>();
            JsonNode acl = json.get("acl");
            if (acl != null) {
                requireObject(acl, "acl");
                for (Iterator<Map.Entry<String, JsonNode>> it = acl.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    try {
                        rights.put(Integer.parseInt(e.getKey()), integer(e.getValue(), "acl." + e.getKey()));
                    } catch (NumberFormatException nfe) {
                        throw new InvalidConfigException("acl." + e.getKey(), "a key is a short server ID");
                    }
                }
            }
            return new AccessControlInstance(instanceId, integer(json.get("objectId"), "objectId"),
                    integer(json.get("objectInstanceId"), "objectInstanceId"), rights,
                    integer(json.get("owner"), "owner"));
        } catch (InvalidConfigException e) {
            throw e.prefixed(field);
        }
    }

    private static void putIfSet(ObjectNode o, String name, Number value) {
        if (value != null) {
            o.put(name, value.longValue());
        }
    }

    private static JsonNode requireObject(JsonNode json, String field) {
        if (json == null || !json.isObject()) {
            throw new InvalidConfigException(field, "must be a JSON object");
        }
        return json;
    }

    private static ArrayNode array(JsonNode json, String field) {
        if (!json.isArray()) {
            throw new InvalidConfigException(field, "must be a JSON array");
        }
        return (ArrayNode) json;
    }

    private static String text(JsonNode json, String field) {
        if (json == null || !json.isTextual()) {
            throw new InvalidConfigException(field, "must be a string");
        }
        return json.asText();
    }

    private static boolean bool(JsonNode json, String field) {
        if (json == null || !json.isBoolean()) {
            throw new InvalidConfigException(field, "must be true or false");
        }
        return json.asBoolean();
    }

    private static long number(JsonNode json, String field) {
        if (json == null || !json.isIntegralNumber() || !json.canConvertToLong()) {
            throw new InvalidConfigException(field, "must be an integer");
        }
        return json.asLong();
    }

    private static int integer(JsonNode json, String field) {
        if (json == null || !json.isIntegralNumber() || !json.canConvertToInt()) {
            throw new InvalidConfigException(field, "must be an integer");
        }
        return json.asInt();
    }

    private static byte[] hex(JsonNode json, String field) {
        String text = text(json.get(field), field);
        try {
            return HEX.parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(field, "must be hex digits, an even number of them");
        }
    }

    private static LwM2mPath path(String path, String field) {
        try {
            return LwM2mPath.parse(path);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(field, e.getMessage());
        }
    }
}
