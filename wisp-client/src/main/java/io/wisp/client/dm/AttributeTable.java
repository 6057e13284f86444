package io.wisp.client.dm;

import io.wisp.core.attributes.AttributeUpdate;
import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.path.LwM2mPath;
import java.util.HashMap;
import java.util.Map;

/**
 * The client's store of written attributes: Write-Attributes applied per server and path, bare names removing an
 * attribute (Core TS §6.3.4), a path whose set becomes empty dropped. The map is created on the first write, so a
 * client no server wrote attributes to holds nothing. Thread-safe.
 */
public final class AttributeTable implements WrittenAttributes {
    private Map<Key, NotificationAttributes> byPath;

    private record Key(int shortServerId, LwM2mPath path) {
    }

    @Override
    public synchronized NotificationAttributes attachedAt(int shortServerId, LwM2mPath path) {
        NotificationAttributes attributes = byPath == null ? null : byPath.get(new Key(shortServerId, path));
        return attributes == null ? NotificationAttributes.EMPTY : attributes;
    }

    /**
     * Applies a Write-Attributes; throws {@link io.wisp.core.attributes.InvalidAttributesException} (and changes
     * nothing) when the result breaks a rule of Core TS §7.3 such as {@code lt < gt}.
     */
    public synchronized NotificationAttributes apply(int shortServerId, LwM2mPath path, AttributeUpdate update) {
        Key key = new Key(shortServerId, path);
        NotificationAttributes next = attachedAt(shortServerId, path).with(update);
        if (next.isEmpty()) {
            if (byPath != null) {
                byPath.remove(key);
            }
        } else {
            if (byPath == null) {
                byPath = new HashMap<>(4);
            }
            byPath.put(key, next);
        }
        return next;
    }

    /** Forgets every server's attributes at and below a path (the instance or resource instance is gone). */
    public synchronized void removeUnder(LwM2mPath path) {
        if (byPath != null) {
            byPath.keySet().removeIf(k -> k.path().startsWith(path));
        }
    }

    /** Forgets everything one server wrote (it was removed from the client). */
    public synchronized void removeServer(int shortServerId) {
        if (byPath != null) {
            byPath.keySet().removeIf(k -> k.shortServerId() == shortServerId);
        }
    }
}
