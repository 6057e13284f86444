package io.wisp.client.interop;

import static io.wisp.client.interop.Nodes.value;
import static io.wisp.client.interop.Nodes.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.client.WispClient;
import io.wisp.client.object.ModelEnabler;
import io.wisp.client.object.ObjectBuilder;
import io.wisp.client.object.std.AccessControlObject;
import io.wisp.client.object.std.ConnectivityMonitoringObject;
import io.wisp.client.object.std.SensorObject;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.model.Version;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.DataType;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.CreateRequest;
import io.wisp.core.operation.CreateResponse;
import io.wisp.core.operation.DeleteRequest;
import io.wisp.core.operation.ExecuteRequest;
import io.wisp.core.operation.ReadCompositeRequest;
import io.wisp.core.operation.ReadCompositeResponse;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ReadResponse;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.WriteAttributesRequest;
import io.wisp.core.operation.WriteCompositeRequest;
import io.wisp.core.operation.WriteRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.WispServer;
import io.wisp.server.registration.Registration;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Wisp client (LwM2M 1.2) against the Wisp server over real UDP on 127.0.0.1: registration (ETS 101) and every
 * device-management operation (ETS 201–290: Read, Discover with depth, Write replace and update, Write-Attributes,
 * Execute with arguments, Create with the client's or the server's instance ID, Delete of an instance and of a
 * resource instance, Read-Composite, Write-Composite) in every format both speak, judged by what the server decodes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WispClientWispServerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String EP = "wisp-ets";

    private final List<ExecuteArguments> timerTriggers = new CopyOnWriteArrayList<>();
    private WispServer server;
    private WispClient client;
    private ModelEnabler display;

    @BeforeAll
    void start() {
        server = WispServer.builder().bindAddress(LOOPBACK).port(0).models(ModelRegistry.bundled()).build();
        server.start();
        display = new ModelEnabler(ModelRegistry.bundled().find(3341).orElseThrow());
        display.addInstance(0);
        display.set(0, 5527, Value.of("hello"));
        ModelEnabler timer = ObjectBuilder.of(3340).instances(0)
                .onExecute(5523, args -> timerTriggers.add(args)).build();
        AccessControlObject acl = new AccessControlObject()
                .addEntry(0, 3341, 0, 1, Map.of(1, AccessControlObject.READ | AccessControlObject.WRITE));
        client = WispClient.builder(EP).bindAddress(LOOPBACK).lwm2mVersion(Version.V1_2)
                .server(1, server.localAddress(), Duration.ofMinutes(5))
                .object(SensorObject.of(3303, Clock.systemUTC(), 42)).object(display).object(timer).object(acl)
                .object(new ConnectivityMonitoringObject()).build();
        client.start();
        await().atMost(TIMEOUT).until(() -> client.isRegistered() && server.registrations().byEndpoint(EP).isPresent());
    }

    @AfterAll
    void stop() throws Exception {
        client.stop().get(10, TimeUnit.SECONDS);
        server.close();
    }

    private <R extends io.wisp.core.operation.LwM2mResponse> R send(io.wisp.core.operation.LwM2mRequest<R> request) {
        return server.sendAndWait(EP, request, TIMEOUT);
    }

    private LwM2mNode read(String path, ContentFormat format) {
        ReadResponse r = send(ReadRequest.of(path, format));
        assertThat(r.code()).as("Read %s in %s", path, format).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.contentFormat()).as("answered in the format asked for").contains(format);
        return r.node().orElseThrow();
    }

    private ResponseCode write(WriteRequest request) {
        return send(request).code();
    }

    @Test
    void int_101_registration_announces_version_objects_and_formats() {
        Registration r = server.registrations().byEndpoint(EP).orElseThrow();
        assertThat(r.lwm2mVersion()).isEqualTo(Version.V1_2);
        assertThat(r.objectLinks().toString()).contains("</3/0>", "</3303/0>", "</3341/0>", "</1/0>")
                .doesNotContain("</0/");
        assertThat(client.location(1)).contains("/rd/" + r.id());
    }

    @Test
    void int_201_query_basic_info_plain_text() {
        assertThat(value(read("/3/0/0", ContentFormat.TEXT))).isEqualTo(Value.of("Wisp"));
        assertThat(value(read("/3/0/1", ContentFormat.TEXT))).isEqualTo(Value.of("Wisp Simulated Device"));
        assertThat(value(read("/3/0/2", ContentFormat.TEXT))).isEqualTo(Value.of(EP));
    }

    @ParameterizedTest
    @EnumSource(names = {"TLV", "SENML_JSON", "SENML_CBOR", "LWM2M_CBOR", "OMA_JSON"})
    void int_203_read_device_instance_in_every_format(Format format) {
        ObjectInstance device = (ObjectInstance) read("/3/0", format.content);
        assertThat(value(device, 2)).isEqualTo(Value.of(EP));
        assertThat(device.resources().keySet()).contains(0, 1, 2, 3, 11, 16);
        assertThat(value(device, 16)).isEqualTo(Value.of("U"));
    }

    @Test
    void int_204_query_basic_info_json() {
        ObjectInstance device = (ObjectInstance) read("/3/0", ContentFormat.JSON);
        assertThat(device.resources().keySet()).contains(0, 1, 2, 3, 11, 16);
    }

    @Test
    void int_211_query_basic_info_cbor() {
        assertThat(value(read("/1/0/0", ContentFormat.CBOR))).isEqualTo(Value.of(1L));
        assertThat(value(read("/1/0/6", ContentFormat.CBOR))).isEqualTo(Value.of(false));
        assertThat(value(read("/1/0/7", ContentFormat.CBOR))).isEqualTo(Value.of("U"));
    }

    /** ETS int-205 (text), 212 (CBOR), 233/234 (SenML): single-resource writes of /1/0 read back, then restored. */
    private void writeServerBasics(ContentFormat format) {
        ObjectInstance saved = (ObjectInstance) read("/1/0", ContentFormat.TLV);
        try {
            assertThat(write(WriteRequest.replaceValue("/1/0/2", Value.of(101L), format)))
                    .isEqualTo(ResponseCode.CHANGED);
            assertThat(write(WriteRequest.replaceValue("/1/0/3", Value.of(1010L), format)))
                    .isEqualTo(ResponseCode.CHANGED);
            assertThat(write(WriteRequest.replaceValue("/1/0/5", Value.of(2000L), format)))
                    .isEqualTo(ResponseCode.CHANGED);
            ObjectInstance now = (ObjectInstance) read("/1/0", format.equals(ContentFormat.TEXT)
                    || format.equals(ContentFormat.CBOR) ? ContentFormat.TLV : format);
            assertThat(value(now, 2)).isEqualTo(Value.of(101L));
            assertThat(value(now, 3)).isEqualTo(Value.of(1010L));
            assertThat(value(now, 5)).isEqualTo(Value.of(2000L));
        } finally {
            restore(saved);
        }
    }

    private void restore(ObjectInstance saved) {
        assertThat(write(WriteRequest.update("/1/0", writable(saved), ContentFormat.TLV)))
                .isEqualTo(ResponseCode.CHANGED);
    }

    /** The resources of a Server instance a server may write (a Write naming a read-only one gets 4.05). */
    private static ObjectInstance writable(ObjectInstance saved) {
        var model = ModelRegistry.bundled().find(1).orElseThrow();
        return ObjectInstance.of(saved.id(), saved.resources().values().stream()
                .filter(r -> model.resource(r.id()).operations().isWritable()).toList());
    }

    @Test
    void int_205_set_basic_info_plain_text() {
        writeServerBasics(ContentFormat.TEXT);
    }

    @Test
    void int_212_set_basic_info_cbor() {
        writeServerBasics(ContentFormat.CBOR);
        ObjectInstance saved = (ObjectInstance) read("/1/0", ContentFormat.TLV);
        try {
            assertThat(write(WriteRequest.replaceValue("/1/0/6", Value.of(true), ContentFormat.CBOR)))
                    .isEqualTo(ResponseCode.CHANGED);
            assertThat(value(read("/1/0/6", ContentFormat.CBOR))).isEqualTo(Value.of(true));
        } finally {
            restore(saved);
        }
    }

    @Test
    void int_233_set_senml_cbor() {
        writeServerBasics(ContentFormat.SENML_CBOR);
    }

    @Test
    void int_234_set_senml_json() {
        writeServerBasics(ContentFormat.SENML_JSON);
    }

    /** ETS int-215 (TLV), int-220 (OMA JSON), int-226 (LwM2M CBOR, the 1.2 default): partial update, then replace. */
    private void updateThenReplaceServerInstance(ContentFormat format) {
        ObjectInstance saved = (ObjectInstance) read("/1/0", format);
        try {
            ObjectInstance partial = ObjectInstance.of(0, SingleResource.of(2, Value.of(101L)),
                    SingleResource.of(3, Value.of(1010L)), SingleResource.of(6, Value.of(true)));
            assertThat(write(WriteRequest.update("/1/0", partial, format))).isEqualTo(ResponseCode.CHANGED);
            ObjectInstance now = (ObjectInstance) read("/1/0", format);
            assertThat(value(now, 2)).isEqualTo(Value.of(101L));
            assertThat(value(now, 6)).isEqualTo(Value.of(true));
            assertThat(value(now, 1)).as("a partial update leaves the rest").isEqualTo(value(saved, 1));
        } finally {
            assertThat(write(WriteRequest.update("/1/0", writable(saved), format))).isEqualTo(ResponseCode.CHANGED);
        }
        assertThat(read("/1/0", format)).isEqualTo(saved);
    }

    @Test
    void int_215_set_basic_info_tlv() {
        updateThenReplaceServerInstance(ContentFormat.TLV);
    }

    @Test
    void int_220_set_basic_info_json() {
        updateThenReplaceServerInstance(ContentFormat.JSON);
    }

    @Test
    void int_226_partial_update_object_instance_in_lwm2m_cbor() {
        updateThenReplaceServerInstance(ContentFormat.LWM2M_CBOR);
    }

    @Test
    void int_221_security_object_operations_refused() {
        assertThat(send(ReadRequest.of("/0")).code()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(write(WriteRequest.replaceValue("/0/0/0", Value.of("coap://evil:5683"), ContentFormat.TEXT)))
                .isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(send(WriteAttributesRequest.of("/0", "pmin=10")).code()).isEqualTo(ResponseCode.UNAUTHORIZED);
    }

    @Test
    void int_222_read_object() {
        LwM2mObject servers = (LwM2mObject) read("/1", ContentFormat.LWM2M_CBOR);
        assertThat(servers.instances()).containsOnlyKeys(0);
        assertThat(value(servers.instance(0), 0)).isEqualTo(Value.of(1L));
        LwM2mObject device = (LwM2mObject) read("/3", ContentFormat.SENML_CBOR);
        assertThat(device.instance(0).resources().keySet()).contains(0, 1, 2, 3, 9, 11, 13, 16, 20);
    }

    @Test
    void int_223_read_object_instance() {
        ObjectInstance server1 = (ObjectInstance) read("/1/0", ContentFormat.TLV);
        assertThat(server1.resources().keySet()).contains(0, 1, 6, 7);
        assertThat(value(server1, 1)).isEqualTo(Value.of(300L));
        ObjectInstance device = (ObjectInstance) read("/3/0", ContentFormat.TLV);
        assertThat(device.resources()).doesNotContainKeys(4, 5, 12);
    }

    @Test
    void int_224_read_resource() {
        assertThat(value(read("/1/0/0", ContentFormat.TLV))).isEqualTo(Value.of(1L));
        assertThat(value(read("/1/0/1", ContentFormat.TEXT))).isEqualTo(Value.of(300L));
        assertThat(value(read("/1/0/6", ContentFormat.SENML_JSON))).isEqualTo(Value.of(false));
        assertThat(value(read("/1/0/7", ContentFormat.LWM2M_CBOR))).isEqualTo(Value.of("U"));
        assertThat(value(read("/3/0/16", ContentFormat.SENML_CBOR))).isEqualTo(Value.of("U"));
    }

    @ParameterizedTest
    @EnumSource(names = {"TLV", "SENML_JSON", "SENML_CBOR", "LWM2M_CBOR", "TEXT", "CBOR"})
    void int_225_read_resource_instance(Format format) {
        LwM2mNode node = read("/3/0/11/0", format.content);
        assertThat(node).isInstanceOf(ResourceInstance.class);
        assertThat(((ResourceInstance) node).id()).isZero();
        assertThat(value(node)).isEqualTo(Value.of(0L));
    }

    @Test
    void int_227_replace_resource_updates_the_registration_lifetime() {
        try {
            assertThat(write(WriteRequest.replaceValue("/1/0/1", Value.of(63L), ContentFormat.TEXT)))
                    .isEqualTo(ResponseCode.CHANGED);
            assertThat(value(read("/1/0/1", ContentFormat.TEXT))).isEqualTo(Value.of(63L));
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                    server.registrations().byEndpoint(EP).orElseThrow().lifetime()).isEqualTo(63L));
        } finally {
            assertThat(write(WriteRequest.replaceValue("/1/0/1", Value.of(300L), ContentFormat.TEXT)))
                    .isEqualTo(ResponseCode.CHANGED);
        }
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                server.registrations().byEndpoint(EP).orElseThrow().lifetime()).isEqualTo(300L));
    }

    @ParameterizedTest
    @EnumSource(names = {"TLV", "SENML_JSON", "SENML_CBOR", "LWM2M_CBOR", "TEXT"})
    void int_228_write_resource_instance(Format format) {
        String text = format.name();
        assertThat(write(WriteRequest.replaceValue("/2/0/2/7", Value.of(3L), format.content)))
                .isEqualTo(ResponseCode.CHANGED);
        assertThat(value(read("/2/0/2/7", format.content))).isEqualTo(Value.of(3L));
        ObjectInstance acl = (ObjectInstance) read("/2/0", ContentFormat.TLV);
        assertThat(values(acl, 2)).as("after %s", text).containsEntry(1, Value.of(3L)).containsEntry(7, Value.of(3L));

        assertThat(send(DeleteRequest.of("/2/0/2/7")).code()).isEqualTo(ResponseCode.DELETED);
        assertThat(send(ReadRequest.of("/2/0/2/7", ContentFormat.TLV)).code()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(values((ObjectInstance) read("/2/0", ContentFormat.TLV), 2)).containsOnlyKeys(1);
    }

    @ParameterizedTest
    @EnumSource(names = {"SENML_JSON", "SENML_CBOR", "LWM2M_CBOR"})
    void int_280_read_composite_success(Format format) {
        ReadCompositeResponse r = send(new ReadCompositeRequest(List.of(LwM2mPath.parse("/3/0/16"),
                LwM2mPath.parse("/3/0/11/0"), LwM2mPath.parse("/1/0")), ContentFormat.SENML_CBOR, format.content));
        assertThat(r.contentFormat()).contains(format.content);
        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.content()).containsOnlyKeys(LwM2mPath.parse("/3/0/16"), LwM2mPath.parse("/3/0/11/0"),
                LwM2mPath.parse("/1/0"));
        assertThat(value(r.content().get(LwM2mPath.parse("/3/0/16")))).isEqualTo(Value.of("U"));
        assertThat(value(r.content().get(LwM2mPath.parse("/1/0")), 0)).isEqualTo(Value.of(1L));
    }

    @Test
    void int_229_read_composite() {
        ReadCompositeResponse r = send(ReadCompositeRequest.of(ContentFormat.SENML_JSON, "/3", "/1/0", "/1/0/1",
                "/3/0/11/0"));
        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.content()).containsKeys(LwM2mPath.parse("/3"), LwM2mPath.parse("/1/0"),
                LwM2mPath.parse("/3/0/11/0"));
    }

    @Test
    void int_235_read_composite_root() {
        ReadCompositeResponse r = send(ReadCompositeRequest.of(ContentFormat.SENML_CBOR, "/"));
        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.content().keySet()).extracting(p -> p.objectId()).contains(1, 3, 3303, 3341)
                .doesNotContain(0);
    }

    @Test
    void int_236_read_composite_partial_presence() {
        ReadCompositeResponse r = send(ReadCompositeRequest.of(ContentFormat.SENML_JSON, "/3/0/0", "/3339/0/5522",
                "/3353/0/6030"));
        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.content()).containsOnlyKeys(LwM2mPath.parse("/3/0/0"));
    }

    @Test
    void int_237_read_object_without_accept() {
        ReadResponse servers = send(ReadRequest.of("/1"));
        ReadResponse device = send(ReadRequest.of("/3"));
        assertThat(servers.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(device.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(((LwM2mObject) device.node().orElseThrow()).instance(0).resources()).containsKey(2);
        assertThat(servers.contentFormat()).isPresent();
    }

    @ParameterizedTest
    @EnumSource(names = {"SENML_JSON", "SENML_CBOR", "LWM2M_CBOR"})
    void int_257_write_composite_server_and_device(Format format) {
        ObjectInstance saved = (ObjectInstance) read("/1/0", ContentFormat.TLV);
        try {
            Map<LwM2mPath, LwM2mNode> nodes = new TreeMap<>();
            nodes.put(LwM2mPath.parse("/1/0/2"), SingleResource.of(2, Value.of(101L)));
            nodes.put(LwM2mPath.parse("/1/0/6"), SingleResource.of(6, Value.of(true)));
            nodes.put(LwM2mPath.parse("/3/0/14"), SingleResource.of(14, Value.of("+02:00")));
            nodes.put(LwM2mPath.parse("/3341/0/5527"), SingleResource.of(5527, Value.of("composite " + format)));
            assertThat(send(WriteCompositeRequest.of(nodes, format.content)).code())
                    .isEqualTo(ResponseCode.CHANGED);

            ObjectInstance server1 = (ObjectInstance) read("/1/0", ContentFormat.TLV);
            assertThat(value(server1, 2)).isEqualTo(Value.of(101L));
            assertThat(value(server1, 6)).isEqualTo(Value.of(true));
            assertThat(value(read("/3/0/14", ContentFormat.TEXT))).isEqualTo(Value.of("+02:00"));
            assertThat(value(read("/3341/0/5527", ContentFormat.TEXT))).isEqualTo(Value.of("composite " + format));
        } finally {
            restore(saved);
        }
    }

    @Test
    void int_256_write_operation_failure() {
        assertThat(write(WriteRequest.replaceValue("/1/0/0", Value.of(123L), ContentFormat.TEXT)))
                .isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(value(read("/1/0/0", ContentFormat.TEXT))).isEqualTo(Value.of(1L));
    }

    @Test
    void int_241_write_then_read_back_and_execute() {
        WriteRequest write = WriteRequest.replaceValue("/3/0/14", Value.of("+01:00"), ContentFormat.TEXT);
        assertThat(write(write)).isEqualTo(ResponseCode.CHANGED);
        assertThat(value(read("/3/0/14", ContentFormat.TEXT))).isEqualTo(Value.of("+01:00"));

        assertThat(send(ExecuteRequest.of("/3303/0/5605")).code()).isEqualTo(ResponseCode.CHANGED);
        assertThat(send(ExecuteRequest.of("/3/0/2")).code()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(send(ReadRequest.of("/3/7")).code()).isEqualTo(ResponseCode.NOT_FOUND);
    }

    @Test
    void execute_with_arguments_hands_them_to_the_application() {
        assertThat(send(ExecuteRequest.of("/3340/0/5523", "0='start',3='7'")).code())
                .isEqualTo(ResponseCode.CHANGED);
        await().atMost(TIMEOUT).until(() -> !timerTriggers.isEmpty());
        ExecuteArguments args = timerTriggers.get(timerTriggers.size() - 1);
        assertThat(args.value(0)).contains("start");
        assertThat(args.value(3)).contains("7");
        assertThat(args.size()).isEqualTo(2);
    }

    @Test
    void int_260_discover() {
        io.wisp.core.operation.DiscoverResponse object = send(io.wisp.core.operation.DiscoverRequest.of("/3"));
        assertThat(object.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(object.paths()).contains(LwM2mPath.parse("/3"), LwM2mPath.parse("/3/0"),
                LwM2mPath.parse("/3/0/0"), LwM2mPath.parse("/3/0/11"));
        assertThat(object.link(LwM2mPath.parse("/3/0/11")).orElseThrow().dim()).hasValue(1);

        assertThat(send(WriteAttributesRequest.of("/3", "pmax=60")).code()).isEqualTo(ResponseCode.CHANGED);
        assertThat(send(WriteAttributesRequest.of("/3/0/7", "pmin=10&lt=2")).code())
                .isEqualTo(ResponseCode.CHANGED);
        try {
            io.wisp.core.operation.DiscoverResponse resource = send(
                    io.wisp.core.operation.DiscoverRequest.of("/3/0/7"));
            var link = resource.link(LwM2mPath.parse("/3/0/7")).orElseThrow();
            assertThat(link.link().value("pmin")).contains("10");
            assertThat(link.link().value("lt")).contains("2");
            assertThat(link.dim()).hasValue(2);
        } finally {
            assertThat(send(WriteAttributesRequest.of("/3", "pmax")).code()).isEqualTo(ResponseCode.CHANGED);
            assertThat(send(WriteAttributesRequest.of("/3/0/7", "pmin&lt")).code()).isEqualTo(ResponseCode.CHANGED);
        }
    }

    @Test
    void int_264_discover_depth_1() {
        io.wisp.core.operation.DiscoverResponse r = send(io.wisp.core.operation.DiscoverRequest.of("/3", 1));
        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.paths()).containsExactly(LwM2mPath.parse("/3"), LwM2mPath.parse("/3/0"));
    }

    @Test
    void int_266_discover_depth_3() {
        io.wisp.core.operation.DiscoverResponse r = send(io.wisp.core.operation.DiscoverRequest.of("/3", 3));
        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.paths()).contains(LwM2mPath.parse("/3/0/7"), LwM2mPath.parse("/3/0/7/0"),
                LwM2mPath.parse("/3/0/7/1"), LwM2mPath.parse("/3/0/11/0"));
    }

    @ParameterizedTest
    @EnumSource(names = {"TLV", "LWM2M_CBOR"})
    void int_270_create_object_instance_with_an_id_the_client_chooses(Format format) {
        CreateResponse created = send(CreateRequest.clientChoosesId(3341,
                List.of(SingleResource.of(5527, Value.of("made in " + format))), format.content));
        assertThat(created.code()).isEqualTo(ResponseCode.CREATED);
        LwM2mPath instance = created.instancePath().orElseThrow();
        assertThat(instance.objectId()).isEqualTo(3341);
        try {
            assertThat(value(read(instance + "/5527", ContentFormat.TEXT))).isEqualTo(Value.of("made in " + format));
        } finally {
            assertThat(send(DeleteRequest.of(instance.toString())).code()).isEqualTo(ResponseCode.DELETED);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"TLV", "OMA_JSON", "SENML_JSON", "SENML_CBOR", "LWM2M_CBOR"})
    void int_270_create_object_instance_with_the_id_the_server_chooses(Format format) {
        ObjectInstance instance = ObjectInstance.of(42, SingleResource.of(5527, Value.of("server's 42")),
                SingleResource.of(5750, Value.of("label")));
        CreateResponse created = send(new CreateRequest(3341, instance, format.content));
        assertThat(created.code()).isEqualTo(ResponseCode.CREATED);
        try {
            ObjectInstance back = (ObjectInstance) read("/3341/42", ContentFormat.TLV);
            assertThat(value(back, 5527)).isEqualTo(Value.of("server's 42"));
            assertThat(value(back, 5750)).isEqualTo(Value.of("label"));
            await().atMost(TIMEOUT).until(() -> server.registrations().byEndpoint(EP).orElseThrow()
                    .objectLinks().toString().contains("</3341/42>"));
        } finally {
            assertThat(send(DeleteRequest.of("/3341/42")).code()).isEqualTo(ResponseCode.DELETED);
        }
    }

    @Test
    void int_290_delete_object_instance() {
        CreateResponse created = send(CreateRequest.of(3341, ObjectInstance.of(7,
                SingleResource.of(5527, Value.of("short-lived")))));
        assertThat(created.code()).isEqualTo(ResponseCode.CREATED);

        assertThat(send(DeleteRequest.of("/3341/7")).code()).isEqualTo(ResponseCode.DELETED);

        assertThat(send(ReadRequest.of("/3341/7")).code()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(send(DeleteRequest.of("/3341/7")).code()).isEqualTo(ResponseCode.NOT_FOUND);
        await().atMost(TIMEOUT).until(() -> !server.registrations().byEndpoint(EP).orElseThrow()
                .objectLinks().toString().contains("</3341/7>"));
        assertThat(send(DeleteRequest.of("/3/0")).code()).as("the Device instance stays")
                .isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
    }

    @ParameterizedTest
    @EnumSource(names = {"TLV", "OMA_JSON", "SENML_JSON", "SENML_CBOR", "LWM2M_CBOR"})
    void write_replace_of_an_instance_drops_what_it_leaves_out_and_update_keeps_it(Format format) {
        display.set(0, 5750, Value.of("kept?"));
        ObjectInstance only = ObjectInstance.of(0, SingleResource.of(5527, Value.of("replaced " + format)));
        assertThat(write(WriteRequest.update("/3341/0", only, format.content))).isEqualTo(ResponseCode.CHANGED);
        assertThat(value((ObjectInstance) read("/3341/0", format.content), 5750)).isEqualTo(Value.of("kept?"));

        assertThat(write(WriteRequest.replace("/3341/0", only, format.content))).isEqualTo(ResponseCode.CHANGED);
        ObjectInstance after = (ObjectInstance) read("/3341/0", format.content);
        assertThat(value(after, 5527)).isEqualTo(Value.of("replaced " + format));
        assertThat(after.resources()).doesNotContainKey(5750);
    }

    @Test
    void write_of_a_whole_multiple_resource_replaces_its_instances() {
        MultipleResource acl = MultipleResource.of(2, DataType.INTEGER, ResourceInstance.of(1, Value.of(3L)),
                ResourceInstance.of(4, Value.of(1L)));
        assertThat(write(WriteRequest.replace("/2/0/2", acl, ContentFormat.TLV))).isEqualTo(ResponseCode.CHANGED);
        try {
            assertThat(values((ObjectInstance) read("/2/0", ContentFormat.SENML_CBOR), 2))
                    .containsOnlyKeys(1, 4);
        } finally {
            MultipleResource back = MultipleResource.of(2, DataType.INTEGER, ResourceInstance.of(1, Value.of(3L)));
            assertThat(write(WriteRequest.replace("/2/0/2", back, ContentFormat.TLV)))
                    .isEqualTo(ResponseCode.CHANGED);
        }
    }

    @Test
    void int_701_connectivity_monitoring_read() {
        ObjectInstance cm = (ObjectInstance) read("/4/0", ContentFormat.TLV);
        assertThat(value(cm, 0)).isEqualTo(Value.of((long) ConnectivityMonitoringObject.LTE_FDD));
        assertThat(values(cm, 1)).isNotEmpty();
        assertThat(value(cm, 2)).isEqualTo(Value.of(-85L));
        assertThat(values(cm, 4)).containsValue(Value.of("127.0.0.1"));
    }

    /** The formats of a whole-instance Read both sides speak. */
    enum Format {
        TLV(ContentFormat.TLV), SENML_JSON(ContentFormat.SENML_JSON), SENML_CBOR(ContentFormat.SENML_CBOR),
        LWM2M_CBOR(ContentFormat.LWM2M_CBOR), OMA_JSON(ContentFormat.JSON), TEXT(ContentFormat.TEXT),
        CBOR(ContentFormat.CBOR);

        final ContentFormat content;

        Format(ContentFormat content) {
            this.content = content;
        }
    }
}
