package io.wisp.client.dm;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.client.testing.TestDevice;
import io.wisp.client.testing.TestModels;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.DataType;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Write (replace and partial update) through the decoder and dispatcher, in every format. */
class DmWriteTest {
    private final TestDevice device = new TestDevice();

    static Stream<ContentFormat> structuredFormats() {
        return Stream.of(ContentFormat.TLV, ContentFormat.SENML_JSON, ContentFormat.SENML_CBOR,
                ContentFormat.LWM2M_CBOR, ContentFormat.JSON);
    }

    /** The check of ETS int-205, without sockets. */
    @Test
    void writes_server_basics_as_plain_text() {
        assertThat(device.put("/1/0/2", ContentFormat.TEXT, bytes("101")).code()).isEqualTo(ResponseCode.CHANGED);
        assertThat(device.put("/1/0/3", ContentFormat.TEXT, bytes("1010")).code()).isEqualTo(ResponseCode.CHANGED);
        assertThat(device.put("/1/0/5", ContentFormat.TEXT, bytes("2000")).code()).isEqualTo(ResponseCode.CHANGED);

        ObjectInstance server = (ObjectInstance) device.local("/1/0");
        assertThat(server.resource(2)).isEqualTo(SingleResource.of(2, Value.of(101L)));
        assertThat(server.resource(3)).isEqualTo(SingleResource.of(3, Value.of(1010L)));
        assertThat(server.resource(5)).isEqualTo(SingleResource.of(5, Value.of(2000L)));
    }

    /** The check of ETS int-212, without sockets. */
    @Test
    void writes_server_basics_as_cbor() {
        assertThat(device.put("/1/0/2", ContentFormat.CBOR, new byte[] {0x18, 101}).code())
                .isEqualTo(ResponseCode.CHANGED);
        assertThat(device.put("/1/0/6", ContentFormat.CBOR, new byte[] {(byte) 0xF5}).code())
                .isEqualTo(ResponseCode.CHANGED);
        assertThat(device.local("/1/0/2")).isEqualTo(SingleResource.of(2, Value.of(101L)));
        assertThat(device.local("/1/0/6")).isEqualTo(SingleResource.of(6, Value.of(true)));
    }

    /** The check of ETS int-226, without sockets. */
    @ParameterizedTest
    @MethodSource("structuredFormats")
    void partial_update_of_an_instance_changes_only_what_it_carries(ContentFormat format) {
        ObjectInstance update = ObjectInstance.of(0, SingleResource.of(1, Value.of(61L)),
                SingleResource.of(6, Value.of(true)));

        DmResponse r = device.post("/1/0", format, device.encode(format, update, "/1/0"));

        assertThat(r.code()).isEqualTo(ResponseCode.CHANGED);
        ObjectInstance server = (ObjectInstance) device.local("/1/0");
        assertThat(server.resource(1)).isEqualTo(SingleResource.of(1, Value.of(61L)));
        assertThat(server.resource(6)).isEqualTo(SingleResource.of(6, Value.of(true)));
        assertThat(server.resource(7)).isEqualTo(SingleResource.of(7, Value.of("U")));
    }

    @ParameterizedTest
    @MethodSource("structuredFormats")
    void a_replace_of_an_instance_drops_the_optional_writable_resources_it_does_not_carry(ContentFormat format) {
        int percent = TestModels.PERCENT;
        device.test.set(0, percent, Value.of(50L));
        ObjectInstance replacement = ObjectInstance.of(0, SingleResource.of(TestModels.MANDATORY, Value.of("new")),
                SingleResource.of(TestModels.single(DataType.BOOLEAN), Value.of(true)));

        DmResponse r = device.put("/10241/0", format, device.encode(format, replacement, "/10241/0"));

        assertThat(r.code()).isEqualTo(ResponseCode.CHANGED);
        ObjectInstance after = (ObjectInstance) device.local("/10241/0");
        assertThat(after.resource(TestModels.MANDATORY)).isEqualTo(SingleResource.of(0, Value.of("new")));
        assertThat(after.resource(percent)).isNull();
        assertThat(after.resource(TestModels.READ_ONLY)).as("read-only resources are not the server's to drop")
                .isNotNull();
    }

    /** The check of ETS int-227, without sockets. */
    @ParameterizedTest
    @MethodSource("structuredFormats")
    void replaces_a_resource(ContentFormat format) {
        DmResponse r = device.put("/1/0/1", format, device.encode(format, SingleResource.of(1, Value.of(63L)), "/1/0/1"));

        assertThat(r.code()).isEqualTo(ResponseCode.CHANGED);
        assertThat(device.local("/1/0/1")).isEqualTo(SingleResource.of(1, Value.of(63L)));
    }

    @ParameterizedTest
    @MethodSource("structuredFormats")
    void replacing_a_multiple_resource_replaces_all_its_instances(ContentFormat format) {
        device.server.set(0, 25, io.wisp.client.object.MultiValues.list(Value.of("1.0"), Value.of("1.1")));
        MultipleResource versions = MultipleResource.of(25, DataType.STRING, ResourceInstance.of(3, Value.of("1.2")));

        DmResponse r = device.put("/1/0/25", format, device.encode(format, versions, "/1/0/25"));

        assertThat(r.code()).isEqualTo(ResponseCode.CHANGED);
        assertThat(device.local("/1/0/25")).isEqualTo(versions);
    }

    @ParameterizedTest
    @MethodSource("structuredFormats")
    void a_post_to_a_writable_multiple_resource_adds_instances(ContentFormat format) {
        device.server.set(0, 25, io.wisp.client.object.MultiValues.list(Value.of("1.0")));
        MultipleResource added = MultipleResource.of(25, DataType.STRING, ResourceInstance.of(1, Value.of("1.1")));

        DmResponse r = device.post("/1/0/25", format, device.encode(format, added, "/1/0/25"));

        assertThat(r.code()).isEqualTo(ResponseCode.CHANGED);
        assertThat(device.local("/1/0/25")).isEqualTo(MultipleResource.of(25, DataType.STRING,
                ResourceInstance.of(0, Value.of("1.0")), ResourceInstance.of(1, Value.of("1.1"))));
    }

    /** The check of ETS int-228, without sockets. */
    @Test
    void writes_one_resource_instance() {
        device.server.set(0, 25, io.wisp.client.object.MultiValues.list(Value.of("1.0"), Value.of("1.1")));

        DmResponse r = device.put("/1/0/25/1", ContentFormat.TEXT, bytes("test"));

        assertThat(r.code()).isEqualTo(ResponseCode.CHANGED);
        assertThat(device.get("/1/0/25/1", ContentFormat.TEXT).payloadText()).isEqualTo("test");
        assertThat(device.local("/1/0/25/0")).isEqualTo(ResourceInstance.of(0, Value.of("1.0")));
    }

    @Test
    void a_write_tells_the_tree_listeners_what_changed() {
        java.util.List<String> heard = new java.util.ArrayList<>();
        device.tree.addListener(new io.wisp.client.object.ChangeListener() {
            @Override
            public void valuesChanged(Iterable<io.wisp.core.path.LwM2mPath> paths) {
                paths.forEach(p -> heard.add(p.toString()));
            }

            @Override
            public void instancesChanged(int objectId) {
                heard.add("instances of " + objectId);
            }
        });

        device.put("/1/0/1", ContentFormat.TEXT, bytes("120"));

        assertThat(heard).containsExactly("/1/0/1");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
