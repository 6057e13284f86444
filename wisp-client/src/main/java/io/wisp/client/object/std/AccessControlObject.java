package io.wisp.client.object.std;

import io.wisp.client.object.ModelEnabler;
import io.wisp.client.object.MultiValues;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.node.Value;
import java.util.Map;
import java.util.TreeMap;

/**
 * LwM2M Access Control (object 2, Core TS §7.3 and Appendix E.3): one instance per protected object instance, with
 * the target (/2/x/0 object ID, /2/x/1 instance ID, 65535 for the object-level instance that grants Create), the ACL
 * (/2/x/2: resource instance ID = Short Server ID, 0 = the default entry; value = rights bits R 1, W 2, E 4, D 8,
 * C 16) and the owner (/2/x/3). The rules themselves are applied by the device-management dispatcher, and only
 * when the client has more than one server.
 */
public final class AccessControlObject extends ModelEnabler {
    /** The access rights bits of an ACL entry. */
    public static final int READ = 1;
    public static final int WRITE = 2;
    public static final int EXECUTE = 4;
    public static final int DELETE = 8;
    public static final int CREATE = 16;
    /** The instance ID of the object-level entry, which grants Create (Core TS §7.3). */
    public static final int OBJECT_LEVEL = 65535;

    public AccessControlObject() {
        this(StandardModels.ACCESS_CONTROL);
    }

    /** On another version of the Access Control model. */
    public AccessControlObject(ObjectModel model) {
        super(model);
    }

    /**
     * Adds an ACL instance for {@code /objectId/objectInstanceId} (65535: the object, for Create) owned by a server,
     * with rights by Short Server ID (0 for the default entry).
     */
    public AccessControlObject addEntry(int instanceId, int objectId, int objectInstanceId, int owner,
                                        Map<Integer, Integer> rights) {
        addInstance(instanceId);
        set(instanceId, 0, Value.of((long) objectId));
        set(instanceId, 1, Value.of((long) objectInstanceId));
        Map<Integer, Value> acl = new TreeMap<>();
        rights.forEach((ssid, bits) -> acl.put(ssid, Value.of((long) bits)));
        if (!acl.isEmpty()) {
            set(instanceId, 2, MultiValues.of(acl));
        }
        set(instanceId, 3, Value.of((long) owner));
        return this;
    }
}
