package io.wisp.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ReadResponse;
import io.wisp.core.operation.ResponseCode;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Read (Core TS §6.3.1) from the Leshan client at every level and in every format it supports: ETS cases int-201 to
 * int-232. Each answer is decoded with Wisp's models and compared with what the client holds.
 */
class LeshanReadTest extends LeshanDmFixture {

    static Stream<ContentFormat> singleValueFormats() {
        return Stream.of(ContentFormat.TEXT, ContentFormat.CBOR, ContentFormat.TLV, ContentFormat.JSON,
                ContentFormat.SENML_JSON, ContentFormat.SENML_CBOR);
    }

    @Test
    void int_201_query_basic_info_plain_text() {
        Map<String, String> expected = Map.of("/3/0/0", "Wisp tests", "/3/0/1", "interop", "/3/0/2", "0001");
        expected.forEach((path, text) -> {
            ReadResponse r = send(ReadRequest.of(path, ContentFormat.TEXT));
            assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
            assertThat(r.contentFormat()).contains(ContentFormat.TEXT);
            assertThat(value(r.content())).isEqualTo(Value.of(text));
        });
    }

    @Test
    void int_203_query_basic_info_tlv() {
        assertDeviceBasics(ContentFormat.TLV);
    }

    @Test
    void int_204_query_basic_info_json() {
        assertDeviceBasics(ContentFormat.JSON);
    }

    private void assertDeviceBasics(ContentFormat format) {
        ReadResponse r = send(ReadRequest.of("/3/0", format));
        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.contentFormat()).contains(format);
        ObjectInstance device = (ObjectInstance) r.content();
        assertThat(device.resources()).containsKeys(0, 1, 2, 3, 11, 16);
        assertThat(value(device, 0)).isEqualTo(Value.of("Wisp tests"));
        assertThat(value(device, 3)).isEqualTo(Value.of("1.0"));
        assertThat(values(device, 11)).isEqualTo(Map.of(0, Value.of(0)));
        assertThat(value(device, 16)).isEqualTo(Value.of("U"));
    }

    @Test
    void int_211_query_basic_info_cbor() {
        assertThat(value(read("/1/0/0", ContentFormat.CBOR))).isEqualTo(Value.of(123));
        assertThat(value(read("/1/0/6", ContentFormat.CBOR))).isEqualTo(Value.of(false));
        assertThat(value(read("/1/0/7", ContentFormat.CBOR))).isEqualTo(Value.of("U"));
    }

    @ParameterizedTest
    @MethodSource("structuredFormats")
    void int_222_read_object(ContentFormat format) {
        LwM2mObject servers = (LwM2mObject) read("/1", format);
        assertThat(servers.instances()).containsOnlyKeys(0);
        assertThat(value(servers.instance(0), 0)).isEqualTo(Value.of(123));
        LwM2mObject devices = (LwM2mObject) read("/3", format);
        assertThat(devices.instance(0).resources()).containsOnlyKeys(0, 1, 2, 3, 6, 7, 9, 11, 13, 14, 15, 16);
        assertThat(values(devices.instance(0), 7)).isEqualTo(Map.of(0, Value.of(3800), 1, Value.of(5000)));
    }

    @ParameterizedTest
    @MethodSource("structuredFormats")
    void int_223_read_object_instance(ContentFormat format) {
        ObjectInstance server = (ObjectInstance) read("/1/0", format);
        assertThat(server.resources()).containsOnlyKeys(0, 1, 2, 3, 5, 6, 7);
        assertThat(value(server, 1)).isEqualTo(Value.of(LIFETIME));
        ObjectInstance device = (ObjectInstance) read("/3/0", format);
        assertThat(value(device, 13)).isEqualTo(Value.time(1_700_000_000L));
        assertThat(value(device, 9)).isEqualTo(Value.of(95));
    }

    @ParameterizedTest
    @MethodSource("singleValueFormats")
    void int_224_read_resource(ContentFormat format) {
        assertThat(value(read("/1/0/0", format))).isEqualTo(Value.of(123));
        assertThat(value(read("/1/0/1", format))).isEqualTo(Value.of(LIFETIME));
        assertThat(value(read("/1/0/6", format))).isEqualTo(Value.of(false));
        assertThat(value(read("/1/0/7", format))).isEqualTo(Value.of("U"));
        assertThat(value(read("/3/0/16", format))).isEqualTo(Value.of("U"));
    }

    @ParameterizedTest
    @MethodSource("singleValueFormats")
    void int_225_read_resource_instance(ContentFormat format) {
        LwM2mNode node = read("/3/0/7/1", format);
        assertThat(node).isEqualTo(ResourceInstance.of(1, Value.of(5000)));
    }

    @Test
    void int_231_query_senml_json() {
        assertFourLevels(ContentFormat.SENML_JSON);
    }

    @Test
    void int_232_query_senml_cbor() {
        assertFourLevels(ContentFormat.SENML_CBOR);
    }

    private void assertFourLevels(ContentFormat format) {
        for (String path : new String[] {"/3", "/3/0", "/3/0/11", "/3/0/11/0"}) {
            ReadResponse r = send(ReadRequest.of(path, format));
            assertThat(r.code()).as(path).isEqualTo(ResponseCode.CONTENT);
            assertThat(r.contentFormat()).as(path).contains(format);
        }
        assertThat(((LwM2mObject) read("/3", format)).instance(0)).isEqualTo(read("/3/0", ContentFormat.TLV));
        assertThat(read("/3/0/11", format)).isEqualTo(read("/3/0/11", ContentFormat.TLV));
    }

    @Test
    void read_without_a_format_asks_for_the_default_of_a_1_1_client_senml_cbor() {
        ReadResponse r = send(ReadRequest.of("/3/0"));
        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.contentFormat()).contains(ContentFormat.SENML_CBOR);
        assertThat(r.content()).isEqualTo(read("/3/0", ContentFormat.TLV));
    }
}
