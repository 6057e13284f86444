package io.wisp.bootstrap.session;

import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.ObjectWrite;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.link.DiscoverLink;
import io.wisp.core.model.Version;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.operation.BootstrapDeleteRequest;
import io.wisp.core.operation.BootstrapDiscoverResponse;
import io.wisp.core.operation.BootstrapDownlinkRequest;
import io.wisp.core.operation.BootstrapFinishRequest;
import io.wisp.core.operation.BootstrapReadRequest;
import io.wisp.core.operation.BootstrapWriteRequest;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns a configuration and what the client told the Bootstrap-Discover into the requests of a session: the
 * deletes, the writes (Security, Server, Access Control, then the others), the reads and Bootstrap-Finish. Pure, so
 * that a session's plan can be checked without a network.
 *
 * <p>Format (Core TS §7.4, Transport TS §6.1): the configuration's fixed format when set; else the {@code pct} the
 * client sent with its Bootstrap-Request; else SenML CBOR for a client whose Bootstrap-Discover announced LwM2M 1.1
 * or later; else TLV, the one format every LwM2M 1.0 client reads.
 *
 * <p>Security instance IDs: a Security instance without a chosen ID must not land on the client's Bootstrap-Server
 * account (the {@code /0} instance its Bootstrap-Discover lists without {@code ssid}), nor on any instance the
 * deletes leave in place. Without a Bootstrap-Discover, instance 0 is left free: it is where clients usually keep
 * that account.
 */
public final class SessionPlanner {
    private SessionPlanner() {
    }

    /** The format of the session's writes and reads. */
    public static ContentFormat writeFormat(BootstrapConfig config, Optional<BootstrapDiscoverResponse> discovered,
            ContentFormat preferred) {
        if (config.writeFormat().isPresent()) {
            return config.writeFormat().get();
        }
        if (preferred != null && BootstrapConfig.WRITE_FORMATS.contains(preferred)) {
            return preferred;
        }
        boolean atLeast11 = discovered.flatMap(BootstrapDiscoverResponse::lwm2mVersion)
                .filter(v -> v.isAtLeast(Version.V1_1)).isPresent();
        return atLeast11 ? ContentFormat.SENML_CBOR : ContentFormat.TLV;
    }

    /** The {@code /0} instances a Security instance without a chosen ID must not take. */
    public static Set<Integer> reservedSecurityIds(BootstrapConfig config,
            Optional<BootstrapDiscoverResponse> discovered) {
        if (discovered.isEmpty()) {
            return Set.of(0);
        }
        boolean allGo = config.deletes().stream().anyMatch(p -> p.isRoot() || (p.isObject() && p.objectId() == 0));
        Set<Integer> reserved = new HashSet<>();
        for (DiscoverLink link : discovered.get().links()) {
            LwM2mPath p = link.path();
            if (!p.isObjectInstance() || p.objectId() != 0) {
                continue;
            }
            boolean bootstrapAccount = link.ssid().isEmpty();
            boolean deleted = allGo || config.deletes().contains(p);
            if (bootstrapAccount || !deleted) {
                reserved.add(p.instanceId());
            }
        }
        return reserved;
    }

    /** Every request of the session after the Bootstrap-Discover, in order, ending with Bootstrap-Finish. */
    public static List<BootstrapDownlinkRequest<?>> requests(BootstrapConfig config,
            Optional<BootstrapDiscoverResponse> discovered, ContentFormat preferred) {
        ContentFormat format = writeFormat(config, discovered, preferred);
        List<BootstrapDownlinkRequest<?>> out = new ArrayList<>();
        for (LwM2mPath p : config.deletes()) {
            out.add(new BootstrapDeleteRequest(p));
        }
        nodes(config, reservedSecurityIds(config, discovered))
                .forEach((path, node) -> out.add(new BootstrapWriteRequest(path, node, format)));
        for (LwM2mPath p : config.reads()) {
            out.add(new BootstrapReadRequest(p, format));
        }
        out.add(BootstrapFinishRequest.of());
        return out;
    }

    /**
     * The whole configuration as nodes by path, for a Bootstrap-Pack (Core TS 1.2 §6.1): what a session would write,
     * with instance 0 of {@code /0} left to the client's Bootstrap-Server account.
     */
    public static SortedMap<LwM2mPath, LwM2mNode> pack(BootstrapConfig config) {
        SortedMap<LwM2mPath, LwM2mNode> out = new TreeMap<>();
        nodes(config, Set.of(0)).forEach(out::put);
        return out;
    }

    /** The written nodes in session order: Security, Server, Access Control, then the other writes. */
    private static LinkedHashMap<LwM2mPath, LwM2mNode> nodes(BootstrapConfig config,
            Set<Integer> reservedSecurityIds) {
        LinkedHashMap<LwM2mPath, LwM2mNode> out = new LinkedHashMap<>();
        List<Integer> securityIds = config.securityInstanceIds(reservedSecurityIds);
        for (int k = 0; k < config.securities().size(); k++) {
            int id = securityIds.get(k);
            out.put(LwM2mPath.of(0, id), config.securities().get(k).toNode(id));
        }
        for (int k = 0; k < config.servers().size(); k++) {
            int id = config.serverInstanceIds().get(k);
            out.put(LwM2mPath.of(1, id), config.servers().get(k).toNode(id));
        }
        for (int k = 0; k < config.accessControls().size(); k++) {
            int id = config.accessControlInstanceIds().get(k);
            out.put(LwM2mPath.of(2, id), config.accessControls().get(k).toNode(id));
        }
        for (ObjectWrite w : config.writes()) {
            out.put(w.path(), w.node());
        }
        return out;
    }
}
