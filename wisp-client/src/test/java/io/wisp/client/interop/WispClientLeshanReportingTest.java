package io.wisp.client.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.client.ClientEvents;
import io.wisp.client.WispClient;
import io.wisp.client.object.ModelEnabler;
import io.wisp.client.object.ObjectBuilder;
import io.wisp.client.object.Requester;
import io.wisp.client.object.firmware.FirmwareUpdateEnabler;
import io.wisp.client.object.firmware.PackageInfo;
import io.wisp.client.object.firmware.SimulatedFirmwareInstaller;
import io.wisp.client.object.firmware.SimulatedPackage;
import io.wisp.client.object.std.DeviceObject;
import io.wisp.client.object.std.SensorObject;
import io.wisp.core.model.Version;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.leshan.core.ResponseCode;
import org.eclipse.leshan.core.link.lwm2m.attributes.LwM2mAttributeSet;
import org.eclipse.leshan.core.link.lwm2m.attributes.LwM2mAttributes;
import org.eclipse.leshan.core.node.LwM2mNode;
import org.eclipse.leshan.core.node.LwM2mObjectInstance;
import org.eclipse.leshan.core.node.LwM2mSingleResource;
import org.eclipse.leshan.core.observation.CompositeObservation;
import org.eclipse.leshan.core.observation.SingleObservation;
import org.eclipse.leshan.core.request.CancelCompositeObservationRequest;
import org.eclipse.leshan.core.request.CancelObservationRequest;
import org.eclipse.leshan.core.request.ContentFormat;
import org.eclipse.leshan.core.request.ExecuteRequest;
import org.eclipse.leshan.core.request.ObserveCompositeRequest;
import org.eclipse.leshan.core.request.ObserveRequest;
import org.eclipse.leshan.core.request.ReadRequest;
import org.eclipse.leshan.core.request.WriteAttributesRequest;
import org.eclipse.leshan.core.request.WriteRequest;
import org.eclipse.leshan.core.response.ObserveCompositeResponse;
import org.eclipse.leshan.core.response.ObserveResponse;
import org.eclipse.leshan.core.response.WriteResponse;
import org.eclipse.leshan.server.queue.PresenceListener;
import org.eclipse.leshan.server.registration.Registration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Wisp client (LwM2M 1.1) against the Leshan server over real UDP on 127.0.0.1: Observe and Observe-Composite
 * in every format Leshan asks for, notifications as the attributes Leshan wrote say (the TS example
 * {@code /3/0/9?gt=45&st=10}, pmin, pmax), active and passive cancel, Send (ETS 301–311); queue mode as Leshan sees
 * it (ETS 108, 109: Leshan sends only while the client is awake); a 1 MB firmware pushed by Leshan (ETS 770).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WispClientLeshanReportingTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String EP = "wisp-reporting-leshan";
    /** Leshan counts a queue-mode client awake this long after it heard from it; the client stays awake longer. */
    private static final Duration LESHAN_AWAKE = Duration.ofSeconds(1);
    private static final Duration CLIENT_AWAKE = Duration.ofMillis(1500);

    private final AtomicInteger notifiedByClient = new AtomicInteger();
    private final ExecutorService firmwareWork = Executors.newFixedThreadPool(2);
    private LeshanServerPeer leshan;
    private WispClient client;
    private SensorObject temperature;

    @BeforeAll
    void start() {
        leshan = new LeshanServerPeer(LESHAN_AWAKE);
        temperature = SensorObject.of(3303, Clock.systemUTC(), 5);
        client = WispClient.builder(EP).bindAddress(LOOPBACK).lwm2mVersion(Version.V1_1)
                .server(1, leshan.address(), Duration.ofMinutes(5)).object(temperature)
                .firmware(FirmwareUpdateEnabler.builder(new SimulatedFirmwareInstaller(
                        new PackageInfo("wisp-sim", "1.0.0")), firmwareWork))
                .events(new ClientEvents() {
                    @Override
                    public void notified(int shortServerId, String paths) {
                        notifiedByClient.incrementAndGet();
                    }
                }).build();
        client.start();
        await().atMost(TIMEOUT).until(() -> client.isRegistered() && leshan.registration(EP) != null);
    }

    @AfterAll
    void stop() throws Exception {
        client.stop().get(10, TimeUnit.SECONDS);
        leshan.close();
        firmwareWork.shutdownNow();
    }

    private DeviceObject device() {
        return (DeviceObject) client.objects().find(3);
    }

    private SingleObservation observe(String path, ContentFormat format) {
        int before = client.observationCount();
        ObserveResponse r = leshan.send(EP, new ObserveRequest(format, path));
        assertThat(r.getCode()).as(r.getErrorMessage()).isEqualTo(ResponseCode.CONTENT);
        await().atMost(TIMEOUT).until(() -> client.observationCount() == before + 1);
        return r.getObservation();
    }

    private void cancel(SingleObservation o) {
        int before = client.observationCount();
        assertThat(leshan.send(EP, new CancelObservationRequest(o)).getCode()).isEqualTo(ResponseCode.CONTENT);
        await().atMost(TIMEOUT).until(() -> client.observationCount() == before - 1);
    }

    private static Object value(LeshanServerPeer.Notified n) {
        return ((LwM2mSingleResource) ((ObserveResponse) n.response()).getContent()).getValue();
    }

    private void writeAttributes(String path, LwM2mAttributeSet attributes) {
        assertThat(leshan.send(EP, new WriteAttributesRequest(path, attributes)).getCode())
                .isEqualTo(ResponseCode.CHANGED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLV", "JSON", "SENML_JSON", "SENML_CBOR", "TEXT", "CBOR"})
    void int_301_observe_and_notify_a_resource(String formatName) {
        SingleObservation o = observe("/3303/0/5700", ContentFormat.fromName(formatName));
        try {
            double next = 10 + formatName.length();
            temperature.set(0, SensorObject.SENSOR_VALUE, Value.of(next));

            await().atMost(TIMEOUT).until(() -> !leshan.notificationsOf(o).isEmpty());
            assertThat(value(leshan.notificationsOf(o).get(0))).isEqualTo(next);
        } finally {
            cancel(o);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLV", "JSON", "SENML_JSON", "SENML_CBOR"})
    void int_301_observe_and_notify_an_object_instance(String formatName) {
        SingleObservation o = observe("/3/0", ContentFormat.fromName(formatName));
        try {
            device().setBattery(70 + formatName.length(), DeviceObject.BATTERY_NORMAL);

            await().atMost(TIMEOUT).until(() -> !leshan.notificationsOf(o).isEmpty());
            LwM2mNode content = ((ObserveResponse) leshan.notificationsOf(o).get(0).response()).getContent();
            assertThat(((LwM2mObjectInstance) content).getResource(9).getValue())
                    .isEqualTo((long) (70 + formatName.length()));
        } finally {
            cancel(o);
        }
    }

    /** The TS example itself (Transport TS 1.2, Write-Attributes example 4): {@code /3/0/9?gt=45&st=10}. */
    @Test
    void int_301_battery_level_with_gt_45_and_st_10_notifies_as_the_ts_example_says() {
        device().setBattery(45, DeviceObject.BATTERY_NORMAL);
        writeAttributes("/3/0/9", new LwM2mAttributeSet(LwM2mAttributes.create(LwM2mAttributes.GREATER_THAN, 45d),
                LwM2mAttributes.create(LwM2mAttributes.STEP, 10d)));
        SingleObservation o = observe("/3/0/9", ContentFormat.TLV);
        try {
            device().setBattery(50, DeviceObject.BATTERY_NORMAL);   // 45 -> 50 notifies (gt)
            await().atMost(TIMEOUT).until(() -> leshan.notificationsOf(o).size() == 1);
            device().setBattery(38, DeviceObject.BATTERY_NORMAL);   // 50 -> 38 notifies (st)
            await().atMost(TIMEOUT).until(() -> leshan.notificationsOf(o).size() == 2);
            device().setBattery(49, DeviceObject.BATTERY_NORMAL);   // 38 -> 49 notifies (gt and st)
            await().atMost(TIMEOUT).until(() -> leshan.notificationsOf(o).size() == 3);
            int sentSoFar = notifiedByClient.get();
            device().setBattery(48, DeviceObject.BATTERY_NORMAL);   // no condition
            device().setBattery(42, DeviceObject.BATTERY_NORMAL);   // 48 -> 42 does not notify
            device().setBattery(60, DeviceObject.BATTERY_NORMAL);   // gt again: the marker
            await().atMost(TIMEOUT).until(() -> leshan.notificationsOf(o).size() == 4);

            assertThat(leshan.notificationsOf(o)).extracting(WispClientLeshanReportingTest::value)
                    .containsExactly(50L, 38L, 49L, 60L);
            assertThat(notifiedByClient.get() - sentSoFar).isEqualTo(1);
        } finally {
            cancel(o);
            writeAttributes("/3/0/9", new LwM2mAttributeSet(LwM2mAttributes.create(LwM2mAttributes.GREATER_THAN),
                    LwM2mAttributes.create(LwM2mAttributes.STEP)));
        }
    }

    @Test
    void int_301_observe_with_pmin_and_pmax_written() {
        writeAttributes("/3303/0/5700", new LwM2mAttributeSet(
                LwM2mAttributes.create(LwM2mAttributes.MINIMUM_PERIOD, 1L),
                LwM2mAttributes.create(LwM2mAttributes.MAXIMUM_PERIOD, 2L)));
        SingleObservation o = observe("/3303/0/5700", ContentFormat.SENML_CBOR);
        try {
            await().atMost(TIMEOUT).until(() -> leshan.notificationsOf(o).size() >= 2);
            List<LeshanServerPeer.Notified> all = leshan.notificationsOf(o);
            assertThat(Duration.ofNanos(all.get(1).nanos() - all.get(0).nanos()))
                    .as("without a change, one notification per pmax and never two within pmin")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(800));
        } finally {
            cancel(o);
            writeAttributes("/3303/0/5700", new LwM2mAttributeSet(
                    LwM2mAttributes.create(LwM2mAttributes.MINIMUM_PERIOD),
                    LwM2mAttributes.create(LwM2mAttributes.MAXIMUM_PERIOD)));
        }
    }

    @Test
    void int_302_cancel_observation_by_reset() {
        int before = client.observationCount();
        SingleObservation o = observe("/3303/0/5700", ContentFormat.TLV);

        leshan.server().getObservationService().cancelObservation(o);
        temperature.set(0, SensorObject.SENSOR_VALUE, Value.of(-40.0));

        await().atMost(TIMEOUT).until(() -> client.observationCount() == before);
    }

    @Test
    void int_303_cancel_observation_by_observe_cancel() {
        int before = client.observationCount();
        SingleObservation o = observe("/3303/0/5700", ContentFormat.SENML_JSON);

        cancel(o);

        assertThat(client.observationCount()).as("the client dropped it").isEqualTo(before);
        int notified = notifiedByClient.get();
        temperature.set(0, SensorObject.SENSOR_VALUE, Value.of(77.0));
        assertThat(notifiedByClient.get()).as("no notification follows a change").isEqualTo(notified);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SENML_JSON", "SENML_CBOR"})
    void int_304_observe_composite_and_int_305_its_cancel(String formatName) {
        ContentFormat format = ContentFormat.fromName(formatName);
        int before = client.observationCount();
        ObserveCompositeResponse r = leshan.send(EP, new ObserveCompositeRequest(format, format, "/3303/0/5700",
                "/3/0/9", "/1/0/1"));
        assertThat(r.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.getContent()).hasSize(3);
        CompositeObservation o = r.getObservation();
        await().atMost(TIMEOUT).until(() -> client.observationCount() == before + 1);
        try {
            temperature.set(0, SensorObject.SENSOR_VALUE, Value.of(30.0 + formatName.length()));

            await().atMost(TIMEOUT).until(() -> !leshan.notificationsOf(o).isEmpty());
            ObserveCompositeResponse n = (ObserveCompositeResponse) leshan.notificationsOf(o).get(0).response();
            assertThat(n.getContent()).hasSize(3);
            assertThat(((LwM2mSingleResource) n.getContent().get(
                    new org.eclipse.leshan.core.node.LwM2mPath("/3303/0/5700"))).getValue())
                    .isEqualTo(30.0 + formatName.length());
        } finally {
            assertThat(leshan.send(EP, new CancelCompositeObservationRequest(o)).getCode())
                    .isEqualTo(ResponseCode.CONTENT);
            await().atMost(TIMEOUT).until(() -> client.observationCount() == before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SENML_JSON", "SENML_CBOR"})
    void int_306_send(String formatName) throws Exception {
        int before = leshan.sent.size();
        io.wisp.core.codec.ContentFormat format = formatName.equals("SENML_JSON")
                ? io.wisp.core.codec.ContentFormat.SENML_JSON : io.wisp.core.codec.ContentFormat.SENML_CBOR;

        assertThat(client.send(1, format, List.of(LwM2mPath.parse("/3/0/2"), LwM2mPath.parse("/3303/0/5700")))
                .get(10, TimeUnit.SECONDS)).isEqualTo(io.wisp.core.operation.ResponseCode.CHANGED);

        await().atMost(TIMEOUT).until(() -> leshan.sent.size() > before);
        LeshanServerPeer.Sent sent = leshan.sent.get(leshan.sent.size() - 1);
        assertThat(sent.request().getFormat().getName()).isEqualTo(formatName);
        assertThat(((LwM2mSingleResource) sent.data().getNodes().get(
                new org.eclipse.leshan.core.node.LwM2mPath("/3/0/2"))).getValue()).isEqualTo(EP);
    }

    @Test
    void int_311_send_command() throws Exception {
        int before = leshan.sent.size();
        assertThat(client.send(1, io.wisp.core.codec.ContentFormat.SENML_CBOR, List.of(LwM2mPath.parse("/1/0/1"),
                LwM2mPath.parse("/3/0/11/0"))).get(10, TimeUnit.SECONDS))
                .isEqualTo(io.wisp.core.operation.ResponseCode.CHANGED);

        await().atMost(TIMEOUT).until(() -> leshan.sent.size() > before);
        var nodes = leshan.sent.get(leshan.sent.size() - 1).data().getNodes();
        assertThat(((LwM2mSingleResource) nodes.get(new org.eclipse.leshan.core.node.LwM2mPath("/1/0/1")))
                .getValue()).isEqualTo(300L);
        assertThat(nodes).containsKey(new org.eclipse.leshan.core.node.LwM2mPath("/3/0/11/0"));
    }

    /** ETS int-770 with Leshan pushing: a 1 MB package written block-wise to /5/0/0, then Update. */
    @Test
    void int_770_firmware_update_push_from_leshan() {
        byte[] body = new byte[1 << 20];
        new Random(770).nextBytes(body);
        byte[] pkg = SimulatedPackage.build(new PackageInfo("wisp-sim", "2.0.0-leshan"), body);
        SingleObservation state = observe("/5/0/3", ContentFormat.TLV);
        try {
            WriteResponse written = leshan.send(EP, new WriteRequest(ContentFormat.OPAQUE, 5, 0, 0, pkg),
                    Duration.ofSeconds(60));
            assertThat(written.getCode()).as(written.getErrorMessage()).isEqualTo(ResponseCode.CHANGED);
            await().atMost(TIMEOUT).until(() -> client.firmware().orElseThrow().status().state().code() == 2);

            assertThat(leshan.send(EP, new ExecuteRequest("/5/0/2")).getCode()).isEqualTo(ResponseCode.CHANGED);

            await().atMost(TIMEOUT).until(() -> leshan.notificationsOf(state).stream()
                    .anyMatch(n -> Long.valueOf(0).equals(value(n)) && leshan.notificationsOf(state).size() >= 3));
            assertThat(leshan.notificationsOf(state)).extracting(WispClientLeshanReportingTest::value)
                    .containsSubsequence(1L, 2L, 3L, 0L);
            LwM2mObjectInstance fw = (LwM2mObjectInstance) leshan.send(EP, new ReadRequest(ContentFormat.TLV, 5, 0))
                    .getContent();
            assertThat(fw.getResource(5).getValue()).as("Update Result: success").isEqualTo(1L);
            await().atMost(TIMEOUT).until(() -> "2.0.0-leshan".equals(((LwM2mSingleResource) leshan.send(EP,
                    new ReadRequest(ContentFormat.TEXT, 3, 0, 3)).getContent()).getValue()));
        } finally {
            cancel(state);
        }
    }

    @Test
    void int_108_turn_on_queue_mode_in_1_0_with_binding_uq() throws Exception {
        WispClient v10 = WispClient.builder("wisp-uq").bindAddress(LOOPBACK).lwm2mVersion(Version.V1_0)
                .queueMode(true).awakeTime(CLIENT_AWAKE).server(1, leshan.address(), Duration.ofMinutes(5)).build();
        v10.start();
        try {
            await().atMost(TIMEOUT).until(() -> leshan.registration("wisp-uq") != null);
            Registration r = leshan.registration("wisp-uq");
            assertThat(r.getLwM2mVersion()).isEqualTo(org.eclipse.leshan.core.LwM2m.LwM2mVersion.V1_0);
            assertThat(r.usesQueueMode()).isTrue();
            assertThat(r.getBindingMode()).contains(org.eclipse.leshan.core.request.BindingMode.U);
            await().atMost(TIMEOUT).until(() -> leshan.presence.contains("sleeping wisp-uq") && !v10.isAwake());
        } finally {
            v10.stop().get(10, TimeUnit.SECONDS);
        }
        assertThat(leshan.eventsOf("wisp-uq")).endsWith("deregistered");
    }

    /**
     * ETS int-108 and int-109 with Leshan: the client registers with Q, Leshan sees it fall asleep, holds its own
     * requests until the client wakes with an Update (Leshan refuses to send to a sleeping client), and the
     * notification the client made while asleep arrives after it woke.
     */
    @Test
    void int_109_behaviour_in_queue_mode_with_leshan() throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        ModelEnabler display = ObjectBuilder.of(3341).instances(0).onWriteString(5527, written::add).build();
        SensorObject sensor = SensorObject.of(3303, Clock.systemUTC(), 9);
        WispClient sleeper = WispClient.builder("wisp-sleeper").bindAddress(LOOPBACK).lwm2mVersion(Version.V1_1)
                .queueMode(true).awakeTime(CLIENT_AWAKE).server(1, leshan.address(), Duration.ofMinutes(5))
                .object(sensor).object(display).build();
        sleeper.objects().write(Requester.LOCAL, LwM2mPath.parse("/1/0/6"), SingleResource.of(6, Value.of(true)),
                false);
        List<ResponseCode> answers = new CopyOnWriteArrayList<>();
        PresenceListener onWake = new PresenceListener() {
            @Override
            public void onAwake(Registration registration) {
                if (registration.getEndpoint().equals("wisp-sleeper") && answers.isEmpty() && !written.isEmpty()) {
                    firmwareWork.execute(() -> {
                        for (String text : List.of("one", "two", "three")) {
                            answers.add(leshan.send("wisp-sleeper", new WriteRequest(3341, 0, 5527, text))
                                    .getCode());
                        }
                    });
                }
            }

            @Override
            public void onSleeping(Registration registration) {
            }
        };
        leshan.server().getPresenceService().addListener(onWake);
        sleeper.start();
        try {
            await().atMost(TIMEOUT).until(() -> leshan.registration("wisp-sleeper") != null);
            assertThat(leshan.registration("wisp-sleeper").usesQueueMode()).as("int-108").isTrue();
            ObserveResponse observed = sendAwake(sleeper, "wisp-sleeper",
                    new ObserveRequest(ContentFormat.TLV, "/3303/0/5700"));
            assertThat(observed.getCode()).isEqualTo(ResponseCode.CONTENT);
            SingleObservation o = observed.getObservation();
            assertThat(sendAwake(sleeper, "wisp-sleeper", new WriteRequest(3341, 0, 5527, "awake")).getCode())
                    .isEqualTo(ResponseCode.CHANGED);
            await().atMost(TIMEOUT).until(() -> !sleeper.isAwake()
                    && leshan.presence.contains("sleeping wisp-sleeper"));

            sensor.set(0, SensorObject.SENSOR_VALUE, Value.of(88.5));
            long wokeAt = System.nanoTime();
            sleeper.triggerUpdate(1);

            await().atMost(TIMEOUT).until(() -> answers.size() == 3);
            assertThat(answers).containsOnly(ResponseCode.CHANGED);
            assertThat(written).containsExactly("awake", "one", "two", "three");
            await().atMost(TIMEOUT).until(() -> leshan.notificationsOf(o).stream()
                    .anyMatch(n -> Double.valueOf(88.5).equals(value(n))));
            LeshanServerPeer.Notified held = leshan.notificationsOf(o).stream()
                    .filter(n -> Double.valueOf(88.5).equals(value(n))).findFirst().orElseThrow();
            assertThat(held.nanos()).as("the notification made while asleep left after the wake-up")
                    .isGreaterThan(wokeAt);
        } finally {
            leshan.server().getPresenceService().removeListener(onWake);
            sleeper.stop().get(10, TimeUnit.SECONDS);
        }
    }

    /** Sends while Leshan counts the client awake, waking it with an Update first when Leshan thinks it sleeps. */
    private <T extends org.eclipse.leshan.core.response.LwM2mResponse> T sendAwake(WispClient sleeper,
            String endpoint, org.eclipse.leshan.core.request.DownlinkRequest<T> request) {
        for (int attempt = 0; ; attempt++) {
            if (!leshan.server().getPresenceService().isClientAwake(leshan.registration(endpoint))) {
                sleeper.triggerUpdate(1);
                await().atMost(TIMEOUT).until(() -> leshan.server().getPresenceService()
                        .isClientAwake(leshan.registration(endpoint)));
            }
            try {
                return leshan.send(endpoint, request);
            } catch (org.eclipse.leshan.core.request.exception.ClientSleepingException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }
}
