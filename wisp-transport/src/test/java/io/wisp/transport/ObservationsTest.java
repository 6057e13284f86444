package io.wisp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wisp.transport.testing.Closer;
import io.wisp.transport.testing.ObservedDevice;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Token;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Observations over real UDP on 127.0.0.1 (RFC 7641, Transport TS §6): the device side is a bare socket that sends
 * exactly the notifications each case needs, so ordering, Resets and address changes can be checked byte by byte.
 */
class ObservationsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int TEXT = 0;

    private final Closer closer = new Closer();
    private final List<Notification> received = new CopyOnWriteArrayList<>();
    private CoapTransport transport;
    private ObservedDevice device;

    @BeforeEach
    void start() {
        transport = CoapTransport.builder().udp("coap", new InetSocketAddress("127.0.0.1", 0)).build();
        transport.start();
        device = closer.closeLater(new ObservedDevice());
    }

    @AfterEach
    void stop() throws Exception {
        closer.closeAll();
        transport.close();
    }

    private InetSocketAddress server() {
        return transport.localAddress("coap");
    }

    private Peer devicePeer() {
        return Peer.unsecured("coap", device.address());
    }

    private static DownlinkRequest observeVoltage() {
        return DownlinkRequest.of(CoapMethod.GET, List.of("3", "0", "7")).withAccept(TEXT);
    }

    /** Observes /3/0/7 at the device, which answers with sequence {@code first}; returns the established token. */
    private ObserveResult establish(int first) throws Exception {
        CompletableFuture<ObserveResult> pending =
                transport.observations().observe(devicePeer(), observeVoltage(), TIMEOUT, received::add);
        Request request = device.receiveRequest();
        device.answer(request, ResponseCode.CONTENT, first, TEXT, "3.3");
        return pending.get(10, TimeUnit.SECONDS);
    }

    private static Token token(ObserveResult result) {
        return Token.fromProvider(result.token().bytes());
    }

    private List<Integer> sequences() {
        return received.stream().map(n -> n.sequence().orElse(-1)).toList();
    }

    @Test
    void the_observe_request_is_a_get_with_observe_0_and_the_first_response_establishes_the_observation()
            throws Exception {
        CompletableFuture<ObserveResult> pending =
                transport.observations().observe(devicePeer(), observeVoltage(), TIMEOUT, received::add);

        Request request = device.receiveRequest();
        assertThat(request.getCode()).isEqualTo(Code.GET);
        assertThat(request.getType()).isEqualTo(Type.CON);
        assertThat(request.getOptions().getUriPathString()).isEqualTo("3/0/7");
        assertThat(request.getOptions().getObserve()).isZero();
        assertThat(request.getOptions().getAccept()).isEqualTo(TEXT);
        assertThat(request.getToken().length()).isEqualTo(8);
        device.answer(request, ResponseCode.CONTENT, 12, TEXT, "3.3");

        ObserveResult result = pending.get(10, TimeUnit.SECONDS);
        assertThat(result.established()).isTrue();
        assertThat(result.response().code()).isEqualTo(CoapCode.CONTENT);
        assertThat(result.response().payloadAsString()).isEqualTo("3.3");
        assertThat(result.token().bytes()).isEqualTo(request.getToken().getBytes());
        assertThat(transport.observations().size()).isEqualTo(1);
    }

    @Test
    void con_and_non_notifications_arrive_in_order_and_stale_or_repeated_ones_are_dropped() throws Exception {
        ObserveResult result = establish(5);
        Token token = token(result);

        device.notify(token, true, ResponseCode.CONTENT, 6, TEXT, "3.4", server());
        Message ack = device.receive();
        assertThat(ack.getType()).isEqualTo(Type.ACK);
        device.notify(token, false, ResponseCode.CONTENT, 8, TEXT, "3.6", server());
        device.repeatLast();
        device.notify(token, false, ResponseCode.CONTENT, 7, TEXT, "3.5", server());
        device.notify(token, true, ResponseCode.CONTENT, 9, TEXT, "3.7", server());
        assertThat(device.receive().getType()).isEqualTo(Type.ACK);

        await().atMost(TIMEOUT).until(() -> received.size() >= 3);
        assertThat(sequences()).containsExactly(6, 8, 9);
        assertThat(received).extracting(n -> new String(n.payload())).containsExactly("3.4", "3.6", "3.7");
        assertThat(received).extracting(Notification::confirmable).containsExactly(true, false, true);
        assertThat(received).allSatisfy(n -> {
            assertThat(n.token()).isEqualTo(result.token());
            assertThat(n.peer().address()).isEqualTo(device.address());
            assertThat(n.contentFormat()).hasValue(TEXT);
        });
    }

    @Test
    void a_con_notification_repeated_after_thousands_of_later_ones_is_acknowledged_again_and_not_delivered_twice()
            throws Exception {
        ObserveResult result = establish(5);
        Token token = token(result);
        device.notify(token, true, ResponseCode.CONTENT, 6, TEXT, "first", server());
        assertThat(device.receive().getType()).isEqualTo(Type.ACK);
        byte[] first = device.lastSent();
        int later = 5000;
        for (int k = 0; k < later; k++) {
            device.notify(token, false, ResponseCode.CONTENT, 7 + k, TEXT, "n" + k, server());
        }
        await().atMost(TIMEOUT).until(() -> received.size() >= 1 + later);

        device.socket().send(first, server());

        Message answer = device.receive();
        assertThat(answer.getType()).isEqualTo(Type.ACK);
        assertThat(answer.getMID()).as("the ACK is for the repeated notification")
                .isEqualTo((first[2] & 0xFF) << 8 | first[3] & 0xFF);
        device.notify(token, false, ResponseCode.CONTENT, 7 + later, TEXT, "last", server());
        await().atMost(TIMEOUT).until(() -> received.size() >= 2 + later);
        assertThat(received).extracting(n -> new String(n.payload())).filteredOn("first"::equals).hasSize(1);
    }

    @Test
    void a_client_that_never_advances_its_observe_number_still_gets_every_notification_through() throws Exception {
        ObserveResult result = establish(0);

        device.notify(token(result), true, ResponseCode.CONTENT, 0, TEXT, "a", server());
        assertThat(device.receive().getType()).isEqualTo(Type.ACK);
        device.notify(token(result), true, ResponseCode.CONTENT, 0, TEXT, "b", server());
        assertThat(device.receive().getType()).isEqualTo(Type.ACK);

        await().atMost(TIMEOUT).until(() -> received.size() >= 2);
        assertThat(received).extracting(n -> new String(n.payload())).containsExactly("a", "b");
    }

    @Test
    void a_notification_older_than_the_first_response_is_dropped() throws Exception {
        ObserveResult result = establish(40);

        device.notify(token(result), false, ResponseCode.CONTENT, 39, TEXT, "old", server());
        device.notify(token(result), false, ResponseCode.CONTENT, 41, TEXT, "new", server());

        await().atMost(TIMEOUT).until(() -> !received.isEmpty());
        assertThat(sequences()).containsExactly(41);
    }

    @Test
    void sequence_numbers_wrap_around_24_bits() throws Exception {
        ObserveResult result = establish(0xFFFFFE);

        device.notify(token(result), false, ResponseCode.CONTENT, 0xFFFFFF, TEXT, "a", server());
        device.notify(token(result), false, ResponseCode.CONTENT, 0, TEXT, "b", server());
        device.notify(token(result), false, ResponseCode.CONTENT, 1, TEXT, "c", server());

        await().atMost(TIMEOUT).until(() -> received.size() >= 3);
        assertThat(sequences()).containsExactly(0xFFFFFF, 0, 1);
    }

    @Test
    void int_302_passive_cancel_answers_the_next_notification_with_reset() throws Exception {
        ObserveResult result = establish(1);

        assertThat(transport.observations().forget(result.token())).isTrue();
        device.notify(token(result), true, ResponseCode.CONTENT, 2, TEXT, "3.4", server());

        Message reply = device.receive();
        assertThat(reply.getType()).isEqualTo(Type.RST);
        assertThat(received).isEmpty();
        assertThat(transport.observations().size()).isZero();
        assertThat(transport.observations().forget(result.token())).isFalse();
    }

    @Test
    void int_303_proactive_cancel_sends_the_same_get_with_observe_1_and_the_same_token() throws Exception {
        ObserveResult result = establish(1);

        CompletableFuture<DownlinkResponse> cancelled = transport.observations().cancel(result.token(), TIMEOUT);
        Request cancel = device.receiveRequest();
        assertThat(cancel.getCode()).isEqualTo(Code.GET);
        assertThat(cancel.getOptions().getObserve()).isEqualTo(1);
        assertThat(cancel.getToken().getBytes()).isEqualTo(result.token().bytes());
        assertThat(cancel.getOptions().getUriPathString()).isEqualTo("3/0/7");
        assertThat(cancel.getOptions().getAccept()).isEqualTo(TEXT);
        device.answer(cancel, ResponseCode.CONTENT, null, TEXT, "3.3");

        assertThat(cancelled.get(10, TimeUnit.SECONDS).code()).isEqualTo(CoapCode.CONTENT);
        assertThat(transport.observations().size()).isZero();
        device.notify(token(result), true, ResponseCode.CONTENT, 2, TEXT, "late", server());
        assertThat(device.receive().getType()).isEqualTo(Type.RST);
        assertThat(received).isEmpty();
    }

    @Test
    void cancelling_an_unknown_token_fails_at_once() {
        CompletableFuture<DownlinkResponse> f =
                transport.observations().cancel(new ObservationToken(42), TIMEOUT);

        assertThatThrownBy(() -> f.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(DownlinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(DownlinkException.Reason.CANCELLED));
    }

    @Test
    void int_305_observe_composite_is_a_fetch_and_its_cancel_repeats_the_body_with_observe_1() throws Exception {
        byte[] paths = "[{\"n\":\"/3/0/7\"},{\"n\":\"/3/0/8\"}]".getBytes();
        DownlinkRequest fetch = DownlinkRequest.of(CoapMethod.FETCH, List.of()).withPayload(110, paths)
                .withAccept(110);
        CompletableFuture<ObserveResult> pending =
                transport.observations().observe(devicePeer(), fetch, TIMEOUT, received::add);
        Request request = device.receiveRequest();
        assertThat(request.getCode()).isEqualTo(Code.FETCH);
        assertThat(request.getOptions().getObserve()).isZero();
        assertThat(request.getPayload()).isEqualTo(paths);
        device.answer(request, ResponseCode.CONTENT, 3, 110, "[]");
        ObserveResult result = pending.get(10, TimeUnit.SECONDS);

        transport.observations().cancel(result.token(), TIMEOUT);
        Request cancel = device.receiveRequest();

        assertThat(cancel.getCode()).isEqualTo(Code.FETCH);
        assertThat(cancel.getOptions().getObserve()).isEqualTo(1);
        assertThat(cancel.getOptions().getContentFormat()).isEqualTo(110);
        assertThat(cancel.getPayload()).isEqualTo(paths);
        assertThat(cancel.getToken().getBytes()).isEqualTo(result.token().bytes());
    }

    @Test
    void an_error_answer_establishes_nothing_and_its_token_is_forgotten() throws Exception {
        CompletableFuture<ObserveResult> pending =
                transport.observations().observe(devicePeer(), observeVoltage(), TIMEOUT, received::add);
        Request request = device.receiveRequest();
        device.answer(request, ResponseCode.NOT_FOUND, null, TEXT, null);

        ObserveResult result = pending.get(10, TimeUnit.SECONDS);

        assertThat(result.established()).isFalse();
        assertThat(result.response().code()).isEqualTo(CoapCode.NOT_FOUND);
        assertThat(transport.observations().size()).isZero();
    }

    @Test
    void a_silent_device_times_the_observe_out_and_leaves_no_state() {
        CompletableFuture<ObserveResult> pending = transport.observations().observe(devicePeer(), observeVoltage(),
                Duration.ofMillis(300), received::add);

        assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(DownlinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(DownlinkException.Reason.TIMEOUT));
        await().atMost(TIMEOUT).until(() -> transport.observations().size() == 0);
    }

    @Test
    void an_error_notification_ends_the_observation_and_is_delivered_as_final() throws Exception {
        ObserveResult result = establish(1);

        device.notify(token(result), true, ResponseCode.NOT_FOUND, null, TEXT, null, server());

        await().atMost(TIMEOUT).until(() -> received.size() == 1);
        assertThat(received.get(0).isFinal()).isTrue();
        assertThat(received.get(0).code()).isEqualTo(CoapCode.NOT_FOUND);
        assertThat(transport.observations().size()).isZero();
    }

    @Test
    void after_a_rebind_notifications_from_the_new_address_arrive_and_the_old_address_is_refused() throws Exception {
        ObserveResult result = establish(1);
        ObservedDevice moved = closer.closeLater(new ObservedDevice());

        moved.notify(token(result), true, ResponseCode.CONTENT, 2, TEXT, "before", server());
        assertThat(moved.receive().getType()).as("a stranger's notification").isEqualTo(Type.RST);

        assertThat(transport.observations().rebind(result.token(), Peer.unsecured("coap", moved.address())))
                .isTrue();
        moved.notify(token(result), true, ResponseCode.CONTENT, 3, TEXT, "after", server());
        assertThat(moved.receive().getType()).isEqualTo(Type.ACK);
        device.notify(token(result), true, ResponseCode.CONTENT, 4, TEXT, "old socket", server());
        assertThat(device.receive().getType()).isEqualTo(Type.RST);

        await().atMost(TIMEOUT).until(() -> !received.isEmpty());
        assertThat(received).extracting(n -> new String(n.payload())).containsExactly("after");
        assertThat(received.get(0).peer().address()).isEqualTo(moved.address());
    }
}
