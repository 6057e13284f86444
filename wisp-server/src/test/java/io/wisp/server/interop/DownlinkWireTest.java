package io.wisp.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.DataType;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.CreateRequest;
import io.wisp.core.operation.CreateResponse;
import io.wisp.core.operation.DeleteRequest;
import io.wisp.core.operation.DiscoverRequest;
import io.wisp.core.operation.DiscoverResponse;
import io.wisp.core.operation.ExecuteRequest;
import io.wisp.core.operation.LwM2mRequest;
import io.wisp.core.operation.LwM2mResponse;
import io.wisp.core.operation.OperationException;
import io.wisp.core.operation.ReadCompositeRequest;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ReadResponse;
import io.wisp.core.operation.WriteAttributesRequest;
import io.wisp.core.operation.WriteCompositeRequest;
import io.wisp.core.operation.WriteRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.WispServer;
import io.wisp.server.downlink.SendOptions;
import io.wisp.transport.testing.ScriptedPeer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CoAP form of every downlink (Transport TS §6.4) as a hand-scripted client receives it, for registrations Leshan
 * cannot play — an alternate path, LwM2M 1.0 without {@code ct}, LwM2M 1.2 with LwM2M CBOR and SenML-ETCH — and the
 * server's handling of answers no well-behaved client sends: a payload that does not decode, the wrong success code,
 * no answer at all. Every failure arrives as a typed value in the future.
 */
class DownlinkWireTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ModelRegistry MODELS = ModelRegistry.bundled();

    private WispServer server;
    private ScriptedPeer device;

    @BeforeEach
    void start() throws Exception {
        server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0).models(MODELS).build();
        server.start();
        device = new ScriptedPeer();
    }

    @AfterEach
    void stop() {
        device.close();
        server.close();
    }

    /** Registers the scripted device with the given LwM2M version and link-format object list. */
    private void register(String version, String links) {
        Request request = new Request(Code.POST);
        request.getOptions().setUriPath("rd").setUriQuery("ep=wire&lt=300&lwm2m=" + version)
                .setContentFormat(MediaTypeRegistry.APPLICATION_LINK_FORMAT);
        request.setPayload(links);
        Response response = device.send(server.localAddress(), request);
        if (response == null || response.getCode() != CoAP.ResponseCode.CREATED) {
            throw new IllegalStateException("Register was answered " + response);
        }
    }

    private <R extends LwM2mResponse> R send(LwM2mRequest<R> request) {
        return server.sendAndWait("wire", request, TIMEOUT);
    }

    private static Response answer(CoAP.ResponseCode code, ContentFormat format, byte[] payload) {
        return ScriptedPeer.response(code, format.code(), payload);
    }

    private static byte[] tlv(io.wisp.core.node.LwM2mNode node, String path) {
        return Codecs.standard().encode(ContentFormat.TLV, node, LwM2mPath.parse(path), MODELS);
    }

    private static OperationException failure(CompletableFuture<?> future) {
        assertThat(future).failsWithin(Duration.ofSeconds(15));
        try {
            future.get();
            throw new AssertionError("the future succeeded");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(OperationException.class);
            return (OperationException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void read_goes_to_the_alternate_path_with_an_explicit_accept() {
        register("1.1", "</lwm2m>;rt=\"oma.lwm2m\";ct=\"110 11542\",</lwm2m/3/0>");
        device.answer(r -> answer(CoAP.ResponseCode.CONTENT, ContentFormat.TLV,
                tlv(SingleResource.of(0, Value.of("Acme")), "/3/0/0")));
        ReadResponse r = send(ReadRequest.of("/3/0/0", ContentFormat.TLV));
        Request sent = device.nextRequest();
        assertThat(sent.getCode()).isEqualTo(Code.GET);
        assertThat(sent.getOptions().getUriPath()).containsExactly("lwm2m", "3", "0", "0");
        assertThat(sent.getOptions().getAccept()).isEqualTo(11542);
        assertThat(sent.isConfirmable()).isTrue();
        assertThat(r.content()).isEqualTo(SingleResource.of(0, Value.of("Acme")));
    }

    @Test
    void a_1_0_client_without_ct_is_read_in_tlv_and_gets_no_composite_operation() {
        register("1.0", "</3/0>,</1/0>");
        device.answer(r -> answer(CoAP.ResponseCode.CONTENT, ContentFormat.TLV,
                tlv(SingleResource.of(1, Value.of("M")), "/3/0/1")));
        assertThat(send(ReadRequest.of("/3/0/1")).content()).isEqualTo(SingleResource.of(1, Value.of("M")));
        assertThat(device.nextRequest().getOptions().getAccept()).isEqualTo(ContentFormat.TLV.code());

        assertThat(failure(server.send("wire", ReadCompositeRequest.of("/3/0/1"), TIMEOUT)).reason())
                .isEqualTo(OperationException.Reason.UNSUPPORTED_BY_CLIENT);
        assertThat(failure(server.send("wire", WriteCompositeRequest.of(Map.of(LwM2mPath.parse("/1/0/1"),
                SingleResource.of(1, Value.of(60)))), TIMEOUT)).reason())
                .isEqualTo(OperationException.Reason.UNSUPPORTED_BY_CLIENT);
        assertThat(device.pending()).as("nothing reached the client").isZero();
    }

    @Test
    void a_1_1_client_without_senml_gets_no_fetch_it_might_never_answer() {
        register("1.1", "</>;rt=\"oma.lwm2m\";ct=11542,</3/0>");
        AtomicInteger fetches = new AtomicInteger();
        device.answer(r -> {
            fetches.incrementAndGet();
            return null;
        });
        OperationException e = failure(server.send("wire", ReadCompositeRequest.of("/3/0/0"), TIMEOUT));
        assertThat(e.reason()).isEqualTo(OperationException.Reason.UNSUPPORTED_BY_CLIENT);
        assertThat(e.getMessage()).contains("wire").contains("composite");
        assertThat(fetches).hasValue(0);
    }

    @Test
    void a_1_2_client_gets_lwm2m_cbor_depth_resource_instance_delete_and_senml_etch() {
        register("1.2", "</>;rt=\"oma.lwm2m\";ct=\"112 322 11542 11544\",</3/0>");
        device.answer(r -> r.getCode() == Code.DELETE ? new Response(CoAP.ResponseCode.DELETED)
                : new Response(CoAP.ResponseCode.NOT_FOUND));

        assertThat(send(ReadRequest.of("/3/0")).code()).isEqualTo(io.wisp.core.operation.ResponseCode.NOT_FOUND);
        assertThat(device.nextRequest().getOptions().getAccept()).isEqualTo(ContentFormat.LWM2M_CBOR.code());

        send(DiscoverRequest.of("/3", 2));
        Request discover = device.nextRequest();
        assertThat(discover.getOptions().getUriQuery()).containsExactly("depth=2");
        assertThat(discover.getOptions().getAccept()).isEqualTo(ContentFormat.LINK.code());

        assertThat(send(DeleteRequest.of("/3/0/11/1")).code()).isEqualTo(io.wisp.core.operation.ResponseCode.DELETED);
        Request delete = device.nextRequest();
        assertThat(delete.getCode()).isEqualTo(Code.DELETE);
        assertThat(delete.getOptions().getUriPath()).containsExactly("3", "0", "11", "1");

        send(ReadCompositeRequest.of("/3/0/0", "/3/0/11"));
        Request fetch = device.nextRequest();
        assertThat(fetch.getCode()).isEqualTo(Code.FETCH);
        assertThat(fetch.getOptions().getUriPath()).isEmpty();
        assertThat(fetch.getOptions().getContentFormat()).isEqualTo(ContentFormat.SENML_ETCH_CBOR.code());
        assertThat(fetch.getOptions().getAccept()).isEqualTo(ContentFormat.SENML_CBOR.code());
        assertThat(Codecs.standard().decodePaths(ContentFormat.SENML_ETCH_CBOR, fetch.getPayload()))
                .containsExactly(LwM2mPath.parse("/3/0/0"), LwM2mPath.parse("/3/0/11"));
    }

    @Test
    void discover_links_lose_the_alternate_path() {
        register("1.1", "</lwm2m>;rt=\"oma.lwm2m\",</lwm2m/3/0>");
        device.answer(r -> answer(CoAP.ResponseCode.CONTENT, ContentFormat.LINK,
                "</lwm2m/3/0>,</lwm2m/3/0/7>;dim=2;pmin=10".getBytes(StandardCharsets.UTF_8)));
        DiscoverResponse r = send(DiscoverRequest.of("/3/0"));
        assertThat(device.nextRequest().getOptions().getUriPath()).containsExactly("lwm2m", "3", "0");
        assertThat(r.paths()).containsExactly(LwM2mPath.parse("/3/0"), LwM2mPath.parse("/3/0/7"));
        assertThat(r.link(LwM2mPath.parse("/3/0/7")).orElseThrow().dim()).hasValue(2);
        assertThat(r.link(LwM2mPath.parse("/3/0/7")).orElseThrow().attributes().pmin()).hasValue(10);
    }

    @Test
    void create_reads_the_location_under_the_alternate_path_and_refuses_a_foreign_one() {
        register("1.1", "</lwm2m>;rt=\"oma.lwm2m\";ct=11542,</lwm2m/3/0>");
        device.answer(r -> {
            Response created = new Response(CoAP.ResponseCode.CREATED);
            created.getOptions().setLocationPath("lwm2m/3303/42");
            return created;
        });
        CreateResponse r = send(CreateRequest.clientChoosesId(3303, List.of(SingleResource.of(5700,
                Value.of(21.5))), null));
        Request post = device.nextRequest();
        assertThat(post.getCode()).isEqualTo(Code.POST);
        assertThat(post.getOptions().getUriPath()).containsExactly("lwm2m", "3303");
        assertThat(post.getOptions().getContentFormat()).isEqualTo(ContentFormat.TLV.code());
        assertThat(r.instancePath()).contains(LwM2mPath.of(3303, 42));

        OperationException e = failure(server.send("wire", CreateRequest.of(3303, ObjectInstance.of(7,
                SingleResource.of(5700, Value.of(1.0)))), TIMEOUT));
        assertThat(e.reason()).isEqualTo(OperationException.Reason.INVALID_RESPONSE);
    }

    @Test
    void write_attributes_execute_and_write_travel_as_the_transport_ts_says() {
        register("1.1", "</>;rt=\"oma.lwm2m\";ct=\"112 11542\",</3/0>");
        device.answer(r -> new Response(CoAP.ResponseCode.CHANGED));

        send(WriteAttributesRequest.of("/3/0/9", "pmin=10&pmax=60"));
        Request wa = device.nextRequest();
        assertThat(wa.getCode()).isEqualTo(Code.PUT);
        assertThat(wa.getOptions().getUriQuery()).containsExactly("pmin=10", "pmax=60");
        assertThat(wa.getPayloadSize()).isZero();
        assertThat(wa.getOptions().hasContentFormat()).isFalse();

        send(ExecuteRequest.of("/3/0/4", "0='a',1"));
        Request exec = device.nextRequest();
        assertThat(exec.getCode()).isEqualTo(Code.POST);
        assertThat(exec.getOptions().getContentFormat()).isEqualTo(ContentFormat.TEXT.code());
        assertThat(exec.getPayloadString()).isEqualTo("0='a',1");
        send(ExecuteRequest.of("/3/0/4"));
        Request bare = device.nextRequest();
        assertThat(bare.getPayloadSize()).isZero();
        assertThat(bare.getOptions().hasContentFormat()).isFalse();

        send(WriteRequest.replaceValue("/3/0/13", Value.time(5), null));
        Request put = device.nextRequest();
        assertThat(put.getCode()).isEqualTo(Code.PUT);
        assertThat(put.getOptions().getContentFormat()).isEqualTo(ContentFormat.SENML_CBOR.code());
        send(WriteRequest.update("/3/0", ObjectInstance.of(0, SingleResource.of(14, Value.of("+02")))));
        Request post = device.nextRequest();
        assertThat(post.getCode()).isEqualTo(Code.POST);
        assertThat(post.getOptions().getUriPath()).containsExactly("3", "0");
        assertThat(Codecs.standard().decode(ContentFormat.SENML_CBOR, post.getPayload(), LwM2mPath.parse("/3/0"),
                MODELS)).isEqualTo(ObjectInstance.of(0, SingleResource.of(14, Value.of("+02"))));

        send(WriteCompositeRequest.of(Map.of(LwM2mPath.parse("/3/0/14"), SingleResource.of(14, Value.of("+03")))));
        Request ipatch = device.nextRequest();
        assertThat(ipatch.getCode()).isEqualTo(Code.IPATCH);
        assertThat(ipatch.getOptions().getContentFormat()).isEqualTo(ContentFormat.SENML_CBOR.code());
    }

    @Test
    void a_payload_that_does_not_decode_is_a_typed_invalid_response() {
        register("1.1", "</>;rt=\"oma.lwm2m\";ct=11542,</3/0>");
        device.answer(r -> answer(CoAP.ResponseCode.CONTENT, ContentFormat.TLV, new byte[] {(byte) 0xC8, 0x00, 0x05}));
        OperationException e = failure(server.send("wire", ReadRequest.of("/3/0"), TIMEOUT));
        assertThat(e.reason()).isEqualTo(OperationException.Reason.INVALID_RESPONSE);
        assertThat(e.getCause()).isInstanceOf(CodecException.class);
    }

    @Test
    void a_read_answered_with_2_04_is_a_typed_invalid_response() {
        register("1.1", "</>;rt=\"oma.lwm2m\";ct=11542,</3/0>");
        device.answer(r -> new Response(CoAP.ResponseCode.CHANGED));
        assertThat(failure(server.send("wire", ReadRequest.of("/3/0/0"), TIMEOUT)).reason())
                .isEqualTo(OperationException.Reason.INVALID_RESPONSE);
    }

    @Test
    void an_error_carries_the_diagnostic_and_the_raw_payload_is_kept_when_asked() {
        register("1.1", "</>;rt=\"oma.lwm2m\";ct=11542,</3/0>");
        device.answer(r -> {
            Response bad = new Response(CoAP.ResponseCode.BAD_REQUEST);
            bad.setPayload("pmin must not exceed pmax");
            return bad;
        });
        var wa = send(WriteAttributesRequest.of("/3/0/9", "pmin=100&pmax=60"));
        assertThat(wa.code()).isEqualTo(io.wisp.core.operation.ResponseCode.BAD_REQUEST);
        assertThat(wa.errorMessage()).contains("pmin must not exceed pmax");

        byte[] payload = tlv(SingleResource.of(9, Value.of(77)), "/3/0/9");
        device.answer(r -> answer(CoAP.ResponseCode.CONTENT, ContentFormat.TLV, payload));
        ReadResponse kept = server.send("wire", ReadRequest.of("/3/0/9"),
                SendOptions.timeout(TIMEOUT).withRawPayload()).join();
        assertThat(kept.rawPayload()).hasValueSatisfying(raw -> assertThat(raw).isEqualTo(payload));
        assertThat(kept.content()).isEqualTo(SingleResource.of(9, Value.of(77)));
        assertThat(send(ReadRequest.of("/3/0/9")).rawPayload()).isEmpty();
    }

    @Test
    void an_answer_without_content_format_is_read_in_the_format_asked_for() {
        register("1.1", "</>;rt=\"oma.lwm2m\";ct=\"11542 110\",</3/0>");
        byte[] payload = tlv(MultipleResource.of(11, DataType.INTEGER, ResourceInstance.of(0, Value.of(2))),
                "/3/0/11");
        device.answer(r -> {
            Response bare = new Response(CoAP.ResponseCode.CONTENT);
            bare.setPayload(payload);
            return bare;
        });
        assertThat(send(ReadRequest.of("/3/0/11", ContentFormat.TLV)).content())
                .isEqualTo(MultipleResource.of(11, DataType.INTEGER, ResourceInstance.of(0, Value.of(2))));
    }

    @Test
    void a_client_that_never_answers_times_out() {
        register("1.1", "</>;rt=\"oma.lwm2m\";ct=11542,</3/0>");
        device.answer(r -> null);
        CompletableFuture<ReadResponse> f = server.send("wire", ReadRequest.of("/3/0"), Duration.ofSeconds(1));
        assertThat(failure(f).reason()).isEqualTo(OperationException.Reason.TIMEOUT);
        assertThatThrownBy(() -> send(ReadRequest.of("/3/0"))).isInstanceOfSatisfying(OperationException.class,
                e -> assertThat(e.reason()).isEqualTo(OperationException.Reason.TIMEOUT));
    }
}
