package io.wisp.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.SendRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.WispServer;
import io.wisp.server.testing.LeshanDevice;
import io.wisp.server.testing.RawLwM2mDevice;
import io.wisp.server.testing.RecordingReports;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hand-made {@code POST /dp} at the Send interface (Core TS §6.4.5, Transport TS §6) from bare sockets of 127.0.0.1:
 * what is valid is taken with its timestamps, what is not gets the right 4.xx and reaches no listener, and a Leshan
 * client registered meanwhile goes on sending undisturbed.
 */
class SendWireTest {
    private static final String SENML_JSON_BATTERY =
            "[{\"bn\":\"/3/0/\",\"bt\":1700000000,\"n\":\"9\",\"v\":42},{\"n\":\"9\",\"v\":41,\"t\":60}]";

    private static WispServer server;
    private static final RecordingReports reports = new RecordingReports();
    private RawLwM2mDevice device;

    @BeforeAll
    static void startServer() throws Exception {
        server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0)
                .models(ModelRegistry.bundled()).build();
        server.addSendListener(reports);
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void newDevice() {
        device = new RawLwM2mDevice();
    }

    @AfterEach
    void closeDevice() {
        device.close();
    }

    private static InetSocketAddress serverAddress() {
        return server.localAddress();
    }

    private static ResponseCode post(RawLwM2mDevice from, List<String> path, Integer format, byte[] payload) {
        Request post = Request.newPost();
        post.getOptions().setUriPath(String.join("/", path));
        if (format != null) {
            post.getOptions().setContentFormat(format);
        }
        if (payload.length > 0) {
            post.setPayload(payload);
        }
        return from.request(serverAddress(), post).getCode();
    }

