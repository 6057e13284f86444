package io.wisp.client.dm;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.client.testing.TestDevice;
import io.wisp.client.testing.TestModels;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ResponseCode;
import io.wisp.transport.CoapMethod;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Read through the decoder and dispatcher, in every format that carries the node read. */
class DmReadTest {
    private final TestDevice device = new TestDevice();

    static Stream<ContentFormat> structuredFormats() {
        return Stream.of(ContentFormat.TLV, ContentFormat.SENML_JSON, ContentFormat.SENML_CBOR,
                ContentFormat.LWM2M_CBOR, ContentFormat.JSON);
    }

    @ParameterizedTest
    @MethodSource("structuredFormats")
    void reads_the_device_instance_with_its_basic_resources(ContentFormat format) {
        DmResponse r = device.get("/3/0", format);

        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.contentFormat()).isEqualTo(format.code());
        ObjectInstance instance = (ObjectInstance) device.decode(r, "/3/0");
        assertThat(instance.resources().keySet()).contains(0, 1, 2, 3, 11, 16).doesNotContain(4, 5, 12);
        assertThat(instance.resource(0)).isEqualTo(SingleResource.of(0, Value.of("Wisp")));
        assertThat(instance.resource(2)).isEqualTo(SingleResource.of(2, Value.of("WSP-1")));
        assertThat(instance.resource(16)).isEqualTo(SingleResource.of(16, Value.of("U")));
        assertThat(instance.resource(13)).isEqualTo(SingleResource.of(13, Value.time(TestDevice.NOW.getEpochSecond())));
    }

    @ParameterizedTest
    @MethodSource("structuredFormats")
    void reads_an_object_a_multiple_resource_and_one_of_its_instances(ContentFormat format) {
        LwM2mObject server = (LwM2mObject) device.decode(device.get("/1", format), "/1");
        assertThat(server.instance(0).resource(1)).isEqualTo(SingleResource.of(1, Value.of(300L)));

        MultipleResource errors = (MultipleResource) device.decode(device.get("/3/0/11", format), "/3/0/11");
        assertThat(errors).isEqualTo(MultipleResource.of(11, DataType.INTEGER, ResourceInstance.of(0, Value.of(0L))));

        DmResponse one = device.get("/3/0/6/1", format);
        assertThat(one.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(device.decode(one, "/3/0/6/1")).isEqualTo(ResourceInstance.of(1, Value.of(5L)));
    }

    /** The check of ETS int-201, without sockets. */
    @Test
    void reads_device_basics_as_plain_text() {
        assertThat(device.get("/3/0/0", ContentFormat.TEXT).payloadText()).isEqualTo("Wisp");
        assertThat(device.get("/3/0/1", ContentFormat.TEXT).payloadText()).isEqualTo("Wisp Simulated Device");
        DmResponse serial = device.get("/3/0/2", ContentFormat.TEXT);
        assertThat(serial.contentFormat()).isEqualTo(0);
        assertThat(serial.payloadText()).isEqualTo("WSP-1");
    }

    @Test
    void reads_single_values_as_text_cbor_and_opaque() {
        assertThat(device.get("/1/0/1", ContentFormat.TEXT).payloadText()).isEqualTo("300");
        DmResponse cbor = device.get("/1/0/6", ContentFormat.CBOR);
        assertThat(cbor.payload()).containsExactly(0xF4);
        device.test.set(0, TestModels.single(DataType.OPAQUE), Value.of(new byte[] {1, 2, 3}));
        DmResponse opaque = device.get("/10241/0/" + TestModels.single(DataType.OPAQUE), ContentFormat.OPAQUE);
        assertThat(opaque.contentFormat()).isEqualTo(42);
        assertThat(opaque.payload()).containsExactly(1, 2, 3);
    }

    /** The check of ETS int-211, without sockets. */
    @Test
    void reads_server_basics_as_cbor() {
        assertThat(device.get("/1/0/0", ContentFormat.CBOR).payload()).containsExactly(0x01);
        assertThat(device.get("/1/0/7", ContentFormat.CBOR).payload()).containsExactly(0x61, 'U');
    }

    @Test
    void without_accept_answers_in_the_format_of_its_lwm2m_version() {
        InboundRequest read = InboundRequest.of(CoapMethod.GET, "/3/0");
        assertThat(new TestDevice(Version.V1_0).send(read).contentFormat()).isEqualTo(ContentFormat.TLV.code());
        assertThat(new TestDevice(Version.V1_1).send(read).contentFormat()).isEqualTo(ContentFormat.SENML_CBOR.code());
        assertThat(new TestDevice(Version.V1_2).send(read).contentFormat()).isEqualTo(ContentFormat.LWM2M_CBOR.code());
    }

    @Test
    void a_configured_preference_replaces_the_version_default() {
        TestDevice tlv11 = new TestDevice();
        DmDispatcher dm = DmDispatcher.builder(tlv11.tree).lwm2mVersion(Version.V1_1)
                .preferredFormat(ContentFormat.TLV).build();

        DmResponse r = dm.handle(InboundRequest.of(CoapMethod.GET, "/3/0/0"), TestDevice.SERVER);

        assertThat(r.contentFormat()).isEqualTo(ContentFormat.TLV.code());
        assertThat(tlv11.decode(r, "/3/0/0")).isEqualTo(SingleResource.of(0, Value.of("Wisp")));
    }

    @Test
    void an_observe_is_answered_with_the_current_value_and_so_is_its_cancel() {
        InboundRequest observe = InboundRequest.of(CoapMethod.GET, "/3303/0/5700")
                .withAccept(ContentFormat.TEXT.code()).withObserve(0, 0x1234);
        DmResponse first = device.send(observe);
        assertThat(first.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(first.payloadText()).isEqualTo("21");

        DmResponse cancel = device.send(observe.withObserve(1, 0x1234));
        assertThat(cancel.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(cancel.payloadText()).isEqualTo("21");
    }

    @Test
    void reads_of_an_object_omit_write_only_and_executable_resources() {
        LwM2mNode node = device.decode(device.get("/10241/0", ContentFormat.SENML_JSON), "/10241/0");
        assertThat(((ObjectInstance) node).resources().keySet())
                .doesNotContain(TestModels.WRITE_ONLY, TestModels.EXECUTABLE).contains(TestModels.READ_ONLY);
        assertThat(new String(device.get("/10241/0", ContentFormat.SENML_JSON).payload(), StandardCharsets.UTF_8))
                .doesNotContain("\"bn\":\"/10241/0/2\"");
    }
}
