package io.wisp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.transport.testing.ScriptedPeer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default route a LwM2M client needs (its objects sit at the root of its CoAP resources, Transport TS §6.4; a
 * bootstrap server sends Bootstrap-Discover and Bootstrap-Delete to {@code /}, §6.1), and the request options it
 * must see, over real UDP on 127.0.0.1 with a plain Californium client as the peer.
 */
class DefaultRouteTest {
    private static final int LINK_FORMAT = 40;
    private static final int SENML_JSON = 110;

    private final List<UplinkRequest> routed = new CopyOnWriteArrayList<>();
    private final List<UplinkRequest> defaulted = new CopyOnWriteArrayList<>();
    private CoapTransport transport;
    private ScriptedPeer client;

    @BeforeEach
    void start() {
        transport = CoapTransport.builder().udp("coap", new InetSocketAddress("127.0.0.1", 0))
                .route("bs", r -> {
                    routed.add(r);
                    return UplinkResponse.of(CoapCode.CHANGED);
                })
                .defaultRoute(r -> {
                    defaulted.add(r);
                    return r.method() == CoapMethod.DELETE ? UplinkResponse.of(CoapCode.DELETED)
                            : UplinkResponse.content(CoapCode.CONTENT, LINK_FORMAT, "</>;lwm2m=1.1".getBytes());
                })
                .build();
        transport.start();
        client = new ScriptedPeer();
    }

    @AfterEach
    void stop() {
        client.close();
        transport.close();
    }

    private Response send(Request request) {
        return client.send(transport.localAddress("coap"), request);
    }

    @Test
    void bootstrap_delete_and_discover_on_the_root_path_reach_the_default_route() {
        Response deleted = send(Request.newDelete());
        Request discover = Request.newGet();
        discover.getOptions().setAccept(LINK_FORMAT);
        Response discovered = send(discover);

        assertThat(deleted.getCode()).isEqualTo(ResponseCode.DELETED);
        assertThat(discovered.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(discovered.getPayloadString()).isEqualTo("</>;lwm2m=1.1");
        assertThat(defaulted).extracting(UplinkRequest::method).containsExactly(CoapMethod.DELETE, CoapMethod.GET);
        assertThat(defaulted).allSatisfy(r -> assertThat(r.path()).isEmpty());
        assertThat(defaulted.get(1).accept()).hasValue(LINK_FORMAT);
        assertThat(routed).isEmpty();
    }

    @Test
    void a_path_without_a_route_reaches_the_default_route_and_a_routed_prefix_keeps_its_handler() {
        Request read = Request.newGet();
        read.getOptions().setUriPath("3/0/1");
        Request finish = Request.newPost();
        finish.getOptions().setUriPath("bs");

        assertThat(send(read).getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(send(finish).getCode()).isEqualTo(ResponseCode.CHANGED);

        assertThat(defaulted).singleElement().satisfies(r -> assertThat(r.path()).containsExactly("3", "0", "1"));
        assertThat(routed).singleElement().satisfies(r -> assertThat(r.path()).containsExactly("bs"));
    }

    @Test
    void accept_and_observe_options_are_visible_and_absent_when_the_peer_sent_none() {
        Request plain = Request.newGet();
        plain.getOptions().setUriPath("3/0/1");
        Request observe = Request.newGet();
        observe.getOptions().setUriPath("3/0/1").setAccept(SENML_JSON);
        observe.setObserve();

        send(plain);
        Response observeAnswer = send(observe);

        UplinkRequest first = defaulted.get(0);
        assertThat(first.accept()).isEmpty();
        assertThat(first.observe()).isEmpty();
        assertThat(first.isObserveRegistration()).isFalse();
        UplinkRequest second = defaulted.get(1);
        assertThat(second.accept()).hasValue(SENML_JSON);
        assertThat(second.observe()).hasValue(0);
        assertThat(second.isObserveRegistration()).isTrue();
        assertThat(second.toString()).contains("accept=" + SENML_JSON).contains("observe=0");
        // the handler did not establish an observation: the answer says so by carrying no Observe option
        assertThat(observeAnswer.getOptions().hasObserve()).isFalse();
    }
}
