package io.wisp.client.dm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.client.object.ObjectException;
import io.wisp.client.object.ObjectTree;
import io.wisp.client.object.std.ServerObject;
import io.wisp.client.object.std.ClientActions;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.node.DataType;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.Value;
import io.wisp.core.operation.CancelCompositeObservationRequest;
import io.wisp.core.operation.CancelObservationRequest;
import io.wisp.core.operation.CreateRequest;
import io.wisp.core.operation.DeleteRequest;
import io.wisp.core.operation.DiscoverRequest;
import io.wisp.core.operation.ExecuteRequest;
import io.wisp.core.operation.LwM2mRequest;
import io.wisp.core.operation.ObserveCompositeRequest;
import io.wisp.core.operation.ObserveRequest;
import io.wisp.core.operation.ReadCompositeRequest;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.WriteAttributesRequest;
import io.wisp.core.operation.WriteCompositeRequest;
import io.wisp.core.operation.WriteRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.CoapMethod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The Transport TS §6.4 mapping from CoAP to operations, one case per row. */
class RequestDecoderTest {
    private final ObjectTree tree = new ObjectTree();
    private final ObjectModels models;
    private final RequestDecoder decoder = RequestDecoder.standard();

    RequestDecoderTest() {
        tree.add(new ServerObject(ClientActions.NONE).addServer(0, 1, 60, "U"));
        models = tree.models();
    }

    private LwM2mRequest<?> decode(InboundRequest request) {
        return decoder.decode(request, models);
    }

    private byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void get_is_read_discover_observe_or_cancel() {
        assertThat(decode(InboundRequest.of(CoapMethod.GET, "/1/0").withAccept(11542)))
                .isEqualTo(ReadRequest.of("/1/0", ContentFormat.TLV));
        assertThat(decode(InboundRequest.of(CoapMethod.GET, "/1/0/1"))).isEqualTo(ReadRequest.of("/1/0/1"));
        assertThat(decode(InboundRequest.of(CoapMethod.GET, "/1").withAccept(40).withQuery("depth=2")))
                .isEqualTo(DiscoverRequest.of("/1", 2));
        assertThat(decode(InboundRequest.of(CoapMethod.GET, "/1/0/1").withObserve(0, 7).withQuery("pmin=5")))
                .isEqualTo(ObserveRequest.of("/1/0/1").withAttributes("pmin=5"));
        CancelObservationRequest cancel = (CancelObservationRequest) decode(
                InboundRequest.of(CoapMethod.GET, "/1/0/1").withObserve(1, 0xABCDL));
        assertThat(cancel.observation().path()).isEqualTo(LwM2mPath.parse("/1/0/1"));
        assertThat(cancel.observation().id().token()).isEqualTo(0xABCDL);
    }

    @Test
    void put_is_a_replace_with_a_payload_and_write_attributes_without() {
        assertThat(decode(InboundRequest.of(CoapMethod.PUT, "/1/0/1").withPayload(0, text("90"))))
                .isEqualTo(new WriteRequest(WriteRequest.Mode.REPLACE, LwM2mPath.parse("/1/0/1"),
                        io.wisp.core.node.SingleResource.of(1, Value.of(90L)), ContentFormat.TEXT));
        assertThat(decode(InboundRequest.of(CoapMethod.PUT, "/1/0/7").withPayload(0, new byte[0])))
                .as("an empty text is a value").isEqualTo(new WriteRequest(WriteRequest.Mode.REPLACE,
                        LwM2mPath.parse("/1/0/7"), io.wisp.core.node.SingleResource.of(7, Value.of("")),
                        ContentFormat.TEXT));
        assertThat(decode(InboundRequest.of(CoapMethod.PUT, "/1/0/1").withQuery("pmin=1", "pmax")))
                .isEqualTo(WriteAttributesRequest.of("/1/0/1", "pmin=1&pmax"));
    }

