package io.wisp.server.testing;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.eclipse.leshan.client.resource.SimpleInstanceEnabler;
import org.eclipse.leshan.client.servers.LwM2mServer;
import org.eclipse.leshan.core.LwM2mId;
import org.eclipse.leshan.core.node.LwM2mPath;
import org.eclipse.leshan.core.node.LwM2mResource;
import org.eclipse.leshan.core.response.ReadResponse;

/**
 * A Device {@code /3/0} for the information-reporting cases (ETS 300–399) whose values a test changes on demand, so
 * that the Leshan client notifies its observers the way it does for a real sensor: power source voltage
 * {@code /3/0/7} and current {@code /3/0/8} (two instances each, as the ETS observes them), battery level
 * {@code /3/0/9}, error codes {@code /3/0/11}.
 */
public final class ReportingObjects {
    /** The Device instance. */
    public final ChangingInstance device = new ChangingInstance(0, Map.ofEntries(
            Map.entry(0, "Wisp tests"), Map.entry(1, "interop"), Map.entry(2, "0001"), Map.entry(3, "1.0"),
            Map.entry(6, Map.of(0, 1L, 1, 5L)), Map.entry(7, Map.of(0, 3800L, 1, 5000L)),
            Map.entry(8, Map.of(0, 125L, 1, 900L)), Map.entry(9, 95L), Map.entry(11, Map.of(0, 0L)),
            Map.entry(13, new Date(1_700_000_000_000L)), Map.entry(14, "+01"), Map.entry(15, "Europe/Paris"),
            Map.entry(16, "U")));

    /** What to add to a {@link LeshanDevice}. */
    public LeshanExtras extras() {
        return new LeshanExtras(List.of(), objects -> objects.setInstancesForObject(LwM2mId.DEVICE, device),
                configuration -> { });
    }

    /** Leshan's generic instance with a way to change a value as the device itself would. */
    public static final class ChangingInstance extends SimpleInstanceEnabler {

        /** Leshan needs a default constructor to make instances of the object. */
        public ChangingInstance() {
        }

        ChangingInstance(int id, Map<Integer, Object> initialValues) {
            super(id, initialValues);
        }

        /**
         * Sets a resource ({@code Long}, {@code String}..., or a {@code Map} of instances for a multiple resource)
         * and tells Leshan it changed, which sends the notifications its observers are due.
         */
        public void set(int resourceId, Object value) {
            LwM2mPath[] changed;
            synchronized (this) {
                changed = applyValues(Map.of(resourceId, value));
            }
            fireResourcesChange(changed);
        }

        @Override
        public synchronized ReadResponse read(LwM2mServer server, int resourceId) {
            return super.read(server, resourceId);
        }

        /** The current value of a resource as Leshan holds it, or null. */
        public synchronized LwM2mResource resource(int resourceId) {
            return resources.get(resourceId);
        }
    }
}
