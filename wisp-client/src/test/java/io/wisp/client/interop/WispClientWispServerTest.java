package io.wisp.client.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.client.WispClient;
import io.wisp.client.object.std.SensorObject;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ExecuteRequest;
import io.wisp.core.operation.ObserveRequest;
import io.wisp.core.operation.ObserveResponse;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ReadResponse;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.SendRequest;
import io.wisp.core.operation.WriteRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.WispServer;
import io.wisp.server.observation.ObservationNotification;
import io.wisp.server.registration.Registration;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The Wisp client against the Wisp server over real UDP on 127.0.0.1: registration (ETS 101), device management in
 * every format both speak (ETS 201–2xx), Observe with notifications (ETS 301) and Send (ETS 306).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WispClientWispServerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final List<ObservationNotification> notifications = new CopyOnWriteArrayList<>();
    private final List<SendRequest> sent = new CopyOnWriteArrayList<>();
    private WispServer server;
    private WispClient client;
    private SensorObject temperature;

    @BeforeAll
    void start() {
        server = WispServer.builder().bindAddress(LOOPBACK).port(0).models(ModelRegistry.bundled()).build();
        server.addObservationListener(notifications::add);
        server.addSendListener((registration, data) -> sent.add(data));
        server.start();
        temperature = SensorObject.of(3303, Clock.systemUTC(), 42);
        client = WispClient.builder("wisp-ets").bindAddress(LOOPBACK).lwm2mVersion(Version.V1_2)
                .server(1, server.localAddress(), Duration.ofMinutes(5)).object(temperature).build();
        client.start();
        await().atMost(TIMEOUT).until(() -> client.isRegistered()
                && server.registrations().byEndpoint("wisp-ets").isPresent());
    }

    @AfterAll
    void stop() throws Exception {
        client.stop().get(10, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void int_101_registration_announces_version_objects_and_formats() {
        Registration r = server.registrations().byEndpoint("wisp-ets").orElseThrow();
        assertThat(r.lwm2mVersion()).isEqualTo(Version.V1_2);
        assertThat(r.objectLinks().toString()).contains("</3/0>", "</3303/", "</1/0>").doesNotContain("</0/");
        assertThat(client.location(1)).contains("/rd/" + r.id());
    }

    @ParameterizedTest
    @EnumSource(names = {"TLV", "SENML_JSON", "SENML_CBOR", "LWM2M_CBOR", "OMA_JSON"})
    void int_203_read_device_instance_in_every_format(Format format) {
        ReadResponse r = server.sendAndWait("wisp-ets", ReadRequest.of("/3/0", format.content), TIMEOUT);
        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        ObjectInstance device = (ObjectInstance) r.node().orElseThrow();
        assertThat(((SingleResource) device.resource(2)).value()).isEqualTo(Value.of("wisp-ets"));
    }

    @Test
    void int_241_write_then_read_back_and_execute() {
        WriteRequest write = WriteRequest.replaceValue("/1/0/1", Value.of(600L), ContentFormat.TEXT);
        assertThat(server.sendAndWait("wisp-ets", write, TIMEOUT).code()).isEqualTo(ResponseCode.CHANGED);
        ReadResponse read = server.sendAndWait("wisp-ets", ReadRequest.of("/1/0/1", ContentFormat.TEXT), TIMEOUT);
        assertThat(((SingleResource) read.node().orElseThrow()).value()).isEqualTo(Value.of(600L));

        assertThat(server.sendAndWait("wisp-ets", ExecuteRequest.of("/3303/0/5605"), TIMEOUT).code())
                .isEqualTo(ResponseCode.CHANGED);
        assertThat(server.sendAndWait("wisp-ets", ExecuteRequest.of("/3/0/2"), TIMEOUT).code())
                .isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(server.sendAndWait("wisp-ets", ReadRequest.of("/3/7"), TIMEOUT).code())
                .isEqualTo(ResponseCode.NOT_FOUND);
    }

    @Test
    void int_301_observe_sends_a_notification_when_the_value_changes() {
        ObserveResponse o = server.sendAndWait("wisp-ets", ObserveRequest.of("/3303/0/5700"), TIMEOUT);
        assertThat(o.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(o.activeObservation()).isPresent();
        int before = notifications.size();

        temperature.tick(java.time.Instant.now());

        await().atMost(TIMEOUT).until(() -> notifications.size() > before);
        LwM2mNode node = notifications.get(notifications.size() - 1).node();
        assertThat(node).isInstanceOf(SingleResource.class);
        assertThat(((SingleResource) node).id()).isEqualTo(5700);
        await().atMost(TIMEOUT).until(() -> client.observationCount() == 1);
    }

    @Test
    void int_306_send_reaches_the_server_with_its_values() throws Exception {
        ResponseCode code = client.send(1, ContentFormat.SENML_CBOR, List.of(LwM2mPath.parse("/3/0/2")))
                .get(10, TimeUnit.SECONDS);
        assertThat(code).isEqualTo(ResponseCode.CHANGED);
        await().atMost(TIMEOUT).until(() -> !sent.isEmpty());
        assertThat(sent.get(0).latest().toString()).contains("wisp-ets");
    }

    /** The formats of a whole-instance Read both sides speak. */
    enum Format {
        TLV(ContentFormat.TLV), SENML_JSON(ContentFormat.SENML_JSON), SENML_CBOR(ContentFormat.SENML_CBOR),
        LWM2M_CBOR(ContentFormat.LWM2M_CBOR), OMA_JSON(ContentFormat.JSON);

        final ContentFormat content;

        Format(ContentFormat content) {
            this.content = content;
        }
    }
}
