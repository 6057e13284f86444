package io.wisp.client.dm;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.client.testing.TestDevice;
import io.wisp.client.testing.TestModels;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ResponseCode;
import io.wisp.transport.CoapMethod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Create, Delete and Execute through the decoder and dispatcher. */
class DmCreateDeleteExecuteTest {
    private final TestDevice device = new TestDevice();

    static Stream<ContentFormat> serverChosenFormats() {
        return Stream.of(ContentFormat.TLV, ContentFormat.SENML_JSON, ContentFormat.SENML_CBOR,
                ContentFormat.LWM2M_CBOR, ContentFormat.JSON);
    }

    /** The formats that can leave the instance ID out (SenML and OMA JSON name every value by its full path). */
    static Stream<ContentFormat> clientChosenFormats() {
        return Stream.of(ContentFormat.TLV, ContentFormat.LWM2M_CBOR);
    }

    @ParameterizedTest
    @MethodSource("serverChosenFormats")
    void creates_an_instance_with_the_id_the_server_chose(ContentFormat format) {
        ObjectInstance created = ObjectInstance.of(7, SingleResource.of(TestModels.MANDATORY, Value.of("seven")));

        DmResponse r = device.post("/10241", format,
                device.encode(format, LwM2mObject.of(TestModels.ALL_TYPES_ID, created), "/10241"));

        assertThat(r.code()).isEqualTo(ResponseCode.CREATED);
        assertThat(r.locationPath()).containsExactly("10241", "7");
        assertThat(device.local("/10241/7/0")).isEqualTo(SingleResource.of(0, Value.of("seven")));
        assertThat(device.test.instanceIds()).containsExactly(0, 7);
    }

    /** The check of ETS int-1630, without sockets. */
    @ParameterizedTest
    @MethodSource("clientChosenFormats")
    void creates_an_instance_whose_id_the_client_chooses(ContentFormat format) {
        ObjectInstance created = ObjectInstance.of(ObjectInstance.UNASSIGNED,
                SingleResource.of(TestModels.MANDATORY, Value.of("next")));

        DmResponse r = device.post("/10241", format,
                device.encode(format, LwM2mObject.of(TestModels.ALL_TYPES_ID, created), "/10241"));

        assertThat(r.code()).isEqualTo(ResponseCode.CREATED);
        assertThat(r.locationPath()).containsExactly("10241", "1");
        assertThat(device.local("/10241/1/0")).isEqualTo(SingleResource.of(0, Value.of("next")));
    }

    @Test
    void a_create_without_a_mandatory_writable_resource_is_refused() {
        ObjectInstance lacking = ObjectInstance.of(3, SingleResource.of(TestModels.PERCENT, Value.of(5L)));

        DmResponse r = device.post("/10241", ContentFormat.TLV,
                device.encode(ContentFormat.TLV, LwM2mObject.of(TestModels.ALL_TYPES_ID, lacking), "/10241"));

        assertThat(r.code()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(r.diagnostic()).contains("mandatory resource 0");
        assertThat(device.test.instanceIds()).containsExactly(0);
    }

    @Test
    void a_create_of_an_existing_instance_or_of_a_second_device_is_refused() {
        ObjectInstance again = ObjectInstance.of(0, SingleResource.of(TestModels.MANDATORY, Value.of("zero")));
        DmResponse taken = device.post("/10241", ContentFormat.TLV,
                device.encode(ContentFormat.TLV, LwM2mObject.of(TestModels.ALL_TYPES_ID, again), "/10241"));
        assertThat(taken.code()).isEqualTo(ResponseCode.BAD_REQUEST);

        DmResponse single = device.send(InboundRequest.of(CoapMethod.POST, "/3"));
        assertThat(single.code()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
    }

    /** The check of ETS int-1635, without sockets. */
    @Test
    void deletes_an_instance_and_its_attributes() {
        device.post("/10241", ContentFormat.TLV, device.encode(ContentFormat.TLV, LwM2mObject.of(
                TestModels.ALL_TYPES_ID, ObjectInstance.of(1, SingleResource.of(0, Value.of("one")))), "/10241"));
        device.send(InboundRequest.of(CoapMethod.PUT, "/10241/1").withQuery("pmin=5"));

        DmResponse r = device.send(InboundRequest.of(CoapMethod.DELETE, "/10241/1"));

        assertThat(r.code()).isEqualTo(ResponseCode.DELETED);
        assertThat(device.get("/10241/1", ContentFormat.TLV).code()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(device.dm.attributes().attachedAt(1, io.wisp.core.path.LwM2mPath.of(10241, 1)).isEmpty())
                .isTrue();
        assertThat(device.send(InboundRequest.of(CoapMethod.DELETE, "/10241/1")).code())
                .isEqualTo(ResponseCode.NOT_FOUND);
    }

    @Test
    void deletes_a_resource_instance_but_not_the_device() {
        device.server.set(0, 25, io.wisp.client.object.MultiValues.list(Value.of("1.0"), Value.of("1.1")));

        assertThat(device.send(InboundRequest.of(CoapMethod.DELETE, "/1/0/25/0")).code())
                .isEqualTo(ResponseCode.DELETED);
        assertThat(device.get("/1/0/25/0", ContentFormat.TEXT).code()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(device.get("/1/0/25/1", ContentFormat.TEXT).payloadText()).isEqualTo("1.1");
        assertThat(device.send(InboundRequest.of(CoapMethod.DELETE, "/3/0")).code())
                .isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
    }

    @Test
    void executes_reach_the_client_actions_with_the_short_server_id() {
        for (String path : List.of("/1/0/8", "/1/0/4", "/1/0/9", "/3/0/4", "/3/0/5")) {
            assertThat(device.send(InboundRequest.of(CoapMethod.POST, path)).code()).as(path)
                    .isEqualTo(ResponseCode.CHANGED);
        }
        assertThat(device.actions).containsExactly("update 1", "disable 1", "bootstrap 1", "reboot",
                "factory reset");
    }

    @Test
    void an_execute_carries_its_arguments_and_refuses_bad_ones() {
        List<String> seen = new java.util.ArrayList<>();
        device.tree.remove(TestModels.ALL_TYPES_ID);
        io.wisp.client.object.ModelEnabler poked = io.wisp.client.object.ObjectBuilder.of(TestModels.ALL_TYPES)
                .instances(0).onExecute(TestModels.EXECUTABLE, args -> seen.add(args.value(1).orElse("-"))).build();
        device.tree.add(poked);
        InboundRequest poke = InboundRequest.of(CoapMethod.POST, "/10241/0/3");

        assertThat(device.send(poke.withPayload(0, "0,1='two'".getBytes(StandardCharsets.UTF_8))).code())
                .isEqualTo(ResponseCode.CHANGED);
        assertThat(device.send(poke.withPayload(0, "1='unclosed".getBytes(StandardCharsets.UTF_8))).code())
                .isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(seen).containsExactly("two");
    }

    @Test
    void executing_a_resource_that_is_not_executable_is_not_allowed() {
        DmResponse r = device.send(InboundRequest.of(CoapMethod.POST, "/3/0/0"));

        assertThat(r.code()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(r.diagnostic()).contains("not executable");
    }
}
