package io.wisp.client.testing;

import io.wisp.client.object.ChangeListener;
import io.wisp.core.path.LwM2mPath;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every change it hears, as text: a path, or "instances of N". */
public final class RecordingListener implements ChangeListener {
    public final List<String> heard = new CopyOnWriteArrayList<>();

    @Override
    public void valuesChanged(Iterable<LwM2mPath> paths) {
        paths.forEach(p -> heard.add(p.toString()));
    }

    @Override
    public void instancesChanged(int objectId) {
        heard.add("instances of " + objectId);
    }
}