    @Test
    void post_is_create_partial_update_or_execute_by_target() {
        assertThat(decode(InboundRequest.of(CoapMethod.POST, "/1"))).isInstanceOf(CreateRequest.class);
        LwM2mRequest<?> update = decode(InboundRequest.of(CoapMethod.POST, "/1/0").withPayload(11542,
                Codecs.standard().encode(ContentFormat.TLV, io.wisp.core.node.ObjectInstance.of(0,
                        io.wisp.core.node.SingleResource.of(1, Value.of(70L))), LwM2mPath.parse("/1/0"), models)));
        assertThat(update).isInstanceOf(WriteRequest.class);
        assertThat(((WriteRequest) update).mode()).isEqualTo(WriteRequest.Mode.PARTIAL_UPDATE);
        assertThat(decode(InboundRequest.of(CoapMethod.POST, "/1/0/8"))).isEqualTo(ExecuteRequest.of("/1/0/8"));
        assertThat(decode(InboundRequest.of(CoapMethod.POST, "/1/0/4").withPayload(0, text("5='x'"))))
                .isEqualTo(new ExecuteRequest(LwM2mPath.parse("/1/0/4"), ExecuteArguments.parse("5='x'")));
        MultipleResource versions = MultipleResource.of(25, DataType.STRING, ResourceInstance.of(2, Value.of("1.2")));
        LwM2mRequest<?> multiple = decode(InboundRequest.of(CoapMethod.POST, "/1/0/25").withPayload(110,
                Codecs.standard().encode(ContentFormat.SENML_JSON, versions, LwM2mPath.parse("/1/0/25"), models)));
        assertThat(multiple).isEqualTo(new WriteRequest(WriteRequest.Mode.PARTIAL_UPDATE,
                LwM2mPath.parse("/1/0/25"), versions, ContentFormat.SENML_JSON));
    }

    @Test
    void delete_fetch_and_ipatch() {
        assertThat(decode(InboundRequest.of(CoapMethod.DELETE, "/1/0"))).isEqualTo(DeleteRequest.of("/1/0"));
        byte[] paths = Codecs.standard().encodePaths(ContentFormat.SENML_CBOR,
                List.of(LwM2mPath.parse("/1/0/1"), LwM2mPath.parse("/3")));
        InboundRequest fetch = InboundRequest.of(CoapMethod.FETCH, "/").withPayload(112, paths).withAccept(11544);
        assertThat(decode(fetch)).isEqualTo(new ReadCompositeRequest(List.of(LwM2mPath.parse("/1/0/1"),
                LwM2mPath.parse("/3")), ContentFormat.SENML_CBOR, ContentFormat.LWM2M_CBOR));
        assertThat(decode(fetch.withObserve(0, 3))).isInstanceOf(ObserveCompositeRequest.class);
        assertThat(decode(fetch.withObserve(1, 3))).isInstanceOf(CancelCompositeObservationRequest.class);
        TreeMap<LwM2mPath, io.wisp.core.node.LwM2mNode> values = new TreeMap<>();
        values.put(LwM2mPath.parse("/1/0/1"), io.wisp.core.node.SingleResource.of(1, Value.of(5L)));
        InboundRequest ipatch = InboundRequest.of(CoapMethod.IPATCH, "/").withPayload(110,
                Codecs.standard().encodeNodes(ContentFormat.SENML_JSON, values, models));
        assertThat(decode(ipatch)).isEqualTo(WriteCompositeRequest.of(values, ContentFormat.SENML_JSON));
    }

    @Test
    void an_alternate_path_is_taken_off_and_required() {
        RequestDecoder alt = new RequestDecoder(Codecs.standard(), List.of("lwm2m"));

        assertThat(alt.decode(InboundRequest.of(CoapMethod.GET, "/lwm2m/1/0"), models)).isEqualTo(ReadRequest.of("/1/0"));
        assertThatThrownBy(() -> alt.decode(InboundRequest.of(CoapMethod.GET, "/1/0"), models))
                .isInstanceOfSatisfying(ObjectException.class, e -> assertThat(e.code()).isEqualTo(ResponseCode.NOT_FOUND));
    }

    @Test
    void composite_requests_go_to_the_root_with_a_composite_accept() {
        byte[] paths = Codecs.standard().encodePaths(ContentFormat.SENML_JSON, List.of(LwM2mPath.parse("/1")));
        assertThatThrownBy(() -> decode(InboundRequest.of(CoapMethod.FETCH, "/1").withPayload(110, paths)))
                .isInstanceOfSatisfying(ObjectException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED));
        assertThatThrownBy(() -> decode(InboundRequest.of(CoapMethod.FETCH, "/").withPayload(110, paths)
                .withAccept(11542))).isInstanceOfSatisfying(ObjectException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseCode.NOT_ACCEPTABLE));
        assertThatThrownBy(() -> decode(InboundRequest.of(CoapMethod.FETCH, "/").withPayload(11542, paths)))
                .isInstanceOfSatisfying(ObjectException.class,
                        e -> assertThat(e.code()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT));
    }
}
