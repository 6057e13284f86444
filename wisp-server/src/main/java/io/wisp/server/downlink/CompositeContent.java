package io.wisp.server.downlink;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.leaf.LeafAssembler;
import io.wisp.core.codec.leaf.LeafFlattener;
import io.wisp.core.codec.leaf.LeafValue;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Regroups the flat content of a Read-Composite answer by the paths the server asked for: FETCH {@code /1/0} gives an
 * object instance at {@code /1/0}, not five resources. The root asked for gives one object per object present. A path
 * with nothing under it in the answer (the client does not have it) is left out (ETS int-236).
 */
final class CompositeContent {
    private CompositeContent() {
    }

    static SortedMap<LwM2mPath, LwM2mNode> byRequestedPath(ContentFormat format, List<LwM2mPath> requested,
            Map<LwM2mPath, LwM2mNode> decoded, ObjectModels models) {
        List<LeafValue> leaves = new ArrayList<>();
        for (Map.Entry<LwM2mPath, LwM2mNode> e : decoded.entrySet()) {
            leaves.addAll(LeafFlattener.flatten(e.getKey(), e.getValue()));
        }
        List<LwM2mPath> targets = new ArrayList<>();
        for (LwM2mPath p : requested) {
            if (p.isRoot()) {
                TreeSet<Integer> objects = new TreeSet<>();
                leaves.forEach(l -> objects.add(l.path().objectId()));
                objects.forEach(o -> targets.add(LwM2mPath.of(o)));
            } else {
                targets.add(p);
            }
        }
        SortedMap<LwM2mPath, LwM2mNode> out = new TreeMap<>();
        for (LwM2mPath target : targets) {
            List<LeafValue> under = leaves.stream().filter(l -> l.path().startsWith(target)).toList();
            if (!under.isEmpty()) {
                out.put(target, LeafAssembler.assemble(format, target, under, models));
            }
        }
        return out;
    }
}
