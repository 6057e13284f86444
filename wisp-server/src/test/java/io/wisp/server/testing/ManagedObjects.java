package io.wisp.server.testing;

import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.registry.ModelRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.leshan.client.resource.BaseInstanceEnablerFactory;
import org.eclipse.leshan.client.resource.LwM2mInstanceEnabler;
import org.eclipse.leshan.client.resource.SimpleInstanceEnabler;
import org.eclipse.leshan.client.servers.LwM2mServer;
import org.eclipse.leshan.core.LwM2mId;
import org.eclipse.leshan.core.model.ObjectLoader;
import org.eclipse.leshan.core.model.ObjectModel;
import org.eclipse.leshan.core.node.LwM2mResource;
import org.eclipse.leshan.core.request.argument.Arguments;
import org.eclipse.leshan.core.response.ExecuteResponse;
import org.eclipse.leshan.core.response.WriteResponse;

/**
 * The objects a Leshan client needs for the device-management cases (ETS 200–299), built from Leshan's own
 * {@link SimpleInstanceEnabler}: a Server {@code /1/0} with the resources the ETS writes (2, 3, 5, 6), a Device {@code /3/0} with the resources the ETS reads (error codes {@code /3/0/11},
 * power sources, current time) and a Reboot that is recorded; Portfolio {@code /16} (creatable, instance 0 with four
 * identities); Firmware Update {@code /5/0} whose package the tests can look at. The client accepts bodies up to
 * 1 MiB so block-wise writes of a firmware-sized package reach it.
 */
public final class ManagedObjects {
    /** The Portfolio model, a test resource both sides load. */
    public static final String PORTFOLIO_DDF = "/io/wisp/server/testing/16.xml";
    public static final int PORTFOLIO = 16;
    public static final int MAX_BODY = 1024 * 1024;

    /** The Server instance {@code /1/0}: Short Server ID 123, the lifetime given, storing off, binding U. */
    public final RecordingInstance server;
    /** The Device instance; its executions are recorded. */
    public final RecordingInstance device = new RecordingInstance(0, Map.ofEntries(
            Map.entry(0, "Wisp tests"), Map.entry(1, "interop"), Map.entry(2, "0001"), Map.entry(3, "1.0"),
            Map.entry(6, Map.of(0, 1L, 1, 5L)), Map.entry(7, Map.of(0, 3800L, 1, 5000L)), Map.entry(9, 95L),
            Map.entry(11, Map.of(0, 0L)), Map.entry(13, new Date(1_700_000_000_000L)), Map.entry(14, "+01"),
            Map.entry(15, "Europe/Paris"), Map.entry(16, "U")));
    /** The Firmware Update instance; {@link RecordingInstance#resource(int)} 0 is the last package written. */
    public final RecordingInstance firmware = new RecordingInstance(0, Map.of(3, 0L, 5, 0L));
    /** Portfolio instance 0. */
    public final RecordingInstance portfolio = new RecordingInstance(0, Map.of(0, Map.of(0, "Host Device ID #1",
            1, "Host Device Manufacturer #1", 2, "Host Device Model #1", 3, "Host Device Software Version #1")));

    /** Objects for a client that registers with {@code lifetime} seconds. */
    public ManagedObjects(long lifetime) {
        server = new RecordingInstance(0, Map.of(0, (long) LeshanDevice.SHORT_SERVER_ID, 1, lifetime, 2, 1L, 3, 10L,
                5, 86_400L, 6, false, 7, "U"));
    }

    /** What to add to a {@link LeshanDevice}. */
    public LeshanExtras extras() {
        return new LeshanExtras(List.of(leshanPortfolio()), objects -> {
            objects.setInstancesForObject(LwM2mId.SERVER, server);
            objects.setInstancesForObject(LwM2mId.DEVICE, device);
            objects.setInstancesForObject(LwM2mId.FIRMWARE, firmware);
            objects.setFactoryForObject(PORTFOLIO, new BaseInstanceEnablerFactory() {
                @Override
                public LwM2mInstanceEnabler create() {
                    return new RecordingInstance();
                }
            });
            objects.setInstancesForObject(PORTFOLIO, portfolio);
        }, configuration -> configuration.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, MAX_BODY));
    }

    /** The server's models: Wisp's bundled ones plus Portfolio. */
    public static ObjectModels serverModels() {
        try {
            Path ddf = Path.of(ManagedObjects.class.getResource(PORTFOLIO_DDF).toURI());
            return ModelRegistry.builder().addBundled().addFile(ddf).build();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectModel leshanPortfolio() {
        try (InputStream in = ManagedObjects.class.getResourceAsStream(PORTFOLIO_DDF)) {
            return ObjectLoader.loadDdfFile(in, "16.xml").get(0);
        } catch (IOException | org.eclipse.leshan.core.model.InvalidDDFFileException e) {
            throw new IllegalStateException("cannot load " + PORTFOLIO_DDF, e);
        }
    }

    /** A {@link SimpleInstanceEnabler} that records executions and shows its current resources. */
    public static final class RecordingInstance extends SimpleInstanceEnabler {
        /** {@code "<resource>:<arguments>"} for each Execute received, in order. */
        public final List<String> executions = new CopyOnWriteArrayList<>();

        public RecordingInstance() {
        }

        RecordingInstance(int id, Map<Integer, Object> initialValues) {
            super(id, initialValues);
        }

        /** The current value of a resource as Leshan holds it, or null. */
        public synchronized LwM2mResource resource(int resourceId) {
            return resources.get(resourceId);
        }

        @Override
        public synchronized WriteResponse write(LwM2mServer server, boolean replace, int resourceId,
                LwM2mResource value) {
            return super.write(server, replace, resourceId, value);
        }

        @Override
        public synchronized ExecuteResponse execute(LwM2mServer server, int resourceId, Arguments arguments) {
            executions.add(resourceId + ":" + arguments);
            return ExecuteResponse.success();
        }
    }
}
