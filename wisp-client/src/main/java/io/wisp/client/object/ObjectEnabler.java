package io.wisp.client.object;

import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.path.LwM2mPath;
import java.util.List;

/**
 * One LwM2M object on the client, with all its instances: what the device-management dispatcher calls once it has
 * decoded a server's request and checked access control. Paths passed in always start with this object's ID; the
 * dispatcher has already answered 4.04 for other objects. Each method throws {@link ObjectException} with the code
 * the server should get (4.04 missing instance or resource, 4.05 operation not allowed by the model for a
 * {@link Requester.Kind#SERVER}, 4.00 bad value...).
 *
 * <p>Implementations must be safe to call from several threads (the transport's protocol threads and the
 * application), and must report every change — including their own, such as a sensor tick — to the
 * {@link ChangeListener} set with {@link #setChangeListener}.
 */
public interface ObjectEnabler {

    /** The object's model (ID, version, resources with their operations, types and multiplicity). */
    ObjectModel model();

    /** The IDs of the present instances, ascending. */
    List<Integer> instanceIds();

    /**
     * Reads the object (path {@code /o}), an instance, a resource or a resource instance (Core TS §6.3.1). Reading
     * an object or instance returns only the readable resources; reading a non-readable resource is 4.05.
     */
    LwM2mNode read(Requester requester, LwM2mPath path);

    /**
     * Writes an instance, resource or resource instance (Core TS §6.3.3): {@code replace} true is a Replace (PUT:
     * an instance's writable resources not in {@code node} are reset or removed, a multiple resource's instances are
     * replaced), false a Partial Update (POST: only the given resources change).
     */
    void write(Requester requester, LwM2mPath path, LwM2mNode node, boolean replace);

    /** Executes a resource (Core TS §6.3.5) with its arguments (possibly empty). */
    void execute(Requester requester, LwM2mPath path, ExecuteArguments arguments);

    /**
     * Creates an instance (Core TS §6.3.6) with the given resources; when {@code instance} has no assigned ID
     * ({@link ObjectInstance#UNASSIGNED}) the enabler chooses the lowest free one. Returns the new instance's ID;
     * 4.00 when the ID is taken or a mandatory resource is missing, 4.05 for a single-instance object that exists.
     */
    int create(Requester requester, ObjectInstance instance);

    /** Deletes an instance or (1.1+) a resource instance (Core TS §6.3.7). */
    void delete(Requester requester, LwM2mPath path);

    /** Sets the one listener the enabler reports its changes to (the object tree sets it when the enabler is added). */
    void setChangeListener(ChangeListener listener);
}
