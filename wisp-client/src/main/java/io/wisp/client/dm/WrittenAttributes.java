package io.wisp.client.dm;

import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.List;

/**
 * The notification attributes each server has written with Write-Attributes (Core TS §6.3.4), as attached: per
 * Short Server ID and per path, one level at a time. Observations read them to evaluate pmin, pmax, gt, lt, st...
 * (Core TS §7.3.2, where a lower level overrides a higher one); Discover reports them.
 */
public interface WrittenAttributes {

    /** The attributes a server attached exactly at this path; empty when none. */
    NotificationAttributes attachedAt(int shortServerId, LwM2mPath path);

    /**
     * The attributes attached at each level from the object down to {@code path}: index 0 the object, index
     * {@code path.depth() - 1} the path itself.
     */
    default List<NotificationAttributes> alongPath(int shortServerId, LwM2mPath path) {
        List<NotificationAttributes> out = new ArrayList<>(path.depth());
        for (int depth = 1; depth <= path.depth(); depth++) {
            LwM2mPath level = path;
            while (level.depth() > depth) {
                level = level.parent();
            }
            out.add(attachedAt(shortServerId, level));
        }
        return out;
    }
}