    private static ResponseCode send(RawLwM2mDevice from, Integer format, String payload) {
        return post(from, List.of("dp"), format, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void int_306_send_in_senml_json_keeps_each_value_with_its_time() {
        device.register(serverAddress(), "wire-send-json", "</1/0>,</3/0>");

        assertThat(send(device, 110, SENML_JSON_BATTERY)).isEqualTo(ResponseCode.CHANGED);

        await().atMost(Duration.ofSeconds(10)).until(() -> !reports.sentBy("wire-send-json").isEmpty());
        SendRequest sent = reports.sentBy("wire-send-json").get(0);
        assertThat(sent.format()).isEqualTo(ContentFormat.SENML_JSON);
        assertThat(sent.data()).hasSize(2);
        assertThat(sent.data().get(0).timestamp()).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
        assertThat(sent.data().get(0).nodes()).containsEntry(LwM2mPath.parse("/3/0/9"),
                SingleResource.of(9, Value.of(42L)));
        assertThat(sent.data().get(1).timestamp()).isEqualTo(Instant.ofEpochSecond(1_700_000_060));
        assertThat(sent.data().get(1).nodes()).containsEntry(LwM2mPath.parse("/3/0/9"),
                SingleResource.of(9, Value.of(41L)));
    }

    @Test
    void send_in_lwm2m_cbor_is_taken() {
        device.register(serverAddress(), "wire-send-lwm2m-cbor", "</3/0>");
        byte[] cbor = Codecs.standard().encodeNodes(ContentFormat.LWM2M_CBOR,
                Map.of(LwM2mPath.parse("/3/0/9"), SingleResource.of(9, Value.of(17L))), ModelRegistry.bundled());

        assertThat(post(device, List.of("dp"), ContentFormat.LWM2M_CBOR.code(), cbor))
                .isEqualTo(ResponseCode.CHANGED);

        await().atMost(Duration.ofSeconds(10)).until(() -> !reports.sentBy("wire-send-lwm2m-cbor").isEmpty());
        assertThat(reports.sentBy("wire-send-lwm2m-cbor").get(0).latest()).containsExactly(
                Map.entry(LwM2mPath.parse("/3/0/9"), SingleResource.of(9, Value.of(17L))));
    }

    @Test
    void send_from_an_address_without_registration_gets_4_04() {
        assertThat(send(device, 110, SENML_JSON_BATTERY)).isEqualTo(ResponseCode.NOT_FOUND);
    }

    @Test
    void send_without_or_with_a_content_format_send_cannot_use_gets_4_15() {
        device.register(serverAddress(), "wire-send-415", "</3/0>");

        assertThat(send(device, null, SENML_JSON_BATTERY)).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        assertThat(send(device, 0, "42")).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        assertThat(send(device, 11542, "C8 09 01 2A")).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        assertThat(send(device, 320, SENML_JSON_BATTERY)).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        assertThat(reports.sentBy("wire-send-415")).isEmpty();
    }

    @Test
    void empty_or_malformed_content_gets_4_00() {
        device.register(serverAddress(), "wire-send-400", "</3/0>");

        assertThat(send(device, 110, "")).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(send(device, 110, "[{\"n\":\"/3/0/9\",\"v\":")).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(send(device, 110, "[]")).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(send(device, 110, "[{\"n\":\"/3/x/9\",\"v\":1}]")).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(post(device, List.of("dp"), 112, new byte[] {(byte) 0x9F, 0x01}))
                .isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(post(device, List.of("dp"), 11544, new byte[] {(byte) 0xBF, 0x03}))
                .isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(reports.sentBy("wire-send-400")).isEmpty();
    }

    @Test
    void data_of_an_object_the_client_did_not_register_gets_4_04() {
        device.register(serverAddress(), "wire-send-unregistered-object", "</3/0>");

        assertThat(send(device, 110, "[{\"n\":\"/5/0/3\",\"v\":0}]")).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(send(device, 110, "[{\"n\":\"/3/0/9\",\"v\":5},{\"n\":\"/4/0/2\",\"v\":-70}]"))
                .isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(reports.sentBy("wire-send-unregistered-object")).isEmpty();
    }

    @Test
    void other_methods_and_paths_under_dp_are_refused() {
        device.register(serverAddress(), "wire-send-method", "</3/0>");

        Request get = Request.newGet();
        get.getOptions().setUriPath("dp");
        assertThat(device.request(serverAddress(), get).getCode()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(post(device, List.of("dp", "3"), 110, SENML_JSON_BATTERY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(ResponseCode.NOT_FOUND);
    }

    @Test
    void a_client_that_moved_is_known_at_its_new_address_only() {
        List<String> location = device.register(serverAddress(), "wire-send-moved", "</3/0>");
        try (RawLwM2mDevice moved = new RawLwM2mDevice()) {
            Request update = new Request(Code.POST);
            update.getOptions().setUriPath(String.join("/", location));
            assertThat(moved.request(serverAddress(), update).getCode()).isEqualTo(ResponseCode.CHANGED);

            assertThat(send(device, 110, SENML_JSON_BATTERY)).isEqualTo(ResponseCode.NOT_FOUND);
            assertThat(send(moved, 110, SENML_JSON_BATTERY)).isEqualTo(ResponseCode.CHANGED);
        }
    }

    @Test
    void after_de_registration_send_gets_4_04() {
        List<String> location = device.register(serverAddress(), "wire-send-gone", "</3/0>");
        Request deregister = Request.newDelete();
        deregister.getOptions().setUriPath(String.join("/", location));
        assertThat(device.request(serverAddress(), deregister).getCode()).isEqualTo(ResponseCode.DELETED);

        assertThat(send(device, 110, SENML_JSON_BATTERY)).isEqualTo(ResponseCode.NOT_FOUND);
    }

    @Test
    void refused_sends_leave_a_registered_leshan_client_undisturbed() throws Exception {
        try (LeshanDevice leshan = LeshanDevice.start("wire-send-leshan", serverAddress(), 300)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !leshan.locations.isEmpty());
            device.register(serverAddress(), "wire-send-noise", "</3/0>");
            assertThat(send(device, 110, "[{\"n\":")).isEqualTo(ResponseCode.BAD_REQUEST);
            assertThat(send(device, 0, "x")).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);

            assertThat(leshan.send(org.eclipse.leshan.core.request.ContentFormat.SENML_JSON, "/3/0/0"))
                    .isEqualTo(org.eclipse.leshan.core.ResponseCode.CHANGED);

            await().atMost(Duration.ofSeconds(10)).until(() -> !reports.sentBy("wire-send-leshan").isEmpty());
            assertThat(reports.sentBy("wire-send-leshan").get(0).latest()).containsEntry(LwM2mPath.parse("/3/0/0"),
                    SingleResource.of(0, Value.of("Wisp tests")));
        }
    }
}
