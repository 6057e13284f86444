package io.wisp.client.object;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.range.RangeConstraint;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A model's resources in ID order with their parsed ranges, computed once per model and shared by every enabler of
 * that model: an instance then stores its values in an array indexed like {@link #ids}, not in a map. Also the
 * model's rules on values (Core TS §6.3.3: who may write what, of which type, multiplicity and range).
 */
final class ResourceLayout {
    private static final Map<ObjectModel, ResourceLayout> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    final int[] ids;
    final ResourceModel[] resources;
    final RangeConstraint[] ranges;

    private ResourceLayout(ObjectModel model) {
        int n = model.resources().size();
        ids = new int[n];
        resources = new ResourceModel[n];
        ranges = new RangeConstraint[n];
        int k = 0;
        for (ResourceModel r : model.resources().values()) {
            ids[k] = r.id();
            resources[k] = r;
            ranges[k++] = RangeConstraint.of(r);
        }
    }

    static ResourceLayout of(ObjectModel model) {
        return CACHE.computeIfAbsent(model, ResourceLayout::new);
    }

    int size() {
        return ids.length;
    }

    /** The index of a resource ID, or -1 when the model has no such resource. */
    int indexOf(int resourceId) {
        int k = Arrays.binarySearch(ids, resourceId);
        return k >= 0 ? k : -1;
    }

    /**
     * Throws the code a peer gets when the resource at {@code idx} may not take {@code value} from this requester:
     * 4.05 for a server writing a resource that is not writable (on Create every defined resource may be given),
     * 4.00 for an executable resource, the wrong multiplicity or type, or (from a server) a value out of range.
     */
    void check(Requester requester, int idx, LwM2mResource value, LwM2mPath path, boolean creating) {
        ResourceModel rm = resources[idx];
        String what = "resource " + path + " (" + rm.name() + ")";
        if (rm.operations().isExecutable()) {
            if (requester.isServer() && !creating) {
                throw ObjectException.methodNotAllowed(what + " is executable and takes no value");
            }
            throw ObjectException.badRequest(what + " is executable and takes no value");
        }
        if (requester.isServer() && !creating && !rm.operations().isWritable()) {
            throw ObjectException.methodNotAllowed(what + " is not writable");
        }
        if (rm.multiple() != value.isMultiple()) {
            throw ObjectException.badRequest(what + " is " + (rm.multiple() ? "multiple" : "single")
                    + "-instance, the value is not");
        }
        if (value.type() != rm.type()) {
            throw ObjectException.badRequest(what + " takes " + rm.type().ddfName() + ", got "
                    + value.type().ddfName());
        }
        if (requester.isServer()) {
            if (value instanceof SingleResource s) {
                checkRange(idx, s.value(), path);
            } else {
                for (ResourceInstance ri : ((MultipleResource) value).instances().values()) {
                    checkRange(idx, ri.value(), path);
                }
            }
        }
    }

    /** Gives every mandatory, non-executable resource without a value its type default. */
    void fillMandatory(Object[] row) {
        for (int idx = 0; idx < row.length; idx++) {
            ResourceModel rm = resources[idx];
            if (row[idx] == null && rm.mandatory() && !rm.operations().isExecutable()) {
                row[idx] = rm.multiple() ? MultiValues.list(TypeDefaults.of(rm.type())) : TypeDefaults.of(rm.type());
            }
        }
    }

    private void checkRange(int idx, Value value, LwM2mPath path) {
        ranges[idx].check(value).ifPresent(problem -> {
            throw ObjectException.badRequest("value " + value + " for " + path + " is out of range: " + problem);
        });
    }
}
