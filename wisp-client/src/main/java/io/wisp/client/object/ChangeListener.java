package io.wisp.client.object;

import io.wisp.core.path.LwM2mPath;

/**
 * Told when values or the set of instances of an object change, whoever changed them (a server's Write, the
 * application, a sensor tick). Observations use it to evaluate notification attributes (Core TS §6.4.1); the engine
 * uses instance changes to send a registration Update with new object links (Core TS §6.2.2).
 */
public interface ChangeListener {
    /** The values under these paths (resources or resource instances, or whole instances) changed. */
    void valuesChanged(Iterable<LwM2mPath> paths);

    /** Instances of this object were created or deleted. */
    void instancesChanged(int objectId);
}
