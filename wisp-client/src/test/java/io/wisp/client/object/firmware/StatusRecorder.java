package io.wisp.client.object.firmware;

import io.wisp.client.object.ChangeListener;
import io.wisp.client.object.ObjectEnabler;
import io.wisp.client.object.Requester;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a server observing /5/0/3 and /5/0/5 would see: on every change reported for either, the State and Update
 * Result read back through the enabler at that moment, as "state/result" steps.
 */
final class StatusRecorder implements ChangeListener {
    static final LwM2mPath STATE = LwM2mPath.parse("/5/0/3");
    static final LwM2mPath RESULT = LwM2mPath.parse("/5/0/5");
    private static final Requester SERVER = Requester.server(1);

    private final ObjectEnabler enabler;
    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final List<List<LwM2mPath>> reports = new CopyOnWriteArrayList<>();

    private StatusRecorder(ObjectEnabler enabler) {
        this.enabler = enabler;
    }

    static StatusRecorder on(ObjectEnabler enabler) {
        StatusRecorder recorder = new StatusRecorder(enabler);
        enabler.setChangeListener(recorder);
        return recorder;
    }

    @Override
    public void valuesChanged(Iterable<LwM2mPath> paths) {
        List<LwM2mPath> list = new ArrayList<>();
        paths.forEach(list::add);
        reports.add(list);
        if (list.contains(STATE) || list.contains(RESULT)) {
            steps.add(read(enabler, STATE) + "/" + read(enabler, RESULT));
        }
    }

    @Override
    public void instancesChanged(int objectId) {
        throw new AssertionError("object 5 never changes its instances");
    }

    /** The "state/result" pairs seen so far. */
    List<String> steps() {
        return List.copyOf(steps);
    }

    /** Every list of paths reported, in order. */
    List<List<LwM2mPath>> reports() {
        return List.copyOf(reports);
    }

    static long read(ObjectEnabler enabler, LwM2mPath path) {
        Value v = ((SingleResource) enabler.read(SERVER, path)).value();
        return ((Value.IntegerValue) v).value();
    }
}
