package io.wisp.bootstrap.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.bootstrap.WispBootstrapServer;
import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.SecurityInstance;
import io.wisp.bootstrap.config.ServerInstance;
import io.wisp.bootstrap.session.BootstrapFailure;
import io.wisp.bootstrap.session.BootstrapResult;
import io.wisp.bootstrap.session.BootstrapSession;
import io.wisp.bootstrap.testing.RecordingBootstrapListener;
import io.wisp.core.codec.Codecs;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.BootstrapDeleteRequest;
import io.wisp.core.operation.BootstrapDiscoverRequest;
import io.wisp.transport.CoapCode;
import io.wisp.transport.testing.ScriptedPeer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.leshan.core.model.ObjectLoader;
import org.eclipse.leshan.core.model.StaticModel;
import org.eclipse.leshan.core.node.LwM2mNode;
import org.eclipse.leshan.core.node.LwM2mObjectInstance;
import org.eclipse.leshan.core.node.LwM2mPath;
import org.eclipse.leshan.core.node.LwM2mResource;
import org.eclipse.leshan.core.node.codec.DefaultLwM2mDecoder;
import org.eclipse.leshan.core.request.ContentFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Bootstrap-Server's CoAP on the wire, against a hand-scripted client on 127.0.0.1: the codes for bad and
 * unknown Bootstrap-Requests, Bootstrap-Pack (decoded with Leshan's decoder, an implementation we did not write),
 * the exact requests of a server-initiated bootstrap, and the sessions that fail — silent client, superseded,
 * stopped server.
 */
class BootstrapWireTest {
    /** A LwM2M 1.2 client whose Bootstrap-Server account is /0/0 and who still has an account at /0/1. */
    private static final byte[] DISCOVERED = "</>;lwm2m=\"1.2\",</0/0>;uri=\"coap://bs\",</0/1>;ssid=5,</3/0>"
            .getBytes(StandardCharsets.UTF_8);

    private final RecordingBootstrapListener events = new RecordingBootstrapListener();
    private final ScriptedPeer client = ScriptedPeer.silent();
    private WispBootstrapServer bootstrap;

    @BeforeEach
    void start() throws Exception {
        bootstrap = WispBootstrapServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0)
                .requestTimeout(Duration.ofSeconds(1)).listener(events).build();
        bootstrap.start();
        bootstrap.configs().put("known", config());
    }

    @AfterEach
    void stop() {
        bootstrap.close();
        client.close();
    }

    private static BootstrapConfig config() {
        return BootstrapConfig.builder().account(SecurityInstance.noSec("coap://127.0.0.1:5683", 101),
                ServerInstance.builder().shortServerId(101).lifetime(600).binding("UQ").build()).build();
    }

    private Response post(String... query) {
        Request request = Request.newPost();
        request.getOptions().setUriPath("bs");
        for (String q : query) {
            request.getOptions().addUriQuery(q);
        }
        return client.send(bootstrap.localAddress(), request);
    }

    private Response pack(String query, int accept) {
        Request request = Request.newGet();
        request.getOptions().setUriPath("bspack");
        if (query != null) {
            request.getOptions().setUriQuery(query);
        }
        if (accept >= 0) {
            request.getOptions().setAccept(accept);
        }
        return client.send(bootstrap.localAddress(), request);
    }

    private static Object value(Map<LwM2mPath, LwM2mNode> nodes, String path) {
        LwM2mNode node = nodes.get(new LwM2mPath(path));
        assertThat(node).as(path).isInstanceOf(LwM2mResource.class);
        return ((LwM2mResource) node).getValue();
    }

    @Test
    void a_bootstrap_request_without_ep_is_a_bad_request() {
        Response response = post();

        assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(response.getPayloadString()).contains("'ep'");
        assertThat(events.refused).singleElement().satisfies(r -> {
            assertThat(r.endpointName()).isEmpty();
            assertThat(r.code()).isEqualTo(CoapCode.BAD_REQUEST);
        });
        assertThat(post("ep=").getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(post("ep=known", "ep=other").getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(events.started).isEmpty();
    }

    @Test
    void an_unknown_endpoint_without_default_configuration_gets_4_00_and_the_operator_hears_of_it() {
        Response response = post("ep=nobody");

        assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(response.getPayloadString()).isEqualTo("no bootstrap configuration for endpoint 'nobody'");
        assertThat(events.refused).singleElement().satisfies(r -> {
            assertThat(r.endpointName()).contains("nobody");
            assertThat(r.operation()).isEqualTo("Bootstrap-Request");
            assertThat(r.peer().address()).isEqualTo(client.address());
        });
        assertThat(events.started).isEmpty();
    }

    @Test
    void an_unknown_endpoint_gets_the_default_configuration_when_there_is_one() {
        bootstrap.configs().setDefault(config());

        Response response = post("ep=anyone", "pct=112", "extra=ignored");

        assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
        Request discover = client.nextRequest();
        assertThat(discover.getCode()).isEqualTo(Code.GET);
        assertThat(discover.getOptions().getUriPathString()).isEmpty();
        assertThat(discover.getOptions().getAccept()).isEqualTo(40);
        assertThat(events.started).singleElement().satisfies(s -> assertThat(s.endpoint()).isEqualTo("anyone"));
    }

    @Test
    void a_bad_pct_method_or_path_gets_the_code_the_transport_binding_gives() {
        assertThat(post("ep=known", "pct=abc").getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(post("ep=known", "pct=99999").getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        Response linkFormat = post("ep=known", "pct=40");
        assertThat(linkFormat.getCode()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        assertThat(linkFormat.getPayloadString()).contains("pct=40");

        Request get = Request.newGet();
        get.getOptions().setUriPath("bs").setUriQuery("ep=known");
        assertThat(client.send(bootstrap.localAddress(), get).getCode()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        Request deeper = Request.newPost();
        deeper.getOptions().setUriPath("bs/x").setUriQuery("ep=known");
        assertThat(client.send(bootstrap.localAddress(), deeper).getCode()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(events.started).isEmpty();
    }

    @Test
    void int_12_bootstrap_pack_request() throws Exception {
        Response response = pack("ep=known", -1);

        assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(response.getOptions().getContentFormat()).isEqualTo(ContentFormat.SENML_CBOR.getCode());
        Map<LwM2mPath, LwM2mNode> nodes = new DefaultLwM2mDecoder().decodeNodes(response.getPayload(),
                ContentFormat.SENML_CBOR, null, new StaticModel(ObjectLoader.loadDefault()));
        assertThat(value(nodes, "/0/1/0")).isEqualTo("coap://127.0.0.1:5683");
        assertThat(value(nodes, "/0/1/1")).isEqualTo(false);
        assertThat(value(nodes, "/0/1/2")).as("NoSec").isEqualTo(3L);
        assertThat(value(nodes, "/0/1/10")).isEqualTo(101L);
        assertThat(value(nodes, "/1/0/0")).isEqualTo(101L);
        assertThat(value(nodes, "/1/0/1")).isEqualTo(600L);
        assertThat(value(nodes, "/1/0/7")).isEqualTo("UQ");
        assertThat(nodes.keySet()).as("the Bootstrap-Server account at /0/0 is left alone")
                .allMatch(p -> p.toString().startsWith("/0/1/") || p.toString().startsWith("/1/0/"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.finished.size() == 1);
        assertThat(events.finished.get(0).session().kind()).isEqualTo(BootstrapSession.Kind.PACK);
    }

    @Test
    void bootstrap_pack_in_lwm2m_cbor_and_its_refusals() {
        Response cbor = pack("ep=known", 11544);
        assertThat(cbor.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(cbor.getOptions().getContentFormat()).isEqualTo(11544);
        // Leshan 2.0.0-M15 has no LwM2M CBOR decoder; Wisp's own reads it back.
        SortedMap<io.wisp.core.path.LwM2mPath, io.wisp.core.node.LwM2mNode> decoded = Codecs.standard().decodeNodes(
                io.wisp.core.codec.ContentFormat.LWM2M_CBOR, cbor.getPayload(), ModelRegistry.bundled());
        assertThat(decoded.get(io.wisp.core.path.LwM2mPath.of(1, 0, 1)))
                .isEqualTo(SingleResource.of(1, Value.of(600)));
        assertThat(decoded.get(io.wisp.core.path.LwM2mPath.of(1, 0, 7)))
                .isEqualTo(SingleResource.of(7, Value.of("UQ")));

        assertThat(pack("ep=known", ContentFormat.TLV.getCode()).getCode()).isEqualTo(ResponseCode.NOT_ACCEPTABLE);
        assertThat(pack("ep=nobody", -1).getCode()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(pack(null, -1).getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        Request post = Request.newPost();
        post.getOptions().setUriPath("bspack").setUriQuery("ep=known");
        assertThat(client.send(bootstrap.localAddress(), post).getCode()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
        assertThat(events.refused).extracting(r -> r.code()).containsExactly(CoapCode.NOT_ACCEPTABLE,
                CoapCode.NOT_FOUND, CoapCode.BAD_REQUEST);
    }

    @Test
    void server_initiated_bootstrap_sends_the_configuration_to_a_known_client_address() throws Exception {
        client.answer(request -> {
            switch (request.getCode()) {
                case GET:
                    return ScriptedPeer.response(ResponseCode.CONTENT, 40, DISCOVERED);
                case DELETE:
                    return new Response(ResponseCode.DELETED);
                default:
                    return new Response(ResponseCode.CHANGED);
            }
        });

        BootstrapResult result = bootstrap.bootstrap("known", client.address()).get(20, TimeUnit.SECONDS);

        assertThat(result.isSuccess()).as("%s", result).isTrue();
        assertThat(result.session().kind()).isEqualTo(BootstrapSession.Kind.SERVER_INITIATED);
        List<Request> sent = List.of(client.nextRequest(), client.nextRequest(), client.nextRequest(), client.nextRequest(), client.nextRequest());
        assertThat(sent).extracting(r -> r.getCode() + " /" + r.getOptions().getUriPathString()).containsExactly(
                "GET /", "DELETE /", "PUT /0/1", "PUT /1/0", "POST /bs");
        Request security = sent.get(2);
        assertThat(security.getOptions().getContentFormat()).as("LwM2M 1.2 client").isEqualTo(112);
        LwM2mObjectInstance written = (LwM2mObjectInstance) new DefaultLwM2mDecoder().decode(security.getPayload(),
                ContentFormat.SENML_CBOR, new LwM2mPath(0, 1), new StaticModel(ObjectLoader.loadDefault()));
        assertThat(written.getResource(0).getValue()).isEqualTo("coap://127.0.0.1:5683");
        assertThat(written.getResource(10).getValue()).isEqualTo(101L);
        assertThat(sent).allMatch(r -> r.isConfirmable());
    }

    @Test
    void a_client_that_never_answers_fails_the_session_with_a_timeout_naming_the_request() throws Exception {
        BootstrapResult result = bootstrap.bootstrap("known", client.address()).get(20, TimeUnit.SECONDS);

        BootstrapFailure failure = result.failure().orElseThrow();
        assertThat(failure.reason()).isEqualTo(BootstrapFailure.Reason.TIMEOUT);
        assertThat(failure.failedRequest()).contains(BootstrapDiscoverRequest.root());
        assertThat(failure.message()).contains("BootstrapDiscoverRequest");
        assertThat(result.steps()).isEmpty();
        assertThat(events.failed).containsExactly(result);
        assertThat(bootstrap.activeSessions()).isEmpty();
    }

    @Test
    void a_new_bootstrap_request_supersedes_the_running_session_of_the_endpoint() {
        assertThat(post("ep=known").getCode()).isEqualTo(ResponseCode.CHANGED);
        client.nextRequest();
        assertThat(post("ep=known").getCode()).isEqualTo(ResponseCode.CHANGED);

        BootstrapResult first = events.awaitEnded(1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.started.size() == 2);
        assertThat(events.order).as("the old session ends before the new one starts")
                .containsSubsequence("started", "failed", "started");
        assertThat(first.session().id()).isEqualTo(events.started.get(0).id());
        assertThat(first.failure().orElseThrow().reason()).isEqualTo(BootstrapFailure.Reason.SUPERSEDED);
        assertThat(first.failure().orElseThrow().message()).contains(events.started.get(1).id());
    }

    @Test
    void stopping_the_server_cancels_running_sessions() {
        assertThat(post("ep=known").getCode()).isEqualTo(ResponseCode.CHANGED);
        client.nextRequest();

        bootstrap.stop();

        BootstrapResult result = events.awaitEnded(1);
        assertThat(result.failure().orElseThrow().reason()).isEqualTo(BootstrapFailure.Reason.CANCELLED);
        assertThat(result.failure().orElseThrow().message()).contains("stopped");
    }

    @Test
    void an_answer_with_another_success_code_than_the_operations_is_an_invalid_response() throws Exception {
        client.answer(request -> request.getCode() == Code.GET
                ? ScriptedPeer.response(ResponseCode.CONTENT, 40, DISCOVERED) : new Response(ResponseCode.CONTENT));

        BootstrapResult result = bootstrap.bootstrap("known", client.address()).get(20, TimeUnit.SECONDS);

        BootstrapFailure failure = result.failure().orElseThrow();
        assertThat(failure.reason()).isEqualTo(BootstrapFailure.Reason.INVALID_RESPONSE);
        assertThat(failure.failedRequest()).contains(BootstrapDeleteRequest.all());
        assertThat(failure.message()).contains("2.02").contains("2.05");
    }

    @Test
    void a_bootstrap_discover_answer_that_is_not_link_format_fails_the_session_as_invalid() throws Exception {
        client.answer(request -> ScriptedPeer.response(ResponseCode.CONTENT, 40,
                "</0/0>;ssid=0,<".getBytes(StandardCharsets.UTF_8)));

        BootstrapResult result = bootstrap.bootstrap("known", client.address()).get(20, TimeUnit.SECONDS);

        assertThat(result.failure().orElseThrow().reason()).isEqualTo(BootstrapFailure.Reason.INVALID_RESPONSE);
        assertThat(result.failure().orElseThrow().failedRequest()).contains(BootstrapDiscoverRequest.root());
    }

    @Test
    void a_client_refusing_bootstrap_discover_still_gets_its_configuration_in_tlv() throws Exception {
        client.answer(request -> {
            switch (request.getCode()) {
                case GET:
                    return new Response(ResponseCode.BAD_REQUEST);
                case DELETE:
                    return new Response(ResponseCode.DELETED);
                default:
                    return new Response(ResponseCode.CHANGED);
            }
        });

        BootstrapResult result = bootstrap.bootstrap("known", client.address()).get(20, TimeUnit.SECONDS);

        assertThat(result.isSuccess()).as("%s", result).isTrue();
        assertThat(result.steps().get(0).code()).isEqualTo(io.wisp.core.operation.ResponseCode.BAD_REQUEST);
        client.nextRequest();
        client.nextRequest();
        Request security = client.nextRequest();
        assertThat(security.getOptions().getUriPathString()).as("/0/0 left to the Bootstrap-Server account")
                .isEqualTo("0/1");
        assertThat(security.getOptions().getContentFormat()).isEqualTo(ContentFormat.TLV.getCode());
    }

    @Test
    void without_discover_the_session_starts_with_the_deletes_and_writes_in_the_operators_format()
            throws Exception {
        bootstrap.configs().put("quiet", BootstrapConfig.builder().discover(false).delete("/1")
                .writeFormat(io.wisp.core.codec.ContentFormat.SENML_JSON)
                .account(SecurityInstance.noSec("coap://127.0.0.1:5683", 8), ServerInstance.of(8, 60)).build());
        client.answer(request -> new Response(request.getCode() == Code.DELETE ? ResponseCode.DELETED
                : ResponseCode.CHANGED));

        BootstrapResult result = bootstrap.bootstrap("quiet", client.address()).get(20, TimeUnit.SECONDS);

        assertThat(result.isSuccess()).as("%s", result).isTrue();
        List<Request> sent = List.of(client.nextRequest(), client.nextRequest(), client.nextRequest(), client.nextRequest());
        assertThat(sent).extracting(r -> r.getCode() + " /" + r.getOptions().getUriPathString())
                .containsExactly("DELETE /1", "PUT /0/1", "PUT /1/0", "POST /bs");
        assertThat(sent.get(1).getOptions().getContentFormat()).isEqualTo(ContentFormat.SENML_JSON.getCode());
        assertThat(sent.get(1).getPayloadString()).contains("coap://127.0.0.1:5683");
    }
}
