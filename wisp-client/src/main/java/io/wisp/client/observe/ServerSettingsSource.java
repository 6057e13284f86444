package io.wisp.client.observe;

import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Gives the {@link ServerSettings} of a server account by its Short Server ID. */
@FunctionalInterface
public interface ServerSettingsSource {

    /** Every server with {@link ServerSettings#DEFAULTS}. */
    ServerSettingsSource DEFAULTS = shortServerId -> ServerSettings.DEFAULTS;

    /** The settings of the server with this Short Server ID; {@link ServerSettings#DEFAULTS} when it has none. */
    ServerSettings settings(int shortServerId);

    /**
     * Settings read from the client's own Server object {@code /1} (Core TS 1.2 Appendix E.2): the instance whose
     * Short Server ID {@code /1/x/0} matches, its resources 2, 3, 6 and 26. Absent resources take the TS defaults
     * of {@link ServerSettings#DEFAULTS}, and so does a server with no instance.
     *
     * @param localRead reads a node as the device itself (no access control); empty when absent
     */
    static ServerSettingsSource fromServerObject(Function<LwM2mPath, Optional<LwM2mNode>> localRead) {
        Objects.requireNonNull(localRead, "localRead");
        LwM2mPath serverObject = LwM2mPath.of(1);
        return ssid -> {
            Optional<LwM2mNode> node = localRead.apply(serverObject);
            if (node.isEmpty() || !(node.get() instanceof LwM2mObject object)) {
                return ServerSettings.DEFAULTS;
            }
            for (ObjectInstance instance : object.instances().values()) {
                if (number(instance, 0, -1) == ssid) {
                    ServerSettings d = ServerSettings.DEFAULTS;
                    return new ServerSettings(Math.max(0, number(instance, 2, d.defaultMinPeriod())),
                            Math.max(0, number(instance, 3, d.defaultMaxPeriod())),
                            number(instance, 26, 0) == 1,
                            flag(instance, 6, d.storeWhileOffline()));
                }
            }
            return ServerSettings.DEFAULTS;
        };
    }

    private static long number(ObjectInstance instance, int resourceId, long absent) {
        LwM2mResource r = instance.resource(resourceId);
        if (r instanceof SingleResource s) {
            if (s.value() instanceof Value.IntegerValue i) {
                return i.value();
            }
            if (s.value() instanceof Value.UnsignedIntegerValue u && u.bits() >= 0) {
                return u.bits();
            }
        }
        return absent;
    }

    private static boolean flag(ObjectInstance instance, int resourceId, boolean absent) {
        LwM2mResource r = instance.resource(resourceId);
        return r instanceof SingleResource s && s.value() instanceof Value.BooleanValue b ? b.value() : absent;
    }
}
