package io.wisp.bootstrap.config;

import io.wisp.core.operation.BootstrapDeleteRequest;
import io.wisp.core.operation.BootstrapReadRequest;
import io.wisp.core.operation.InvalidRequestException;
import io.wisp.core.path.LwM2mPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The checks that look at several parts of a {@link BootstrapConfig} together (each part checks itself when built):
 * the accounts hang together the way the client's consistency check after Bootstrap-Finish wants them to (Core TS
 * §6.1, Bootstrap and Configuration Consistency), and no two writes target the same place. The first problem found
 * is thrown, naming the field by its position: {@code servers[0].shortServerId}.
 */
final class ConfigChecks {
    private ConfigChecks() {
    }

    static void check(BootstrapConfig c) {
        paths(c);
        securities(c.securities());
        servers(c.servers(), c.securities());
        accountsComplete(c.securities(), c.servers());
        accessControls(c.accessControls());
        writes(c);
        c.writeFormat().ifPresent(f -> {
            if (!BootstrapConfig.WRITE_FORMATS.contains(f)) {
                throw new InvalidConfigException("writeFormat", f + " cannot carry object instances; use one of "
                        + BootstrapConfig.WRITE_FORMATS);
            }
        });
    }

    private static void paths(BootstrapConfig c) {
        for (int k = 0; k < c.deletes().size(); k++) {
            LwM2mPath p = c.deletes().get(k);
            request("deletes[" + k + "]", () -> new BootstrapDeleteRequest(p));
        }
        for (int k = 0; k < c.reads().size(); k++) {
            LwM2mPath p = c.reads().get(k);
            request("reads[" + k + "]", () -> new BootstrapReadRequest(p, null));
        }
    }

    private static void request(String field, Runnable build) {
        try {
            build.run();
        } catch (InvalidRequestException e) {
            String message = e.getMessage();
            throw new InvalidConfigException(field, message.startsWith("path: ") ? message.substring(6) : message);
        }
    }

    private static void securities(List<SecurityInstance> securities) {
        Map<Integer, Integer> ssids = new HashMap<>();
        int bootstrap = -1;
        for (int k = 0; k < securities.size(); k++) {
            SecurityInstance s = securities.get(k);
            if (s.bootstrapServer()) {
                if (bootstrap >= 0) {
                    throw new InvalidConfigException("securities[" + k + "].bootstrapServer", "only one "
                            + "Bootstrap-Server account is allowed; securities[" + bootstrap + "] is one already");
                }
                bootstrap = k;
            } else {
                Integer other = ssids.putIfAbsent(s.shortServerId(), k);
                if (other != null) {
                    throw new InvalidConfigException("securities[" + k + "].shortServerId", "short server ID "
                            + s.shortServerId() + " is already used by securities[" + other + "]");
                }
            }
        }
        uniqueIds("securities", securities, SecurityInstance::chosenInstanceId);
    }

    private static void servers(List<ServerInstance> servers, List<SecurityInstance> securities) {
        Map<Integer, Integer> ssids = new HashMap<>();
        for (int k = 0; k < servers.size(); k++) {
            int ssid = servers.get(k).shortServerId();
            Integer other = ssids.putIfAbsent(ssid, k);
            if (other != null) {
                throw new InvalidConfigException("servers[" + k + "].shortServerId", "short server ID " + ssid
                        + " is already used by servers[" + other + "]");
            }
            boolean matched = securities.stream()
                    .anyMatch(s -> !s.bootstrapServer() && s.ssid().filter(id -> id == ssid).isPresent());
            if (!matched) {
                boolean onBootstrap = securities.stream()
                        .anyMatch(s -> s.bootstrapServer() && s.ssid().filter(id -> id == ssid).isPresent());
                throw new InvalidConfigException("servers[" + k + "].shortServerId", "no security instance for "
                        + "short server ID " + ssid + (onBootstrap ? " (the one that has it is a Bootstrap-Server "
                        + "account, which has no Server instance)" : ""));
            }
        }
        uniqueIds("servers", servers, ServerInstance::chosenInstanceId);
    }

    private static void accountsComplete(List<SecurityInstance> securities, List<ServerInstance> servers) {
        for (int k = 0; k < securities.size(); k++) {
            SecurityInstance s = securities.get(k);
            if (!s.bootstrapServer() && servers.stream().noneMatch(v -> v.shortServerId() == s.shortServerId())) {
                throw new InvalidConfigException("securities[" + k + "].shortServerId", "no server instance for "
                        + "short server ID " + s.shortServerId() + "; a LwM2M Server account needs both");
            }
        }
    }

    private static void accessControls(List<AccessControlInstance> acls) {
        Map<String, Integer> targets = new HashMap<>();
        for (int k = 0; k < acls.size(); k++) {
            AccessControlInstance a = acls.get(k);
            String target = "/" + a.objectId() + "/" + a.objectInstanceId();
            Integer other = targets.putIfAbsent(target, k);
            if (other != null) {
                throw new InvalidConfigException("accessControls[" + k + "].objectInstanceId", target
                        + " is already controlled by accessControls[" + other + "]");
            }
        }
        uniqueIds("accessControls", acls, AccessControlInstance::chosenInstanceId);
    }

    private static <T> void uniqueIds(String list, List<T> items, Function<T, OptionalInt> id) {
        Map<Integer, Integer> seen = new HashMap<>();
        for (int k = 0; k < items.size(); k++) {
            OptionalInt chosen = id.apply(items.get(k));
            if (chosen.isPresent()) {
                Integer other = seen.putIfAbsent(chosen.getAsInt(), k);
                if (other != null) {
                    throw new InvalidConfigException(list + "[" + k + "].instanceId", "instance "
                            + chosen.getAsInt() + " is already written by " + list + "[" + other + "]");
                }
            }
        }
    }

    private static void writes(BootstrapConfig c) {
        List<ObjectWrite> writes = c.writes();
        for (int k = 0; k < writes.size(); k++) {
            LwM2mPath p = writes.get(k).path();
            for (int j = 0; j < k; j++) {
                LwM2mPath q = writes.get(j).path();
                if (p.startsWith(q) || q.startsWith(p)) {
                    throw new InvalidConfigException("writes[" + k + "].path", p + " overlaps " + q
                            + " of writes[" + j + "]");
                }
            }
            collision(k, p, 0, "securities", c.securities(), SecurityInstance::chosenInstanceId);
            collision(k, p, 1, "servers", c.servers(), ServerInstance::chosenInstanceId);
            collision(k, p, 2, "accessControls", c.accessControls(), AccessControlInstance::chosenInstanceId);
        }
    }

    private static <T> void collision(int k, LwM2mPath p, int objectId, String list, List<T> items,
            Function<T, OptionalInt> id) {
        if (p.objectId() != objectId || items.isEmpty()) {
            return;
        }
        if (p.isObject()) {
            throw new InvalidConfigException("writes[" + k + "].path", p + " would replace the instances of "
                    + list + "; write them as " + list + " entries instead");
        }
        for (int j = 0; j < items.size(); j++) {
            OptionalInt chosen = id.apply(items.get(j));
            if (chosen.isPresent() && chosen.getAsInt() == p.instanceId()) {
                throw new InvalidConfigException("writes[" + k + "].path", p + " is also written by " + list
                        + "[" + j + "]");
            }
        }
    }
}
