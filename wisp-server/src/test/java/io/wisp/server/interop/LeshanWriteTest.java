package io.wisp.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ReadResponse;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.WriteRequest;
import io.wisp.core.operation.WriteResponse;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.eclipse.leshan.core.node.LwM2mResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Write (Core TS §6.3.3), replace and partial update, to the Leshan client in every format it supports: ETS cases
 * int-205 to int-234 and int-256, plus block-wise writes and reads of firmware-sized content (RFC 7959).
 */
class LeshanWriteTest extends LeshanDmFixture {

    static Stream<ContentFormat> resourceInstanceFormats() {
        return Stream.of(ContentFormat.TEXT, ContentFormat.TLV, ContentFormat.JSON, ContentFormat.SENML_JSON,
                ContentFormat.SENML_CBOR);
    }

    private void write(WriteRequest request) {
        WriteResponse r = send(request);
        assertThat(r.code()).as("%s", request).isEqualTo(ResponseCode.CHANGED);
    }

    private static ObjectInstance serverValues(long minPeriod, long maxPeriod, long disableTimeout) {
        return ObjectInstance.of(0, SingleResource.of(2, Value.of(minPeriod)), SingleResource.of(3,
                Value.of(maxPeriod)), SingleResource.of(5, Value.of(disableTimeout)));
    }

    private void assertServerValues(long minPeriod, long maxPeriod, long disableTimeout) {
        LwM2mNode server = read("/1/0", ContentFormat.TLV);
        assertThat(value(server, 2)).isEqualTo(Value.of(minPeriod));
        assertThat(value(server, 3)).isEqualTo(Value.of(maxPeriod));
        assertThat(value(server, 5)).isEqualTo(Value.of(disableTimeout));
        assertThat(value(server, 1)).as("lifetime untouched").isEqualTo(Value.of(LIFETIME));
    }

    @Test
    void int_205_set_basic_info_plain_text() {
        write(WriteRequest.replaceValue("/1/0/2", Value.of(101), ContentFormat.TEXT));
        write(WriteRequest.replaceValue("/1/0/3", Value.of(1010), ContentFormat.TEXT));
        write(WriteRequest.replaceValue("/1/0/5", Value.of(2000), ContentFormat.TEXT));
        assertServerValues(101, 1010, 2000);
        write(WriteRequest.update("/1/0", serverValues(1, 10, 86_400), ContentFormat.TLV));
        assertServerValues(1, 10, 86_400);
    }

    @Test
    void int_212_set_basic_info_cbor() {
        write(WriteRequest.replaceValue("/1/0/2", Value.of(101), ContentFormat.CBOR));
        write(WriteRequest.replaceValue("/1/0/3", Value.of(1010), ContentFormat.CBOR));
        write(WriteRequest.replaceValue("/1/0/6", Value.of(true), ContentFormat.CBOR));
        LwM2mNode server = read("/1/0", ContentFormat.TLV);
        assertThat(value(server, 2)).isEqualTo(Value.of(101));
        assertThat(value(server, 3)).isEqualTo(Value.of(1010));
        assertThat(value(server, 6)).isEqualTo(Value.of(true));
        write(WriteRequest.replaceValue("/1/0/6", Value.of(false), ContentFormat.CBOR));
        write(WriteRequest.update("/1/0", serverValues(1, 10, 86_400), ContentFormat.TLV));
        assertServerValues(1, 10, 86_400);
    }

    @Test
    void int_215_set_basic_info_tlv() {
        partialUpdateThenReplace(ContentFormat.TLV);
    }

    @Test
    void int_220_set_basic_info_json() {
        partialUpdateThenReplace(ContentFormat.JSON);
    }

    /**
     * A partial update of {@code /1/0} leaves the other resources alone and a second one restores them; a replace of
     * the instance {@code /16/0} swaps its content whole. (The ETS restores {@code /1/x} with a replace, which the
     * Leshan client refuses with 4.05 because the payload holds the read-only Short Server ID, and which resets that
     * ID when it is left out — so the replace is shown on Portfolio.)
     */
    private void partialUpdateThenReplace(ContentFormat format) {
        write(WriteRequest.update("/1/0", serverValues(101, 1010, 2000), format));
        assertServerValues(101, 1010, 2000);
        write(WriteRequest.update("/1/0", serverValues(1, 10, 86_400), format));
        assertServerValues(1, 10, 86_400);

        LwM2mNode saved = read("/16/0", format);
        ObjectInstance replacement = ObjectInstance.of(0, MultipleResource.of(0, DataType.STRING,
                ResourceInstance.of(9, Value.of("only identity"))));
        write(WriteRequest.replace("/16/0", replacement, format));
        assertThat(read("/16/0", format)).isEqualTo(replacement);
        write(WriteRequest.replace("/16/0", saved, format));
        assertThat(read("/16/0", format)).isEqualTo(saved);
    }

    @Test
    void int_226_partial_update_object_instance() {
        write(WriteRequest.update("/1/0", ObjectInstance.of(0, SingleResource.of(1, Value.of(61)),
                SingleResource.of(6, Value.of(true)))));
        awaitLifetime(61);
        LwM2mNode server = read("/1/0", null);
        assertThat(value(server, 1)).isEqualTo(Value.of(61));
        assertThat(value(server, 6)).isEqualTo(Value.of(true));
        write(WriteRequest.update("/1/0", ObjectInstance.of(0, SingleResource.of(1, Value.of(LIFETIME)),
                SingleResource.of(6, Value.of(false)))));
        awaitLifetime(LIFETIME);
    }

