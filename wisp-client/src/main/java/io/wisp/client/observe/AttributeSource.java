package io.wisp.client.observe;

import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.path.LwM2mPath;

/**
 * Where the notification attributes a server attached with Write-Attributes are kept (Core TS 1.2 §6.3.4): one set
 * per server and per node, at object, object instance, resource or resource instance level. The client keeps a
 * separate set for each server (Transport TS 1.2 §6.4: "A LwM2M Client MAY support a separate set of configured
 * Attributes for each individual LwM2M Server"; ETS int-951). Inheritance between levels is not done here but by
 * {@link EffectiveAttributes#resolve}.
 */
@FunctionalInterface
public interface AttributeSource {

    /** No attribute attached anywhere. */
    AttributeSource NONE = (shortServerId, path) -> NotificationAttributes.EMPTY;

    /**
     * The attributes attached at exactly {@code path} by the server with this Short Server ID, or
     * {@link NotificationAttributes#EMPTY}; never null.
     */
    NotificationAttributes attached(int shortServerId, LwM2mPath path);
}
