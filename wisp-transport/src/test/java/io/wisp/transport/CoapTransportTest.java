package io.wisp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wisp.transport.testing.Closer;
import io.wisp.transport.testing.RawPeer;
import io.wisp.transport.testing.ScriptedPeer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transport over real UDP on 127.0.0.1, driven by a plain Californium client and a bare socket. */
class CoapTransportTest {
    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress("127.0.0.1", 0);

    private final Closer closer = new Closer();

    @AfterEach
    void closeAll() throws Exception {
        closer.closeAll();
    }

    private CoapTransport started(CoapTransport.Builder builder) {
        CoapTransport transport = closer.closeLater(builder.build());
        transport.start();
        return transport;
    }

    @Test
    void a_request_reaches_its_handler_with_method_path_query_in_order_format_and_payload() {
        AtomicReference<UplinkRequest> seen = new AtomicReference<>();
        CoapTransport transport = started(CoapTransport.builder().udp("coap", ANY_LOOPBACK_PORT).route("rd", r -> {
            seen.set(r);
            return UplinkResponse.created(List.of("rd", "abc"));
        }));
        ScriptedPeer client = closer.closeLater(new ScriptedPeer());

        Request post = Request.newPost();
        post.getOptions().setUriPath("rd").addUriQuery("lt=5").addUriQuery("Q").addUriQuery("ep=dev-1")
                .setContentFormat(40);
        post.setPayload("</1/0>,</3/0>");
        Response response = client.send(transport.localAddress("coap"), post);

        assertThat(response.getCode()).isEqualTo(ResponseCode.CREATED);
        assertThat(response.getOptions().getLocationPath()).containsExactly("rd", "abc");
        UplinkRequest r = seen.get();
        assertThat(r.method()).isEqualTo(CoapMethod.POST);
        assertThat(r.path()).containsExactly("rd");
        assertThat(r.query()).containsExactly(QueryParam.of("lt", "5"), QueryParam.flag("Q"),
                QueryParam.of("ep", "dev-1"));
        assertThat(r.contentFormat()).hasValue(40);
        assertThat(r.payloadAsString()).isEqualTo("</1/0>,</3/0>");
        assertThat(r.peer().connector()).isEqualTo("coap");
        assertThat(r.peer().address()).isEqualTo(client.address());
        assertThat(r.peer().identity()).isNull();
    }