    @Test
    void int_227_replace_resource() {
        write(WriteRequest.replaceValue("/1/0/1", Value.of(63), null));
        awaitLifetime(63);
        assertThat(value(read("/1/0/1", null))).isEqualTo(Value.of(63));
        write(WriteRequest.replaceValue("/1/0/1", Value.of(LIFETIME), null));
        awaitLifetime(LIFETIME);
    }

    @ParameterizedTest
    @MethodSource("resourceInstanceFormats")
    void int_228_write_resource_instance(ContentFormat format) {
        Map<Integer, Value> before = values(read("/16/0", ContentFormat.TLV), 0);
        write(WriteRequest.replaceValue("/16/0/0/1", Value.of("test"), format));
        assertThat(read("/16/0/0/1", format)).isEqualTo(ResourceInstance.of(1, Value.of("test")));
        Map<Integer, Value> after = values(read("/16/0", ContentFormat.TLV), 0);
        assertThat(after).containsEntry(1, Value.of("test")).containsEntry(0, before.get(0))
                .containsEntry(2, before.get(2)).containsEntry(3, before.get(3));
        write(WriteRequest.replaceValue("/16/0/0/1", before.get(1), format));
    }

    @Test
    void int_233_set_senml_cbor() {
        senmlWrites(ContentFormat.SENML_CBOR);
    }

    @Test
    void int_234_set_senml_json() {
        senmlWrites(ContentFormat.SENML_JSON);
    }

    private void senmlWrites(ContentFormat format) {
        write(WriteRequest.update("/1/0", ObjectInstance.of(0, SingleResource.of(1, Value.of(61)),
                SingleResource.of(6, Value.of(true))), format));
        awaitLifetime(61);
        assertThat(value(read("/1/0", format), 6)).isEqualTo(Value.of(true));
        write(WriteRequest.replaceValue("/16/0/0/0", Value.of("test"), format));
        assertThat(value(read("/16/0/0/0", format))).isEqualTo(Value.of("test"));
        write(WriteRequest.replaceValue("/1/0/1", Value.of(63), format));
        awaitLifetime(63);
        write(WriteRequest.update("/1/0", ObjectInstance.of(0, SingleResource.of(1, Value.of(LIFETIME)),
                SingleResource.of(6, Value.of(false))), format));
        write(WriteRequest.replaceValue("/16/0/0/0", Value.of("Host Device ID #1"), format));
        awaitLifetime(LIFETIME);
    }

    @Test
    void int_256_write_operation_failure() {
        WriteResponse r = send(WriteRequest.replaceValue("/1/0/0", Value.of(5), ContentFormat.TEXT));
        assertThat(r.code()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(r.isSuccess()).isFalse();
        assertThat(value(read("/1/0/0", ContentFormat.TEXT))).isEqualTo(Value.of(123));
    }

    @Test
    void write_in_a_format_the_client_refuses_is_a_typed_4_15() {
        WriteResponse r = send(WriteRequest.replaceValue("/1/0/2", Value.of(7), ContentFormat.LWM2M_CBOR));
        assertThat(r.code()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        assertThat(value(read("/1/0", ContentFormat.TLV), 2)).isEqualTo(Value.of(1));
    }

    @Test
    void write_of_a_multiple_resource_partial_update_adds_instances() {
        Map<Integer, Value> before = values(read("/16/0", ContentFormat.TLV), 0);
        write(WriteRequest.update("/16/0/0", MultipleResource.of(0, DataType.STRING,
                ResourceInstance.of(7, Value.of("seventh"))), ContentFormat.TLV));
        Map<Integer, Value> after = values(read("/16/0", ContentFormat.TLV), 0);
        assertThat(after).containsAllEntriesOf(before).containsEntry(7, Value.of("seventh")).hasSize(5);
        write(WriteRequest.replace("/16/0/0", MultipleResource.of(0, DataType.STRING, before.entrySet().stream()
                .map(e -> ResourceInstance.of(e.getKey(), e.getValue())).toList()), ContentFormat.TLV));
        assertThat(values(read("/16/0", ContentFormat.TLV), 0)).isEqualTo(before);
    }

    @Test
    void blockwise_write_of_a_300_kb_firmware_package() {
        byte[] firmware = new byte[300 * 1024];
        new Random(42).nextBytes(firmware);
        write(WriteRequest.replaceValue("/5/0/0", Value.of(firmware), ContentFormat.OPAQUE));
        LwM2mResource received = objects.firmware.resource(0);
        assertThat(received).isNotNull();
        assertThat((byte[]) received.getValue()).isEqualTo(firmware);
    }

    @ParameterizedTest
    @MethodSource("structuredFormats")
    void blockwise_read_of_a_large_instance(ContentFormat format) {
        Map<Integer, Value> before = values(read("/16/0", ContentFormat.TLV), 0);
        String big = "x".repeat(6_000);
        MultipleResource identities = MultipleResource.of(0, DataType.STRING, ResourceInstance.of(0,
                Value.of(big + "0")), ResourceInstance.of(1, Value.of(big + "1")), ResourceInstance.of(2,
                Value.of(big + "2")));
        write(WriteRequest.replace("/16/0/0", identities, ContentFormat.TLV));
        ReadResponse r = send(ReadRequest.of("/16/0", format));
        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(((ObjectInstance) r.content()).resource(0)).isEqualTo(identities);
        write(WriteRequest.replace("/16/0/0", MultipleResource.of(0, DataType.STRING, before.entrySet().stream()
                .map(e -> ResourceInstance.of(e.getKey(), e.getValue())).toList()), ContentFormat.TLV));
    }
}
