package io.wisp.client.dm;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.client.testing.TestDevice;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.CoapMethod;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Read-Composite, Observe-Composite and Write-Composite through the decoder and dispatcher. */
class DmCompositeTest {
    private final TestDevice device = new TestDevice();

    /** Path-list format, answer format. */
    static Stream<Arguments> readFormats() {
        return Stream.of(
                Arguments.of(ContentFormat.SENML_JSON, ContentFormat.SENML_JSON),
                Arguments.of(ContentFormat.SENML_CBOR, ContentFormat.SENML_CBOR),
                Arguments.of(ContentFormat.SENML_ETCH_JSON, ContentFormat.SENML_JSON),
                Arguments.of(ContentFormat.SENML_ETCH_CBOR, ContentFormat.LWM2M_CBOR),
                Arguments.of(ContentFormat.SENML_CBOR, ContentFormat.LWM2M_CBOR));
    }

    static Stream<ContentFormat> writeFormats() {
        return Stream.of(ContentFormat.SENML_JSON, ContentFormat.SENML_CBOR, ContentFormat.SENML_ETCH_JSON,
                ContentFormat.SENML_ETCH_CBOR, ContentFormat.LWM2M_CBOR);
    }

    /** The check of ETS int-280, without sockets. */
    @ParameterizedTest
    @MethodSource("readFormats")
    void reads_exactly_the_paths_asked_for(ContentFormat request, ContentFormat answer) {
        DmResponse r = fetch(request, answer, "/3/0/16", "/3/0/11/0", "/1/0");

        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.contentFormat()).isEqualTo(answer.code());
        SortedMap<LwM2mPath, LwM2mNode> leaves = leaves(r);
        assertThat(leaves).containsEntry(LwM2mPath.parse("/3/0/16"), SingleResource.of(16, Value.of("U")))
                .containsEntry(LwM2mPath.parse("/3/0/11/0"), ResourceInstance.of(0, Value.of(0L)))
                .containsEntry(LwM2mPath.parse("/1/0/1"), SingleResource.of(1, Value.of(300L)));
        assertThat(leaves.keySet()).allMatch(p -> p.startsWith(LwM2mPath.parse("/1/0"))
                || p.equals(LwM2mPath.parse("/3/0/16")) || p.equals(LwM2mPath.parse("/3/0/11/0")));
    }

    /** The check of ETS int-235, without sockets. */
    @Test
    void a_read_of_the_root_holds_every_object_but_the_security_one() {
        SortedMap<LwM2mPath, LwM2mNode> leaves = leaves(fetch(ContentFormat.SENML_CBOR, ContentFormat.SENML_CBOR,
                "/"));

        assertThat(leaves.keySet()).extracting(LwM2mPath::objectId).contains(1, 3, 4, 3303, 10241)
                .doesNotContain(0);
    }

    /** The check of ETS int-236, without sockets. */
    @Test
    void absent_paths_are_left_out() {
        DmResponse r = fetch(ContentFormat.SENML_JSON, ContentFormat.SENML_JSON, "/3/0/0", "/3339/0/5522",
                "/3353/0/6030");

        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(leaves(r).keySet()).containsExactly(LwM2mPath.parse("/3/0/0"));
    }

    /** The check of ETS int-281, without sockets. */
    @Test
    void an_executable_resource_is_left_out_of_a_partly_readable_read() {
        DmResponse r = fetch(ContentFormat.SENML_JSON, ContentFormat.SENML_JSON, "/1/0/1", "/1/0/7", "/1/0/8");

        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(leaves(r).keySet()).containsExactly(LwM2mPath.parse("/1/0/1"), LwM2mPath.parse("/1/0/7"));
    }

    @Test
    void a_read_of_nothing_readable_gets_the_error() {
        assertThat(fetch(ContentFormat.SENML_JSON, ContentFormat.SENML_JSON, "/3339/0/5522").code())
                .isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(fetch(ContentFormat.SENML_JSON, ContentFormat.SENML_JSON, "/0/0").code())
                .isEqualTo(ResponseCode.UNAUTHORIZED);
    }

    @Test
    void overlapping_paths_are_answered_once() {
        SortedMap<LwM2mPath, LwM2mNode> leaves = leaves(fetch(ContentFormat.SENML_JSON, ContentFormat.SENML_JSON,
                "/1/0/1", "/1/0"));

        assertThat(leaves).containsEntry(LwM2mPath.parse("/1/0/1"), SingleResource.of(1, Value.of(300L)));
    }

    @Test
    void an_observe_composite_is_answered_with_the_current_values() {
        byte[] body = Codecs.standard().encodePaths(ContentFormat.SENML_CBOR, List.of(LwM2mPath.parse("/3303/0/5700")));
        DmResponse r = device.send(InboundRequest.of(CoapMethod.FETCH, "/")
                .withPayload(ContentFormat.SENML_CBOR.code(), body).withObserve(0, 99).withQuery("pmax=30"));

        assertThat(r.code()).isEqualTo(ResponseCode.CONTENT);
        assertThat(r.contentFormat()).isEqualTo(ContentFormat.SENML_CBOR.code());
        assertThat(leaves(r)).containsEntry(LwM2mPath.parse("/3303/0/5700"), SingleResource.of(5700, Value.of(21.0)));
    }

    /** The check of ETS int-257, without sockets. */
    @ParameterizedTest
    @MethodSource("writeFormats")
    void writes_server_and_device_in_one_exchange(ContentFormat format) {
        TreeMap<LwM2mPath, LwM2mNode> values = new TreeMap<>();
        values.put(LwM2mPath.parse("/1/0/2"), SingleResource.of(2, Value.of(101L)));
        values.put(LwM2mPath.parse("/1/0/6"), SingleResource.of(6, Value.of(true)));
        values.put(LwM2mPath.parse("/3/0/13"), SingleResource.of(13, Value.time(0)));

        DmResponse r = ipatch(format, values);

        assertThat(r.code()).isEqualTo(ResponseCode.CHANGED);
        assertThat(device.local("/1/0/2")).isEqualTo(SingleResource.of(2, Value.of(101L)));
        assertThat(device.local("/1/0/6")).isEqualTo(SingleResource.of(6, Value.of(true)));
        assertThat(device.local("/3/0/13")).isEqualTo(SingleResource.of(13, Value.time(0)));
    }

    /** The check of ETS int-230, without sockets. */
    @Test
    void writes_resource_instances_in_a_composite() {
        TreeMap<LwM2mPath, LwM2mNode> values = new TreeMap<>();
        values.put(LwM2mPath.parse("/1/0/1"), SingleResource.of(1, Value.of(120L)));
        values.put(LwM2mPath.parse("/1/0/25/0"), ResourceInstance.of(0, Value.of("1.1")));
        values.put(LwM2mPath.parse("/1/0/25/1"), ResourceInstance.of(1, Value.of("1.2")));

        assertThat(ipatch(ContentFormat.SENML_JSON, values).code()).isEqualTo(ResponseCode.CHANGED);
        assertThat(device.get("/1/0/25/1", ContentFormat.TEXT).payloadText()).isEqualTo("1.2");
    }

    @Test
    void a_write_composite_with_one_refused_value_changes_nothing() {
        TreeMap<LwM2mPath, LwM2mNode> values = new TreeMap<>();
        values.put(LwM2mPath.parse("/1/0/1"), SingleResource.of(1, Value.of(120L)));
        values.put(LwM2mPath.parse("/1/0/7"), SingleResource.of(7, Value.of("no such binding")));

        DmResponse r = ipatch(ContentFormat.SENML_CBOR, values);

        assertThat(r.code()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(device.local("/1/0/1")).isEqualTo(SingleResource.of(1, Value.of(300L)));
        ObjectInstance server = (ObjectInstance) device.local("/1/0");
        assertThat(server.resource(7)).isEqualTo(SingleResource.of(7, Value.of("U")));
    }

    @Test
    void a_write_composite_to_a_read_only_resource_is_not_allowed() {
        TreeMap<LwM2mPath, LwM2mNode> values = new TreeMap<>();
        values.put(LwM2mPath.parse("/1/0/0"), SingleResource.of(0, Value.of(5L)));

        assertThat(ipatch(ContentFormat.SENML_JSON, values).code()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
    }

    private DmResponse fetch(ContentFormat request, ContentFormat answer, String... paths) {
        byte[] body = Codecs.standard().encodePaths(request, Arrays.stream(paths).map(LwM2mPath::parse).toList());
        return device.send(InboundRequest.of(CoapMethod.FETCH, "/").withPayload(request.code(), body)
                .withAccept(answer.code()));
    }

    private DmResponse ipatch(ContentFormat format, TreeMap<LwM2mPath, LwM2mNode> values) {
        byte[] body = Codecs.standard().encodeNodes(format, values, device.tree.models());
        return device.send(InboundRequest.of(CoapMethod.IPATCH, "/").withPayload(format.code(), body));
    }

    /** The answer's values by their own paths (resources and resource instances). */
    private SortedMap<LwM2mPath, LwM2mNode> leaves(DmResponse r) {
        SortedMap<LwM2mPath, LwM2mNode> decoded = Codecs.standard().decodeNodes(ContentFormat.of(r.contentFormat()),
                r.payload(), device.tree.models());
        SortedMap<LwM2mPath, LwM2mNode> out = new TreeMap<>();
        decoded.forEach((path, node) -> io.wisp.core.codec.leaf.LeafFlattener.flatten(path, node)
                .forEach(leaf -> out.put(leaf.path(), leaf.path().isResource()
                        ? SingleResource.of(leaf.path().resourceId(), leaf.value())
                        : ResourceInstance.of(leaf.path().resourceInstanceId(), leaf.value()))));
        return out;
    }
}