    @Test
    void a_get_reaches_its_handler_with_its_accept_option() {
        List<UplinkRequest> seen = new CopyOnWriteArrayList<>();
        CoapTransport transport = started(CoapTransport.builder().udp("coap", ANY_LOOPBACK_PORT).route("bspack", r -> {
            seen.add(r);
            return UplinkResponse.of(CoapCode.NOT_FOUND);
        }));
        ScriptedPeer client = closer.closeLater(new ScriptedPeer());

        Request withAccept = Request.newGet();
        withAccept.getOptions().setUriPath("bspack").setUriQuery("ep=dev-1").setAccept(112);
        client.send(transport.localAddress("coap"), withAccept);
        Request withoutAccept = Request.newGet();
        withoutAccept.getOptions().setUriPath("bspack").setUriQuery("ep=dev-1");
        client.send(transport.localAddress("coap"), withoutAccept);

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).accept()).hasValue(112);
        assertThat(seen.get(0).contentFormat()).isEmpty();
        assertThat(seen.get(1).accept()).isEmpty();
    }

    @Test
    void a_path_without_a_handler_gets_4_04_and_a_failing_handler_gets_5_00_without_disturbing_the_next_request() {
        AtomicInteger calls = new AtomicInteger();
        CoapTransport transport = started(CoapTransport.builder().udp("coap", ANY_LOOPBACK_PORT).route("rd", r -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("secret detail");
            }
            return UplinkResponse.of(CoapCode.CHANGED);
        }));
        ScriptedPeer client = closer.closeLater(new ScriptedPeer());
        InetSocketAddress target = transport.localAddress("coap");

        Request unknown = Request.newPost();
        unknown.getOptions().setUriPath("nothing/here");
        assertThat(client.send(target, unknown).getCode()).isEqualTo(ResponseCode.NOT_FOUND);
        assertThat(calls).hasValue(0);

        Request failing = Request.newPost();
        failing.getOptions().setUriPath("rd/x");
        Response failed = client.send(target, failing);
        assertThat(failed.getCode()).isEqualTo(ResponseCode.INTERNAL_SERVER_ERROR);
        assertThat(failed.getPayloadString()).doesNotContain("secret");

        Request next = Request.newPost();
        next.getOptions().setUriPath("rd/x");
        assertThat(client.send(target, next).getCode()).isEqualTo(ResponseCode.CHANGED);
    }

    @Test
    void large_bodies_travel_block_wise_in_both_directions_of_an_uplink() {
        byte[] big = randomBytes(5000, 1);
        byte[] bigAnswer = randomBytes(7000, 2);
        AtomicReference<byte[]> received = new AtomicReference<>();
        CoapTransport transport = started(CoapTransport.builder().udp("coap", ANY_LOOPBACK_PORT).route("dp", r -> {
            received.set(r.payload());
            return UplinkResponse.content(CoapCode.CONTENT, 42, bigAnswer);
        }));
        ScriptedPeer client = closer.closeLater(new ScriptedPeer());

        Request post = Request.newPost();
        post.getOptions().setUriPath("dp").setContentFormat(42);
        post.setPayload(big);
        Response response = client.send(transport.localAddress("coap"), post);

        assertThat(received.get()).isEqualTo(big);
        assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
        assertThat(response.getPayload()).isEqualTo(bigAnswer);
        assertThat(response.getOptions().getContentFormat()).isEqualTo(42);
    }

    @Test
    void a_downlink_leaves_from_the_connector_that_received_the_peer() {
        AtomicReference<Peer> peer = new AtomicReference<>();
        CoapTransport transport = started(CoapTransport.builder().udp("first", ANY_LOOPBACK_PORT)
                .udp("second", ANY_LOOPBACK_PORT).route("rd", r -> {
                    peer.set(r.peer());
                    return UplinkResponse.of(CoapCode.CHANGED);
                }));
        RawPeer device = closer.closeLater(new RawPeer());
        InetSocketAddress second = transport.localAddress("second");

        device.send(RawPeer.confirmable(2, 0x1234, "rd", "x"), second);
        RawPeer.Datagram ack = device.receive();
        assertThat(ack.code()).isEqualTo(ResponseCode.CHANGED.value);
        assertThat(peer.get().connector()).isEqualTo("second");

        transport.downlinks().send(peer.get(), DownlinkRequest.of(CoapMethod.GET, List.of("3", "0")),
                Duration.ofSeconds(5));
        RawPeer.Datagram downlink = device.receive();
        assertThat(downlink.from()).isEqualTo(second);
        assertThat(downlink.type()).as("confirmable").isZero();
        assertThat(downlink.code()).isEqualTo(Code.GET.value);
    }

    @Test
    void a_downlink_gets_the_peers_response_with_block_wise_bodies_both_ways() throws Exception {
        byte[] firmware = randomBytes(20_000, 3);
        byte[] readBack = randomBytes(12_000, 4);
        AtomicReference<UplinkRequest> onDevice = new AtomicReference<>();
        CoapTransport device = started(CoapTransport.builder().udp("coap", ANY_LOOPBACK_PORT).route("5", r -> {
            onDevice.set(r);
            return UplinkResponse.content(CoapCode.CHANGED, 42, readBack);
        }));
        CoapTransport server = started(CoapTransport.builder().udp("coap", ANY_LOOPBACK_PORT));
        Peer peer = Peer.unsecured("coap", device.localAddress("coap"));

        DownlinkResponse response = server.downlinks().send(peer,
                DownlinkRequest.of(CoapMethod.PUT, List.of("5", "0", "0")).withPayload(42, firmware)
                        .withQuery(List.of(QueryParam.of("pmin", "10"))),
                Duration.ofSeconds(20)).get(30, TimeUnit.SECONDS);

        assertThat(onDevice.get().payload()).isEqualTo(firmware);
        assertThat(onDevice.get().path()).containsExactly("5", "0", "0");
        assertThat(onDevice.get().query()).containsExactly(QueryParam.of("pmin", "10"));
        assertThat(onDevice.get().peer().address()).isEqualTo(server.localAddress("coap"));
        assertThat(response.code()).isEqualTo(CoapCode.CHANGED);
        assertThat(response.payload()).isEqualTo(readBack);
        assertThat(response.contentFormat()).hasValue(42);
    }

    @Test
    void a_downlink_to_a_silent_peer_fails_with_timeout_after_the_callers_timeout() {
        CoapTransport server = started(CoapTransport.builder().udp("coap", ANY_LOOPBACK_PORT));
        RawPeer silent = closer.closeLater(new RawPeer());

        CompletableFuture<DownlinkResponse> future = server.downlinks().send(
                Peer.unsecured("coap", silent.address()), DownlinkRequest.of(CoapMethod.GET, List.of("3")),
                Duration.ofMillis(300));

        silent.receive();
        await().atMost(Duration.ofSeconds(10)).until(future::isDone);
        assertThat(reason(future)).isEqualTo(DownlinkException.Reason.TIMEOUT);
    }

    @Test
    void a_downlink_answered_by_a_reset_fails_as_rejected() {
        CoapTransport server = started(CoapTransport.builder().udp("coap", ANY_LOOPBACK_PORT));
        RawPeer device = closer.closeLater(new RawPeer());

        CompletableFuture<DownlinkResponse> future = server.downlinks().send(
                Peer.unsecured("coap", device.address()), DownlinkRequest.of(CoapMethod.GET, List.of("3")),
                Duration.ofSeconds(10));
        device.reset(device.receive());

        await().atMost(Duration.ofSeconds(10)).until(future::isDone);
        assertThat(reason(future)).isEqualTo(DownlinkException.Reason.REJECTED);
    }

    @Test
    void a_downlink_through_an_unknown_connector_fails_at_once() {
        CoapTransport server = started(CoapTransport.builder().udp("coap", ANY_LOOPBACK_PORT));

        CompletableFuture<DownlinkResponse> future = server.downlinks().send(
                Peer.unsecured("coaps", new InetSocketAddress("127.0.0.1", 9)),
                DownlinkRequest.of(CoapMethod.GET, List.of("3")), Duration.ofSeconds(1));

        assertThat(reason(future)).isEqualTo(DownlinkException.Reason.NO_CONNECTOR);
    }

    @Test
    void a_retransmitted_request_is_answered_again_without_calling_the_handler_twice() {
        AtomicInteger calls = new AtomicInteger();
        CoapTransport transport = started(CoapTransport.builder().udp("coap", ANY_LOOPBACK_PORT).route("rd", r -> {
            calls.incrementAndGet();
            return UplinkResponse.created(List.of("rd", "id" + calls.get()));
        }));
        RawPeer device = closer.closeLater(new RawPeer());
        byte[] register = RawPeer.confirmable(2, 0x4242, "rd");

        device.send(register, transport.localAddress("coap"));
        RawPeer.Datagram first = device.receive();
        device.send(register, transport.localAddress("coap"));
        RawPeer.Datagram second = device.receive();

        assertThat(calls).hasValue(1);
        assertThat(second.bytes()).isEqualTo(first.bytes());
        assertThat(new String(first.afterToken(), StandardCharsets.US_ASCII)).contains("id1");
    }

    @Test
    void a_retransmission_after_thousands_of_other_requests_still_gets_the_same_answer_without_the_handler() {
        AtomicInteger calls = new AtomicInteger();
        CoapTransport transport = started(CoapTransport.builder().udp("coap", ANY_LOOPBACK_PORT).route("rd", r -> {
            int n = calls.incrementAndGet();
            return UplinkResponse.created(List.of("rd", "id" + n));
        }));
        RawPeer device = closer.closeLater(new RawPeer());
        RawPeer others = closer.closeLater(new RawPeer());
        byte[] register = RawPeer.confirmable(2, 0x4242, "rd");
        device.send(register, transport.localAddress("coap"));
        RawPeer.Datagram first = device.receive();

        int more = 5000;
        for (int mid = 0; mid < more; mid++) {
            others.send(RawPeer.confirmable(2, mid, "rd"), transport.localAddress("coap"));
            others.receive();
        }
        device.send(register, transport.localAddress("coap"));
        RawPeer.Datagram again = device.receive();

        assertThat(calls).hasValue(1 + more);
        assertThat(again.bytes()).isEqualTo(first.bytes());
        assertThat(new String(again.afterToken(), StandardCharsets.US_ASCII)).contains("id1");
    }

    @Test
    void work_attached_after_sent_runs_once_the_response_left() {
        AtomicInteger followUps = new AtomicInteger();
        CoapTransport transport = started(CoapTransport.builder().udp("coap", ANY_LOOPBACK_PORT).route("rd",
                r -> UplinkResponse.of(CoapCode.DELETED).afterSent(followUps::incrementAndGet)));
        ScriptedPeer client = closer.closeLater(new ScriptedPeer());

        Request delete = Request.newDelete();
        delete.getOptions().setUriPath("rd/x");
        assertThat(client.send(transport.localAddress("coap"), delete).getCode()).isEqualTo(ResponseCode.DELETED);

        await().atMost(Duration.ofSeconds(10)).untilAtomic(followUps, org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void a_stopped_transport_cannot_start_again() {
        CoapTransport transport = started(CoapTransport.builder().udp("coap", ANY_LOOPBACK_PORT));
        transport.stop();

        assertThatThrownBy(transport::start).isInstanceOf(IllegalStateException.class);
    }

    private static DownlinkException.Reason reason(CompletableFuture<?> future) {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(DownlinkException.class);
            return ((DownlinkException) e.getCause()).reason();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the downlink succeeded");
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
