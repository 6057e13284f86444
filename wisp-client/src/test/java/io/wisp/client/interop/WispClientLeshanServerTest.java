package io.wisp.client.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.client.WispClient;
import io.wisp.client.object.ModelEnabler;
import io.wisp.client.object.ObjectBuilder;
import io.wisp.client.object.std.AccessControlObject;
import io.wisp.client.object.std.ConnectivityMonitoringObject;
import io.wisp.client.object.std.SensorObject;
import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.model.Version;
import io.wisp.core.model.registry.ModelRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.leshan.core.LwM2m.LwM2mVersion;
import org.eclipse.leshan.core.ResponseCode;
import org.eclipse.leshan.core.link.Link;
import org.eclipse.leshan.core.link.lwm2m.attributes.LwM2mAttributeSet;
import org.eclipse.leshan.core.link.lwm2m.attributes.LwM2mAttributes;
import org.eclipse.leshan.core.node.LwM2mMultipleResource;
import org.eclipse.leshan.core.node.LwM2mNode;
import org.eclipse.leshan.core.node.LwM2mObject;
import org.eclipse.leshan.core.node.LwM2mObjectInstance;
import org.eclipse.leshan.core.node.LwM2mPath;
import org.eclipse.leshan.core.node.LwM2mResource;
import org.eclipse.leshan.core.node.LwM2mResourceInstance;
import org.eclipse.leshan.core.node.LwM2mSingleResource;
import org.eclipse.leshan.core.request.ContentFormat;
import org.eclipse.leshan.core.request.CreateRequest;
import org.eclipse.leshan.core.request.DeleteRequest;
import org.eclipse.leshan.core.request.DiscoverRequest;
import org.eclipse.leshan.core.request.ExecuteRequest;
import org.eclipse.leshan.core.request.ReadCompositeRequest;
import org.eclipse.leshan.core.request.ReadRequest;
import org.eclipse.leshan.core.request.WriteAttributesRequest;
import org.eclipse.leshan.core.request.WriteCompositeRequest;
import org.eclipse.leshan.core.request.WriteRequest;
import org.eclipse.leshan.core.request.WriteRequest.Mode;
import org.eclipse.leshan.core.response.CreateResponse;
import org.eclipse.leshan.core.response.DiscoverResponse;
import org.eclipse.leshan.core.response.ReadCompositeResponse;
import org.eclipse.leshan.core.response.ReadResponse;
import org.eclipse.leshan.server.registration.Registration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Wisp client (LwM2M 1.1, the newest version Leshan M15 speaks) against the Leshan server over real UDP on
 * 127.0.0.1: registration, update and de-registration as Leshan sees them (ETS 101–107, 241) and every
 * device-management operation Leshan can issue (ETS 201–290) in every format it speaks — TLV, OMA JSON, SenML JSON,
 * SenML CBOR, plain text, opaque and CBOR — judged by what Leshan decodes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WispClientLeshanServerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String EP = "wisp-vs-leshan";

    private final List<ExecuteArguments> timerTriggers = new CopyOnWriteArrayList<>();
    private LeshanServerPeer leshan;
    private WispClient client;

    @BeforeAll
    void start() {
        leshan = new LeshanServerPeer(Duration.ofSeconds(93));
        client = client(EP, Duration.ofMinutes(5));
        client.start();
        await().atMost(TIMEOUT).until(() -> client.isRegistered() && leshan.registration(EP) != null);
    }

    private WispClient client(String endpoint, Duration lifetime) {
        ModelEnabler display = new ModelEnabler(ModelRegistry.bundled().find(3341).orElseThrow());
        display.addInstance(0);
        ModelEnabler blob = new ModelEnabler(TestObjects.BLOB_MODEL);
        blob.addInstance(0);
        blob.set(0, TestObjects.BLOB_DATA, io.wisp.core.node.Value.of(new byte[] {1, 2, 3, (byte) 0xFF}));
        ModelEnabler timer = ObjectBuilder.of(3340).instances(0)
                .onExecute(5523, args -> timerTriggers.add(args)).build();
        AccessControlObject acl = new AccessControlObject()
                .addEntry(0, 3341, 0, 1, Map.of(1, AccessControlObject.READ | AccessControlObject.WRITE));
        return WispClient.builder(endpoint).bindAddress(LOOPBACK).lwm2mVersion(Version.V1_1)
                .server(1, leshan.address(), lifetime).object(SensorObject.of(3303, Clock.systemUTC(), 3))
                .object(display).object(blob).object(timer).object(acl).object(new ConnectivityMonitoringObject())
                .build();
    }

    @AfterAll
    void stop() throws Exception {
        client.stop().get(10, TimeUnit.SECONDS);
        leshan.close();
    }

    private LwM2mNode read(String path, ContentFormat format) {
        ReadResponse r = leshan.send(EP, new ReadRequest(format, path));
        assertThat(r.getCode()).as("Read %s in %s: %s", path, format, r.getErrorMessage())
                .isEqualTo(ResponseCode.CONTENT);
        return r.getContent();
    }

    private static Object value(LwM2mNode node, int resourceId) {
        return ((LwM2mObjectInstance) node).getResource(resourceId).getValue();
    }

    private static Object value(LwM2mNode node) {
        if (node instanceof LwM2mResourceInstance ri) {
            return ri.getValue();
        }
        return ((LwM2mSingleResource) node).getValue();
    }

    private ResponseCode write(WriteRequest request) {
        var r = leshan.send(EP, request);
        assertThat(r.getCode()).as("%s: %s", request, r.getErrorMessage()).isNotNull();
        return r.getCode();
    }

    @Test
    void int_101_initial_registration() {
        Registration r = leshan.registration(EP);
        assertThat(r.getLwM2mVersion()).isEqualTo(LwM2mVersion.V1_1);
        assertThat(r.getLifeTimeInSec()).isEqualTo(300L);
        List<String> links = Arrays.stream(r.getObjectLinks()).map(Link::getUriReference).toList();
        assertThat(links).contains("/1/0", "/3/0", "/3303/0", "/3341/0", "/" + TestObjects.BLOB + "/0")
                .noneMatch(l -> l.startsWith("/0/"));
        assertThat(r.getSupportedContentFormats()).contains(ContentFormat.TLV, ContentFormat.SENML_CBOR,
                ContentFormat.SENML_JSON);
        assertThat(leshan.eventsOf(EP)).startsWith("registered");
        assertThat(client.location(1)).hasValueSatisfying(l -> assertThat(l).endsWith(r.getId()));
    }

    @Test
    void int_102_registration_update_after_a_lifetime_write() {
        try {
            assertThat(write(new WriteRequest(1, 0, 1, 20L))).isEqualTo(ResponseCode.CHANGED);
            await().atMost(TIMEOUT).until(() -> leshan.registration(EP).getLifeTimeInSec() == 20L);
            int updates = (int) leshan.eventsOf(EP).stream().filter("updated"::equals).count();
            // lt=20: the next Update comes before the 20 s run out (the engine keeps a margin of half of it)
            await().atMost(Duration.ofSeconds(20)).until(() -> leshan.eventsOf(EP).stream()
                    .filter("updated"::equals).count() > updates);
            assertThat(leshan.eventsOf(EP)).doesNotContain("expired");
        } finally {
            assertThat(write(new WriteRequest(1, 0, 1, 300L))).isEqualTo(ResponseCode.CHANGED);
        }
        await().atMost(TIMEOUT).until(() -> leshan.registration(EP).getLifeTimeInSec() == 300L);
    }

    @Test
    void int_104_registration_update_trigger() {
        int updates = (int) leshan.eventsOf(EP).stream().filter("updated"::equals).count();
        assertThat(leshan.send(EP, new ExecuteRequest("/1/0/8")).getCode()).isEqualTo(ResponseCode.CHANGED);
        await().atMost(TIMEOUT).until(() -> leshan.eventsOf(EP).stream().filter("updated"::equals).count()
                > updates);
    }

    @Test
    void int_103_deregistration() throws Exception {
        WispClient other = client("wisp-103", Duration.ofMinutes(5));
        other.start();
        try {
            await().atMost(TIMEOUT).until(() -> leshan.registration("wisp-103") != null);
            assertThat(leshan.send("wisp-103", new ExecuteRequest("/1/0/4")).getCode())
                    .isEqualTo(ResponseCode.CHANGED);
            await().atMost(TIMEOUT).until(() -> leshan.registration("wisp-103") == null);
            assertThat(leshan.eventsOf("wisp-103")).containsExactly("registered", "deregistered");
        } finally {
            other.stop().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void int_105_discarded_register_update() throws Exception {
        WispClient other = client("wisp-105", Duration.ofMinutes(5));
        other.start();
        try {
            await().atMost(TIMEOUT).until(() -> leshan.registration("wisp-105") != null);
            Registration first = leshan.registration("wisp-105");
            leshan.server().getRegistrationStore().removeRegistration(first.getId());

            other.triggerUpdate(1);

            await().atMost(TIMEOUT).until(() -> leshan.registration("wisp-105") != null);
            assertThat(leshan.registration("wisp-105").getId()).isNotEqualTo(first.getId());
            assertThat(leshan.eventsOf("wisp-105")).containsExactly("registered", "registered");
        } finally {
            other.stop().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void int_107_extending_lifetime() {
        try {
            assertThat(write(new WriteRequest(1, 0, 1, 600L))).isEqualTo(ResponseCode.CHANGED);
            await().atMost(TIMEOUT).until(() -> leshan.registration(EP).getLifeTimeInSec() == 600L);
        } finally {
            assertThat(write(new WriteRequest(1, 0, 1, 300L))).isEqualTo(ResponseCode.CHANGED);
        }
        await().atMost(TIMEOUT).until(() -> leshan.registration(EP).getLifeTimeInSec() == 300L);
    }

    @Test
    void int_241_reboot() throws Exception {
        WispClient other = client("wisp-241", Duration.ofMinutes(5));
        other.start();
        try {
            await().atMost(TIMEOUT).until(() -> leshan.registration("wisp-241") != null);
            String first = leshan.registration("wisp-241").getId();

            assertThat(leshan.send("wisp-241", new ExecuteRequest("/3/0/4")).getCode())
                    .isEqualTo(ResponseCode.CHANGED);

            await().atMost(TIMEOUT).until(() -> leshan.registration("wisp-241") != null
                    && !leshan.registration("wisp-241").getId().equals(first));
            assertThat(other.isRegistered()).isTrue();
        } finally {
            other.stop().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void int_201_query_basic_info_plain_text() {
        assertThat(value(read("/3/0/0", ContentFormat.TEXT))).isEqualTo("Wisp");
        assertThat(value(read("/3/0/1", ContentFormat.TEXT))).isEqualTo("Wisp Simulated Device");
        assertThat(value(read("/3/0/2", ContentFormat.TEXT))).isEqualTo(EP);
    }

    @Test
    void int_203_query_basic_info_tlv() {
        LwM2mObjectInstance device = (LwM2mObjectInstance) read("/3/0", ContentFormat.TLV);
        assertThat(device.getResources()).containsKeys(0, 1, 2, 3, 11, 16);
        assertThat(device.getResource(16).getValue()).isEqualTo("U");
    }

    @Test
    void int_204_query_basic_info_json() {
        LwM2mObjectInstance device = (LwM2mObjectInstance) read("/3/0", ContentFormat.JSON);
        assertThat(device.getResources()).containsKeys(0, 1, 2, 3, 11, 16);
        assertThat(device.getResource(2).getValue()).isEqualTo(EP);
    }

    @Test
    void int_211_query_basic_info_cbor() {
        assertThat(value(read("/1/0/0", ContentFormat.CBOR))).isEqualTo(1L);
        assertThat(value(read("/1/0/6", ContentFormat.CBOR))).isEqualTo(false);
        assertThat(value(read("/1/0/7", ContentFormat.CBOR))).isEqualTo("U");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TEXT", "CBOR", "TLV", "JSON", "SENML_JSON", "SENML_CBOR"})
    void int_205_set_basic_info_in_every_format(String formatName) {
        ContentFormat format = ContentFormat.fromName(formatName);
        try {
            assertThat(write(new WriteRequest(format, 1, 0, 2, 101L))).isEqualTo(ResponseCode.CHANGED);
            assertThat(write(new WriteRequest(format, 1, 0, 3, 1010L))).isEqualTo(ResponseCode.CHANGED);
            assertThat(write(new WriteRequest(format, 1, 0, 5, 2000L))).isEqualTo(ResponseCode.CHANGED);
            LwM2mObjectInstance server = (LwM2mObjectInstance) read("/1/0", ContentFormat.TLV);
            assertThat(value(server, 2)).isEqualTo(101L);
            assertThat(value(server, 3)).isEqualTo(1010L);
            assertThat(value(server, 5)).isEqualTo(2000L);
        } finally {
            restoreServer();
        }
    }

    @Test
    void int_212_set_basic_info_cbor() {
        try {
            assertThat(write(new WriteRequest(ContentFormat.CBOR, 1, 0, 6, true))).isEqualTo(ResponseCode.CHANGED);
            assertThat(value(read("/1/0/6", ContentFormat.CBOR))).isEqualTo(true);
        } finally {
            restoreServer();
        }
    }

    private void restoreServer() {
        assertThat(write(new WriteRequest(Mode.UPDATE, ContentFormat.TLV, 1, 0,
                LwM2mSingleResource.newIntegerResource(2, 0), LwM2mSingleResource.newIntegerResource(3, 0),
                LwM2mSingleResource.newIntegerResource(5, 0), LwM2mSingleResource.newBooleanResource(6, false))))
                .isEqualTo(ResponseCode.CHANGED);
    }

    /** ETS int-215 (TLV), 220 (OMA JSON), 233 (SenML CBOR), 234 (SenML JSON): a partial update of /1/0. */
    private void partialUpdate(ContentFormat format) {
        try {
            assertThat(write(new WriteRequest(Mode.UPDATE, format, 1, 0,
                    LwM2mSingleResource.newIntegerResource(2, 101), LwM2mSingleResource.newIntegerResource(3, 1010),
                    LwM2mSingleResource.newBooleanResource(6, true)))).isEqualTo(ResponseCode.CHANGED);
            LwM2mObjectInstance server = (LwM2mObjectInstance) read("/1/0", format);
            assertThat(value(server, 2)).isEqualTo(101L);
            assertThat(value(server, 6)).isEqualTo(true);
            assertThat(value(server, 1)).as("left as it was").isEqualTo(300L);
        } finally {
            restoreServer();
        }
    }

    @Test
    void int_215_set_basic_info_tlv() {
        partialUpdate(ContentFormat.TLV);
    }

    @Test
    void int_220_set_basic_info_json() {
        partialUpdate(ContentFormat.JSON);
    }

    @Test
    void int_233_set_senml_cbor() {
        partialUpdate(ContentFormat.SENML_CBOR);
    }

    @Test
    void int_234_set_senml_json() {
        partialUpdate(ContentFormat.SENML_JSON);
    }

    @Test
    void int_221_security_object_operations_refused() {
        assertThat(leshan.send(EP, new ReadRequest(0)).getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(write(new WriteRequest(0, 0, 0, "coap://elsewhere"))).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(leshan.send(EP, new WriteAttributesRequest(0, new LwM2mAttributeSet(
                LwM2mAttributes.create(LwM2mAttributes.MINIMUM_PERIOD, 10L)))).getCode())
                .isEqualTo(ResponseCode.UNAUTHORIZED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLV", "JSON", "SENML_JSON", "SENML_CBOR"})
    void int_222_read_object(String formatName) {
        ContentFormat format = ContentFormat.fromName(formatName);
        LwM2mObject servers = (LwM2mObject) read("/1", format);
        assertThat(servers.getInstances()).containsOnlyKeys(0);
        LwM2mObject device = (LwM2mObject) read("/3", format);
        assertThat(device.getInstance(0).getResources()).containsKeys(0, 1, 2, 3, 9, 11, 13, 16, 20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLV", "JSON", "SENML_JSON", "SENML_CBOR"})
    void int_223_read_object_instance(String formatName) {
        LwM2mObjectInstance server = (LwM2mObjectInstance) read("/1/0", ContentFormat.fromName(formatName));
        assertThat(server.getResources()).containsKeys(0, 1, 6, 7).doesNotContainKeys(4, 8);
    }

    @Test
    void int_224_read_resource() {
        assertThat(value(read("/1/0/0", ContentFormat.TLV))).isEqualTo(1L);
        assertThat(value(read("/1/0/1", ContentFormat.TEXT))).isEqualTo(300L);
        assertThat(value(read("/1/0/6", ContentFormat.SENML_JSON))).isEqualTo(false);
        assertThat(value(read("/1/0/7", ContentFormat.JSON))).isEqualTo("U");
        assertThat(value(read("/3/0/16", ContentFormat.SENML_CBOR))).isEqualTo("U");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLV", "JSON", "SENML_JSON", "SENML_CBOR", "TEXT", "CBOR"})
    void int_225_read_resource_instance(String formatName) {
        LwM2mNode node = read("/3/0/11/0", ContentFormat.fromName(formatName));
        assertThat(node).isInstanceOf(LwM2mResourceInstance.class);
        assertThat(((LwM2mResourceInstance) node).getId()).isZero();
        assertThat(value(node)).isEqualTo(0L);
    }

    @Test
    void int_227_replace_resource() {
        try {
            assertThat(write(new WriteRequest(1, 0, 1, 63L))).isEqualTo(ResponseCode.CHANGED);
            assertThat(value(read("/1/0/1", ContentFormat.TEXT))).isEqualTo(63L);
            await().atMost(TIMEOUT).until(() -> leshan.registration(EP).getLifeTimeInSec() == 63L);
        } finally {
            assertThat(write(new WriteRequest(1, 0, 1, 300L))).isEqualTo(ResponseCode.CHANGED);
        }
        await().atMost(TIMEOUT).until(() -> leshan.registration(EP).getLifeTimeInSec() == 300L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLV", "JSON", "SENML_JSON", "SENML_CBOR", "TEXT"})
    void int_228_write_resource_instance(String formatName) {
        ContentFormat format = ContentFormat.fromName(formatName);
        assertThat(write(new WriteRequest(Mode.REPLACE, format, "/2/0/2/7",
                LwM2mResourceInstance.newIntegerInstance(7, 3)))).isEqualTo(ResponseCode.CHANGED);
        LwM2mNode back = read("/2/0/2/7", format);
        assertThat(value(back)).isEqualTo(3L);
        LwM2mMultipleResource acl = (LwM2mMultipleResource) ((LwM2mObjectInstance) read("/2/0", ContentFormat.TLV))
                .getResource(2);
        assertThat(acl.getInstances()).containsKeys(1, 7);
        assertThat(write(new WriteRequest(Mode.REPLACE, ContentFormat.TLV, "/2/0/2",
                LwM2mMultipleResource.newIntegerResource(2, Map.of(1, 3L))))).isEqualTo(ResponseCode.CHANGED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OPAQUE", "TLV", "JSON", "SENML_JSON", "SENML_CBOR", "CBOR"})
    void opaque_values_read_and_write_in_every_format_that_carries_them(String formatName) {
        ContentFormat format = ContentFormat.fromName(formatName);
        String path = "/" + TestObjects.BLOB + "/0/" + TestObjects.BLOB_DATA;
        byte[] written = ("bytes in " + formatName).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(write(new WriteRequest(format, TestObjects.BLOB, 0, TestObjects.BLOB_DATA, written)))
                .isEqualTo(ResponseCode.CHANGED);

        assertThat((byte[]) value(read(path, format))).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SENML_JSON", "SENML_CBOR"})
    void int_280_read_composite_success(String formatName) {
        ContentFormat format = ContentFormat.fromName(formatName);
        ReadCompositeResponse r = leshan.send(EP, new ReadCompositeRequest(format, format, "/3/0/16", "/3/0/11/0",
                "/1/0"));
        assertThat(r.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.getContent()).containsOnlyKeys(new LwM2mPath("/3/0/16"), new LwM2mPath("/3/0/11/0"),
                new LwM2mPath("/1/0"));
        assertThat(value(r.getContent().get(new LwM2mPath("/3/0/16")))).isEqualTo("U");
    }

    @Test
    void int_235_read_composite_root() {
        ReadCompositeResponse r = leshan.send(EP, new ReadCompositeRequest(ContentFormat.SENML_CBOR,
                ContentFormat.SENML_CBOR, "/"));
        assertThat(r.getCode()).isEqualTo(ResponseCode.CONTENT);
        LwM2mNode root = r.getContent().get(LwM2mPath.ROOTPATH);
        assertThat(root).isNotNull();
        assertThat(root.toString()).contains("id=3303").doesNotContain("LwM2mObject [id=0,");
    }

    @Test
    void int_236_read_composite_partial_presence() {
        ReadCompositeResponse r = leshan.send(EP, new ReadCompositeRequest(ContentFormat.SENML_JSON,
                ContentFormat.SENML_JSON, "/3/0/0", "/3303/0/5700", "/3353/0/6030"));
        assertThat(r.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.getContent()).containsKeys(new LwM2mPath("/3/0/0"), new LwM2mPath("/3303/0/5700"));
        assertThat(r.getContent().get(new LwM2mPath("/3353/0/6030"))).isNull();
    }

    @Test
    void int_237_read_object_without_accept() {
        ReadResponse device = leshan.send(EP, new ReadRequest(3));
        assertThat(device.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(((LwM2mObject) device.getContent()).getInstance(0).getResource(2).getValue()).isEqualTo(EP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SENML_JSON", "SENML_CBOR"})
    void int_257_write_composite_server_and_device(String formatName) {
        ContentFormat format = ContentFormat.fromName(formatName);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("/1/0/2", 101L);
        values.put("/1/0/6", true);
        values.put("/3/0/14", "+02:00");
        values.put("/3341/0/5527", "composite " + formatName);
        try {
            assertThat(leshan.send(EP, new WriteCompositeRequest(format, values)).getCode())
                    .isEqualTo(ResponseCode.CHANGED);
            LwM2mObjectInstance server = (LwM2mObjectInstance) read("/1/0", ContentFormat.TLV);
            assertThat(value(server, 2)).isEqualTo(101L);
            assertThat(value(server, 6)).isEqualTo(true);
            assertThat(value(read("/3/0/14", ContentFormat.TEXT))).isEqualTo("+02:00");
            assertThat(value(read("/3341/0/5527", ContentFormat.TEXT))).isEqualTo("composite " + formatName);
        } finally {
            restoreServer();
        }
    }

    @Test
    void int_256_write_operation_failure() {
        assertThat(write(new WriteRequest(1, 0, 0, 123L))).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(value(read("/1/0/0", ContentFormat.TEXT))).isEqualTo(1L);
    }

    @Test
    void execute_with_arguments_reaches_the_application() {
        assertThat(leshan.send(EP, new ExecuteRequest("/3340/0/5523", "0='go',5")).getCode())
                .isEqualTo(ResponseCode.CHANGED);
        await().atMost(TIMEOUT).until(() -> !timerTriggers.isEmpty());
        ExecuteArguments args = timerTriggers.get(timerTriggers.size() - 1);
        assertThat(args.value(0)).contains("go");
        assertThat(args.has(5)).isTrue();
    }

    @Test
    void int_260_discover() {
        DiscoverResponse object = leshan.send(EP, new DiscoverRequest(3));
        assertThat(object.getCode()).isEqualTo(ResponseCode.CONTENT);
        List<String> paths = Arrays.stream(object.getObjectLinks()).map(Link::getUriReference).toList();
        assertThat(paths).contains("/3", "/3/0", "/3/0/0", "/3/0/11");

        assertThat(leshan.send(EP, new WriteAttributesRequest(3, 0, 7, new LwM2mAttributeSet(
                LwM2mAttributes.create(LwM2mAttributes.MINIMUM_PERIOD, 10L),
                LwM2mAttributes.create(LwM2mAttributes.LESSER_THAN, 2d)))).getCode())
                .isEqualTo(ResponseCode.CHANGED);
        try {
            DiscoverResponse resource = leshan.send(EP, new DiscoverRequest(3, 0, 7));
            Link link = Arrays.stream(resource.getObjectLinks()).filter(l -> l.getUriReference().equals("/3/0/7"))
                    .findFirst().orElseThrow();
            assertThat(link.getAttributes().get("pmin").getCoreLinkValue()).isEqualTo("10");
            assertThat(link.getAttributes().get("lt").getCoreLinkValue()).isEqualTo("2");
            assertThat(link.getAttributes().get("dim").getCoreLinkValue()).isEqualTo("2");
        } finally {
            leshan.send(EP, new WriteAttributesRequest(3, 0, 7, new LwM2mAttributeSet(
                    LwM2mAttributes.create(LwM2mAttributes.MINIMUM_PERIOD),
                    LwM2mAttributes.create(LwM2mAttributes.LESSER_THAN))));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLV"}) // Leshan M15 writes no Create without an instance ID in another format
    void int_270_create_object_instance_with_an_id_the_client_chooses(String formatName) {
        CreateResponse created = leshan.send(EP, new CreateRequest(ContentFormat.fromName(formatName), 3341,
                LwM2mSingleResource.newStringResource(5527, "made in " + formatName)));
        assertThat(created.getCode()).as(created.getErrorMessage()).isEqualTo(ResponseCode.CREATED);
        String location = created.getLocation().startsWith("/") ? created.getLocation()
                : "/" + created.getLocation();
        try {
            assertThat(location).startsWith("/3341/");
            assertThat(value(read(location + "/5527", ContentFormat.TEXT))).isEqualTo("made in " + formatName);
        } finally {
            assertThat(leshan.send(EP, new DeleteRequest(location)).getCode()).isEqualTo(ResponseCode.DELETED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLV", "JSON", "SENML_JSON", "SENML_CBOR"})
    void int_270_create_object_instance_with_the_id_the_server_chooses(String formatName) {
        CreateResponse created = leshan.send(EP, new CreateRequest(ContentFormat.fromName(formatName), 3341,
                new LwM2mObjectInstance(42, LwM2mSingleResource.newStringResource(5527, "server's 42"),
                        LwM2mSingleResource.newStringResource(5750, "label"))));
        assertThat(created.getCode()).as(created.getErrorMessage()).isEqualTo(ResponseCode.CREATED);
        try {
            LwM2mObjectInstance back = (LwM2mObjectInstance) read("/3341/42", ContentFormat.TLV);
            assertThat(value(back, 5527)).isEqualTo("server's 42");
            await().atMost(TIMEOUT).until(() -> Arrays.stream(leshan.registration(EP).getObjectLinks())
                    .anyMatch(l -> l.getUriReference().equals("/3341/42")));
        } finally {
            assertThat(leshan.send(EP, new DeleteRequest(3341, 42)).getCode()).isEqualTo(ResponseCode.DELETED);
        }
    }

    @Test
    void int_290_delete_object_instance() {
        assertThat(leshan.send(EP, new CreateRequest(3341, new LwM2mObjectInstance(7,
                LwM2mSingleResource.newStringResource(5527, "short-lived")))).getCode())
                .isEqualTo(ResponseCode.CREATED);

        assertThat(leshan.send(EP, new DeleteRequest(3341, 7)).getCode()).isEqualTo(ResponseCode.DELETED);

        assertThat(leshan.send(EP, new ReadRequest(3341, 7)).getCode()).isEqualTo(ResponseCode.NOT_FOUND);
        await().atMost(TIMEOUT).until(() -> Arrays.stream(leshan.registration(EP).getObjectLinks())
                .noneMatch(l -> l.getUriReference().equals("/3341/7")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLV", "JSON", "SENML_JSON", "SENML_CBOR"})
    void write_replace_of_an_instance_drops_what_it_leaves_out_and_update_keeps_it(String formatName) {
        ContentFormat format = ContentFormat.fromName(formatName);
        LwM2mResource text = LwM2mSingleResource.newStringResource(5527, "replaced " + formatName);
        assertThat(write(new WriteRequest(Mode.UPDATE, format, 3341, 0,
                text, LwM2mSingleResource.newStringResource(5750, "kept?")))).isEqualTo(ResponseCode.CHANGED);
        assertThat(write(new WriteRequest(Mode.UPDATE, format, 3341, 0, text))).isEqualTo(ResponseCode.CHANGED);
        assertThat(((LwM2mObjectInstance) read("/3341/0", format)).getResources()).containsKey(5750);

        assertThat(write(new WriteRequest(Mode.REPLACE, format, 3341, 0, text))).isEqualTo(ResponseCode.CHANGED);

        LwM2mObjectInstance after = (LwM2mObjectInstance) read("/3341/0", format);
        assertThat(after.getResource(5527).getValue()).isEqualTo("replaced " + formatName);
        assertThat(after.getResources()).doesNotContainKey(5750);
    }

    @Test
    void int_701_connectivity_monitoring_read() {
        LwM2mObjectInstance cm = (LwM2mObjectInstance) read("/4/0", ContentFormat.TLV);
        assertThat(cm.getResource(0).getValue()).isEqualTo((long) ConnectivityMonitoringObject.LTE_FDD);
        assertThat(cm.getResource(2).getValue()).isEqualTo(-85L);
        assertThat(cm.getResource(4).getInstances().values()).extracting(LwM2mResourceInstance::getValue)
                .contains("127.0.0.1");
    }
}
