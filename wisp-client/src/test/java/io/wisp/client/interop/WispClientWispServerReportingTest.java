package io.wisp.client.interop;

import static io.wisp.client.interop.Nodes.number;
import static io.wisp.client.interop.Nodes.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wisp.client.ClientEvents;
import io.wisp.client.WispClient;
import io.wisp.client.object.ModelEnabler;
import io.wisp.client.object.std.SensorObject;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.CancelCompositeObservationRequest;
import io.wisp.core.operation.CancelObservationRequest;
import io.wisp.core.operation.CreateRequest;
import io.wisp.core.operation.DeleteRequest;
import io.wisp.core.operation.LwM2mRequest;
import io.wisp.core.operation.LwM2mResponse;
import io.wisp.core.operation.Observation;
import io.wisp.core.operation.ObserveCompositeRequest;
import io.wisp.core.operation.ObserveCompositeResponse;
import io.wisp.core.operation.ObserveRequest;
import io.wisp.core.operation.ObserveResponse;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.SendRequest;
import io.wisp.core.operation.WriteAttributesRequest;
import io.wisp.core.operation.WriteRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.WispServer;
import io.wisp.server.observation.ObservationNotification;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Wisp client (LwM2M 1.2) against the Wisp server over real UDP on 127.0.0.1: the Information Reporting interface
 * (ETS 301–313) — Observe and Observe-Composite in every format both speak, notifications driven by the notification
 * attributes the server wrote or put in the request (the TS example {@code gt=45&st=10}, pmin, pmax), active and
 * passive cancel, and Send in SenML JSON, SenML CBOR and LwM2M CBOR.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WispClientWispServerReportingTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String EP = "wisp-reporting";

    private final List<ObservationNotification> notifications = new CopyOnWriteArrayList<>();
    private final List<SendRequest> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger notifiedByClient = new AtomicInteger();
    private WispServer server;
    private WispClient client;
    private SensorObject temperature;
    private ModelEnabler display;

    @BeforeAll
    void start() {
        server = WispServer.builder().bindAddress(LOOPBACK).port(0).models(ModelRegistry.bundled()).build();
        server.addObservationListener(notifications::add);
        server.addSendListener((registration, data) -> sent.add(data));
        server.start();
        temperature = SensorObject.of(3303, Clock.systemUTC(), 7);
        display = new ModelEnabler(ModelRegistry.bundled().find(3341).orElseThrow());
        display.addInstance(0);
        client = WispClient.builder(EP).bindAddress(LOOPBACK).lwm2mVersion(Version.V1_2)
                .server(1, server.localAddress(), Duration.ofMinutes(5)).object(temperature).object(display)
                .events(new ClientEvents() {
                    @Override
                    public void notified(int shortServerId, String paths) {
                        notifiedByClient.incrementAndGet();
                    }
                }).build();
        client.start();
        await().atMost(TIMEOUT).until(() -> client.isRegistered() && server.registrations().byEndpoint(EP).isPresent());
    }

    @AfterAll
    void stop() throws Exception {
        client.stop().get(10, TimeUnit.SECONDS);
        server.close();
    }

    private <R extends LwM2mResponse> R send(LwM2mRequest<R> request) {
        return server.sendAndWait(EP, request, TIMEOUT);
    }

    private List<ObservationNotification> of(Observation observation) {
        return notifications.stream().filter(n -> n.observation().id().equals(observation.id())).toList();
    }

    /** Observes and waits until the client holds the observation too (it starts once the answer left). */
    private Observation observe(ObserveRequest request) {
        int before = client.observationCount();
        ObserveResponse r = send(request);
        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        await().atMost(TIMEOUT).until(() -> client.observationCount() == before + 1);
        return r.activeObservation().orElseThrow();
    }

    private void cancel(Observation o) {
        int before = client.observationCount();
        assertThat(send(new CancelObservationRequest(o)).code()).isEqualTo(ResponseCode.CONTENT);
        await().atMost(TIMEOUT).until(() -> client.observationCount() == before - 1);
    }

    private void setTemperature(double celsius) {
        temperature.set(0, SensorObject.SENSOR_VALUE, Value.of(celsius));
    }

    @ParameterizedTest
    @EnumSource(names = {"TLV", "SENML_JSON", "SENML_CBOR", "LWM2M_CBOR", "OMA_JSON", "TEXT", "CBOR"})
    void int_301_observe_and_notify_a_resource_in_every_format(WispClientWispServerTest.Format format) {
        Observation o = observe(ObserveRequest.of("/3303/0/5700", format.content));
        try {
            double next = 10 + format.ordinal();
            setTemperature(next);

            await().atMost(TIMEOUT).until(() -> !of(o).isEmpty());
            ObservationNotification n = of(o).get(0);
            assertThat(n.format()).isEqualTo(format.content);
            assertThat(number(value(n.node()))).isEqualTo(next);
        } finally {
            cancel(o);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"TLV", "SENML_JSON", "SENML_CBOR", "LWM2M_CBOR", "OMA_JSON"})
    void int_301_observe_and_notify_an_object_instance(WispClientWispServerTest.Format format) {
        Observation o = observe(ObserveRequest.of("/3303/0", format.content));
        try {
            setTemperature(20 + format.ordinal());

            await().atMost(TIMEOUT).until(() -> !of(o).isEmpty());
            ObjectInstance sensor = (ObjectInstance) of(o).get(0).node();
            assertThat(number(value(sensor, SensorObject.SENSOR_VALUE))).isEqualTo(20 + format.ordinal());
        } finally {
            cancel(o);
        }
    }

    /**
     * The notification attribute example of the TS (Transport TS 1.2, Write-Attributes example 4, with the sensor of
     * the issue): {@code gt=45&st=10}; 45→50 notifies, 38→49 notifies, 48→42 does not.
     */
    @Test
    void int_301_observe_with_gt_and_st_written_notifies_as_the_ts_example_says() {
        setTemperature(45);
        assertThat(send(WriteAttributesRequest.of("/3303/0/5700", "gt=45&st=10")).code())
                .isEqualTo(ResponseCode.CHANGED);
        Observation o = observe(ObserveRequest.of("/3303/0/5700", ContentFormat.SENML_CBOR));
        try {
            setTemperature(50);                  // 45 -> 50: into the region above gt
            await().atMost(TIMEOUT).until(() -> of(o).size() == 1);
            setTemperature(38);                  // 50 -> 38: a change of 12 >= st
            await().atMost(TIMEOUT).until(() -> of(o).size() == 2);
            setTemperature(49);                  // 38 -> 49: gt and st
            await().atMost(TIMEOUT).until(() -> of(o).size() == 3);
            int sentSoFar = notifiedByClient.get();
            setTemperature(48);                  // 49 -> 48: no condition
            setTemperature(42);                  // 48 -> 42: leaves the gt region, 7 below the last notified 49
            setTemperature(60);                  // 42 -> 60: gt again, as a marker that nothing came in between
            await().atMost(TIMEOUT).until(() -> of(o).size() == 4);

            assertThat(of(o)).extracting(n -> number(value(n.node()))).containsExactly(50.0, 38.0, 49.0, 60.0);
            assertThat(notifiedByClient.get() - sentSoFar).as("notifications the client sent for 48, 42, 60")
                    .isEqualTo(1);
        } finally {
            cancel(o);
            assertThat(send(WriteAttributesRequest.of("/3303/0/5700", "gt&st")).code())
                    .isEqualTo(ResponseCode.CHANGED);
        }
    }

    @Test
    void int_301_observe_with_pmin_and_pmax_written_holds_changes_for_pmin_and_notifies_every_pmax() {
        assertThat(send(WriteAttributesRequest.of("/3303/0/5700", "pmin=1&pmax=2")).code())
                .isEqualTo(ResponseCode.CHANGED);
        Observation o = observe(ObserveRequest.of("/3303/0/5700", ContentFormat.SENML_JSON));
        Instant observedAt = Instant.now();
        try {
            setTemperature(30);
            setTemperature(31);
            await().atMost(TIMEOUT).until(() -> !of(o).isEmpty());
            ObservationNotification held = of(o).get(0);
            // pmin counts from the client's answer, which the server got a little before observedAt
            assertThat(Duration.between(observedAt, held.receivedAt())).as("a change within pmin waits for pmin")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(500));
            assertThat(number(value(held.node()))).as("the value current when pmin elapsed").isEqualTo(31.0);

            await().atMost(TIMEOUT).until(() -> of(o).size() >= 3);
            List<ObservationNotification> all = of(o);
            for (int k = 1; k < all.size(); k++) {
                assertThat(Duration.between(all.get(k - 1).receivedAt(), all.get(k).receivedAt()))
                        .as("no two notifications closer than pmin").isGreaterThanOrEqualTo(Duration.ofMillis(800));
            }
            assertThat(all.subList(1, all.size())).as("without a change, pmax makes the client report anyway")
                    .allSatisfy(n -> assertThat(number(value(n.node()))).isEqualTo(31.0));
        } finally {
            cancel(o);
            assertThat(send(WriteAttributesRequest.of("/3303/0/5700", "pmin&pmax")).code())
                    .isEqualTo(ResponseCode.CHANGED);
        }
    }

    @Test
    void int_302_cancel_observation_by_reset() {
        int before = client.observationCount();
        Observation o = observe(ObserveRequest.of("/3303/0/5700", ContentFormat.TLV));

        assertThat(server.observations().forget(o)).isTrue();
        setTemperature(-3);

        await().atMost(TIMEOUT).until(() -> client.observationCount() == before);
        assertThat(of(o)).as("the server forgot it: no notification reaches its listeners").isEmpty();
    }

    @Test
    void int_303_cancel_observation_by_observe_cancel() {
        int before = client.observationCount();
        Observation o = observe(ObserveRequest.of("/3303/0/5700", ContentFormat.SENML_CBOR));

        var cancelled = send(new CancelObservationRequest(o));

        assertThat(cancelled.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(cancelled.node()).isPresent();
        await().atMost(TIMEOUT).until(() -> client.observationCount() == before);
        assertThat(server.observations().byId(o.id())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(names = {"SENML_JSON", "SENML_CBOR", "LWM2M_CBOR"})
    void int_304_observe_composite(WispClientWispServerTest.Format format) {
        ObserveCompositeRequest request = new ObserveCompositeRequest(List.of(LwM2mPath.parse("/3303/0/5700"),
                LwM2mPath.parse("/3/0/9"), LwM2mPath.parse("/1/0/1")), ContentFormat.SENML_CBOR, format.content,
                null);
        int before = client.observationCount();
        ObserveCompositeResponse r = send(request);
        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.content()).hasSize(3);
        Observation o = r.activeObservation().orElseThrow();
        await().atMost(TIMEOUT).until(() -> client.observationCount() == before + 1);
        try {
            setTemperature(33 + format.ordinal());

            await().atMost(TIMEOUT).until(() -> !of(o).isEmpty());
            ObservationNotification n = of(o).get(0);
            assertThat(n.format()).isEqualTo(format.content);
            assertThat(n.content()).containsOnlyKeys(request.paths());
            assertThat(number(value(n.content().get(LwM2mPath.parse("/3303/0/5700")))))
                    .isEqualTo(33 + format.ordinal());
        } finally {
            // ETS int-305: the same FETCH with Observe 1 ends it
            assertThat(send(new CancelCompositeObservationRequest(o)).code()).isEqualTo(ResponseCode.CONTENT);
            await().atMost(TIMEOUT).until(() -> client.observationCount() == before);
        }
    }

    @Test
    void int_305_cancel_observe_composite() {
        int before = client.observationCount();
        ObserveCompositeResponse r = send(ObserveCompositeRequest.of(ContentFormat.SENML_JSON, "/3303/0/5700",
                "/3/0/9"));
        Observation o = r.activeObservation().orElseThrow();
        await().atMost(TIMEOUT).until(() -> client.observationCount() == before + 1);

        var cancelled = send(new CancelCompositeObservationRequest(o));

        assertThat(cancelled.code()).isEqualTo(ResponseCode.CONTENT);
        await().atMost(TIMEOUT).until(() -> client.observationCount() == before);
        assertThat(server.observations().byId(o.id())).isEmpty();
    }

    @Test
    void int_308_observe_composite_with_create() {
        ObserveCompositeResponse r = send(ObserveCompositeRequest.of(ContentFormat.SENML_CBOR, "/3341/0",
                "/3341/1"));
        assertThat(r.content()).containsOnlyKeys(LwM2mPath.parse("/3341/0"));
        Observation o = r.activeObservation().orElseThrow();
        try {
            assertThat(send(CreateRequest.of(3341, ObjectInstance.of(1, SingleResource.of(5527,
                    Value.of("second"))))).code()).isEqualTo(ResponseCode.CREATED);

            await().atMost(TIMEOUT).until(() -> of(o).stream().anyMatch(n -> n.content().size() == 2));
        } finally {
            send(new CancelCompositeObservationRequest(o));
            send(DeleteRequest.of("/3341/1"));
        }
    }

    @Test
    void int_309_observe_composite_with_delete() {
        assertThat(send(CreateRequest.of(3341, ObjectInstance.of(1, SingleResource.of(5527,
                Value.of("doomed"))))).code()).isEqualTo(ResponseCode.CREATED);
        ObserveCompositeResponse r = send(ObserveCompositeRequest.of(ContentFormat.SENML_JSON, "/3341/0",
                "/3341/1"));
        assertThat(r.content()).containsOnlyKeys(LwM2mPath.parse("/3341/0"), LwM2mPath.parse("/3341/1"));
        Observation o = r.activeObservation().orElseThrow();
        try {
            assertThat(send(DeleteRequest.of("/3341/1")).code()).isEqualTo(ResponseCode.DELETED);

            await().atMost(TIMEOUT).until(() -> !of(o).isEmpty());
            assertThat(of(o).get(of(o).size() - 1).content()).containsOnlyKeys(LwM2mPath.parse("/3341/0"));
        } finally {
            send(new CancelCompositeObservationRequest(o));
        }
    }

    @Test
    void int_310_observe_composite_with_attribute_change() {
        ObserveCompositeResponse r = send(ObserveCompositeRequest.of(ContentFormat.SENML_CBOR, "/1/0/1", "/3/0"));
        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        Observation o = r.activeObservation().orElseThrow();
        try {
            assertThat(of(o)).isEmpty();
            assertThat(send(WriteAttributesRequest.of("/3", "pmax=1")).code()).isEqualTo(ResponseCode.CHANGED);

            await().atMost(TIMEOUT).until(() -> of(o).size() >= 2);
            assertThat(of(o).get(0).content()).containsKeys(LwM2mPath.parse("/1/0/1"), LwM2mPath.parse("/3/0"));
        } finally {
            send(WriteAttributesRequest.of("/3", "pmax"));
            send(new CancelCompositeObservationRequest(o));
        }
    }

    @Test
    void int_312_observe_with_attribute_parameters() {
        Observation o = observe(ObserveRequest.of("/3/0/7", ContentFormat.SENML_JSON).withAttributes("pmin=1&pmax=1"));
        try {
            await().atMost(TIMEOUT).until(() -> of(o).size() >= 2);
            assertThat(of(o).get(0).node()).isInstanceOf(io.wisp.core.node.MultipleResource.class);
        } finally {
            cancel(o);
        }
    }

    @Test
    void int_313_observe_parameters_override_attributes() {
        assertThat(send(WriteAttributesRequest.of("/3/0/9", "pmax=60")).code()).isEqualTo(ResponseCode.CHANGED);
        Observation o = observe(ObserveRequest.of("/3/0/9", ContentFormat.SENML_CBOR).withAttributes("pmax=1"));
        try {
            await().atMost(TIMEOUT).until(() -> of(o).size() >= 2);
        } finally {
            cancel(o);
            send(WriteAttributesRequest.of("/3/0/9", "pmax"));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"SENML_JSON", "SENML_CBOR", "LWM2M_CBOR"})
    void int_306_send(WispClientWispServerTest.Format format) throws Exception {
        int before = sent.size();
        ResponseCode code = client.send(1, format.content, List.of(LwM2mPath.parse("/3/0/2"),
                LwM2mPath.parse("/3303/0/5700"))).get(10, TimeUnit.SECONDS);

        assertThat(code).isEqualTo(ResponseCode.CHANGED);
        await().atMost(TIMEOUT).until(() -> sent.size() > before);
        SendRequest data = sent.get(sent.size() - 1);
        assertThat(data.format()).isEqualTo(format.content);
        assertThat(value(data.latest().get(LwM2mPath.parse("/3/0/2")))).isEqualTo(Value.of(EP));
        assertThat(data.paths()).containsOnly(LwM2mPath.parse("/3/0/2"), LwM2mPath.parse("/3303/0/5700"));
    }

    @Test
    void int_307_mute_send() throws Exception {
        assertThat(send(WriteRequest.replaceValue("/1/0/23", Value.of(true), ContentFormat.TEXT)).code())
                .isEqualTo(ResponseCode.CHANGED);
        int before = sent.size();
        try {
            assertThatThrownBy(() -> client.send(1, ContentFormat.SENML_CBOR, List.of(LwM2mPath.parse("/3/0/9")))
                    .get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("muted");
        } finally {
            assertThat(send(WriteRequest.replaceValue("/1/0/23", Value.of(false), ContentFormat.TEXT)).code())
                    .isEqualTo(ResponseCode.CHANGED);
        }
        assertThat(sent).hasSize(before);
        assertThat(client.send(1, ContentFormat.SENML_CBOR, List.of(LwM2mPath.parse("/3/0/9")))
                .get(10, TimeUnit.SECONDS)).isEqualTo(ResponseCode.CHANGED);
        await().atMost(TIMEOUT).until(() -> sent.size() == before + 1);
    }

    @Test
    void int_311_send_command() throws Exception {
        int before = sent.size();
        ResponseCode code = client.send(1, ContentFormat.SENML_CBOR, List.of(LwM2mPath.parse("/1/0/1"),
                LwM2mPath.parse("/3/0/11/0"))).get(10, TimeUnit.SECONDS);

        assertThat(code).isEqualTo(ResponseCode.CHANGED);
        await().atMost(TIMEOUT).until(() -> sent.size() > before);
        SendRequest data = sent.get(sent.size() - 1);
        assertThat(value(data.latest().get(LwM2mPath.parse("/1/0/1")))).isEqualTo(Value.of(300L));
        assertThat(value(data.latest().get(LwM2mPath.parse("/3/0/11/0")))).isEqualTo(Value.of(0L));
    }
}
