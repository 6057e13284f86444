package io.wisp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wisp.transport.ServedObservation.Delivery;
import io.wisp.transport.ServedObservation.EndReason;
import io.wisp.transport.testing.Closer;
import io.wisp.transport.testing.RawObserver;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Serving observations (RFC 7641 from the observed side, Transport TS §6.4), over real UDP on 127.0.0.1: a "device"
 * transport answers through its default route and serves observations with {@link UplinkResponse#observe}; a
 * "server" transport observes it through {@link Observations}, or a bare socket does when a case needs to withhold
 * acknowledgements. Subclasses run the same cases with the device on its own threads and on shared resources.
 */
abstract class ServedObservationsContract {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int TEXT = 0;
    static final int SENML_CBOR = 112;
    static final int MAX_MESSAGE = 1024;

    private final Closer closer = new Closer();
    final List<UplinkRequest> requests = new CopyOnWriteArrayList<>();
    final BlockingQueue<ServedObservation> established = new LinkedBlockingQueue<>();
    final List<Notification> notifications = new CopyOnWriteArrayList<>();
    CoapTransport device;
    CoapTransport server;

    /** Adds the device transport's mode (own threads or shared resources) to its builder. */
    abstract CoapTransport.Builder deviceMode(CoapTransport.Builder builder);

    /** Called after every case, once the transports are closed. */
    void afterCase() {
    }

    @BeforeEach
    void startBoth() {
        TransportConfig quickRetransmissions = TransportConfig.client().toBuilder()
                .ackTimeout(Duration.ofSeconds(1)).maxRetransmit(1).maxMessageSize(MAX_MESSAGE).build();
        device = closer.closeLater(deviceMode(CoapTransport.builder().udp("coap", loopback()).defaultRoute(this::serve))
                .config(quickRetransmissions).build());
        device.start();
        server = closer.closeLater(CoapTransport.builder().udp("coap", loopback()).build());
        server.start();
    }

    @AfterEach
    void closeAll() throws Exception {
        closer.closeAll();
        afterCase();
    }

    static InetSocketAddress loopback() {
        return new InetSocketAddress("127.0.0.1", 0);
    }

    /** The device's objects: a registration is answered with "v0" and establishes an observation. */
    private UplinkResponse serve(UplinkRequest request) {
        requests.add(request);
        UplinkResponse current = UplinkResponse.content(CoapCode.CONTENT, TEXT, text("current"));
        return request.isObserveRegistration() ? current.observe(established::add) : current;
    }

    Peer devicePeer() {
        return Peer.unsecured("coap", device.localAddress("coap"));
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(Notification n) {
        return new String(n.payload(), StandardCharsets.UTF_8);
    }

    ObserveResult observeFromServer(DownlinkRequest request) throws Exception {
        return server.observations().observe(devicePeer(), request, TIMEOUT, notifications::add)
                .get(10, TimeUnit.SECONDS);
    }

    ServedObservation nextEstablished() throws InterruptedException {
        ServedObservation served = established.poll(10, TimeUnit.SECONDS);
        assertThat(served).as("an established observation handed to the handler").isNotNull();
        return served;
    }

    static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    static DownlinkException.Reason failureOf(CompletableFuture<?> future) {
        Throwable cause = null;
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            cause = e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(cause).as("the future's failure").isInstanceOf(DownlinkException.class);
        return ((DownlinkException) cause).reason();
    }

    static AtomicReference<EndReason> endOf(ServedObservation served) {
        AtomicReference<EndReason> end = new AtomicReference<>();
        served.onEnd(end::set);
        return end;
    }

    @Test
    void int_301_observe_on_get_establishes_and_con_and_non_notifications_arrive_in_order() throws Exception {
        ObserveResult result = observeFromServer(
                DownlinkRequest.of(CoapMethod.GET, List.of("3", "0", "7")).withAccept(TEXT));

        assertThat(result.established()).isTrue();
        assertThat(result.response().payloadAsString()).isEqualTo("current");
        UplinkRequest registration = requests.get(0);
        assertThat(registration.method()).isEqualTo(CoapMethod.GET);
        assertThat(registration.path()).containsExactly("3", "0", "7");
        assertThat(registration.accept()).hasValue(TEXT);
        assertThat(registration.observe()).hasValue(0);
        ServedObservation served = nextEstablished();
        assertThat(served.isActive()).isTrue();
        assertThat(served.peer().address()).isEqualTo(server.localAddress("coap"));

        List<Delivery> deliveries = new ArrayList<>();
        for (int k = 1; k <= 6; k++) {
            deliveries.add(get(served.notify(CoapCode.CONTENT, TEXT, text("v" + k), k % 2 == 0)));
            int expected = k;
            await().atMost(TIMEOUT).until(() -> notifications.size() == expected);
        }

        assertThat(notifications).extracting(ServedObservationsContract::text)
                .containsExactly("v1", "v2", "v3", "v4", "v5", "v6");
        assertThat(notifications).extracting(Notification::confirmable)
                .containsExactly(false, true, false, true, false, true);
        List<Integer> sequences = new ArrayList<>();
        notifications.forEach(n -> sequences.add(n.sequence().getAsInt()));
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        assertThat(deliveries).containsExactly(Delivery.SENT, Delivery.ACKNOWLEDGED, Delivery.SENT,
                Delivery.ACKNOWLEDGED, Delivery.SENT, Delivery.ACKNOWLEDGED);
    }

    @Test
    void int_305_observe_composite_on_fetch_establishes_with_the_path_list_visible_to_the_handler() throws Exception {
        byte[] pathList = {(byte) 0x81, (byte) 0xA1, 0x00, 0x66, '/', '3', '/', '0', '/', '7'};
        ObserveResult result = observeFromServer(DownlinkRequest.of(CoapMethod.FETCH, List.of())
                .withPayload(SENML_CBOR, pathList).withAccept(SENML_CBOR));

        assertThat(result.established()).isTrue();
        UplinkRequest registration = requests.get(0);
        assertThat(registration.method()).isEqualTo(CoapMethod.FETCH);
        assertThat(registration.path()).isEmpty();
        assertThat(registration.contentFormat()).hasValue(SENML_CBOR);
        assertThat(registration.accept()).hasValue(SENML_CBOR);
        assertThat(registration.payload()).isEqualTo(pathList);
        ServedObservation served = nextEstablished();

        assertThat(get(served.notify(CoapCode.CONTENT, TEXT, text("composite"), true)))
                .isEqualTo(Delivery.ACKNOWLEDGED);
        await().atMost(TIMEOUT).until(() -> notifications.size() == 1);
        assertThat(text(notifications.get(0))).isEqualTo("composite");
    }

    @Test
    void int_302_a_reset_to_a_notification_ends_the_observation_and_the_serving_side_learns_it() throws Exception {
        ObserveResult result = observeFromServer(DownlinkRequest.of(CoapMethod.GET, List.of("3", "0", "9")));
        ServedObservation served = nextEstablished();
        AtomicReference<EndReason> end = endOf(served);

        assertThat(server.observations().forget(result.token())).isTrue();
        CompletableFuture<Delivery> rejected = served.notify(CoapCode.CONTENT, TEXT, text("unwanted"), true);

        assertThat(failureOf(rejected)).isEqualTo(DownlinkException.Reason.REJECTED);
        await().atMost(TIMEOUT).until(() -> end.get() != null);
        assertThat(end.get()).isEqualTo(EndReason.REJECTED);
        assertThat(served.isActive()).isFalse();
        assertThat(failureOf(served.notify(CoapCode.CONTENT, TEXT, text("later"), false)))
                .isEqualTo(DownlinkException.Reason.CANCELLED);
        assertThat(notifications).isEmpty();
    }

    @Test
    void a_reset_to_a_non_notification_ends_the_observation_too() throws Exception {
        ObserveResult result = observeFromServer(DownlinkRequest.of(CoapMethod.GET, List.of("3", "0", "9")));
        ServedObservation served = nextEstablished();
        AtomicReference<EndReason> end = endOf(served);

        server.observations().forget(result.token());
        assertThat(get(served.notify(CoapCode.CONTENT, TEXT, text("unwanted"), false))).isEqualTo(Delivery.SENT);

        await().atMost(TIMEOUT).until(() -> end.get() != null);
        assertThat(end.get()).isEqualTo(EndReason.REJECTED);
    }

    @Test
    void int_303_observe_1_ends_the_observation_and_is_answered_as_a_plain_read() throws Exception {
        ObserveResult result = observeFromServer(DownlinkRequest.of(CoapMethod.GET, List.of("3", "0", "13")));
        ServedObservation served = nextEstablished();
        AtomicReference<EndReason> end = endOf(served);

        DownlinkResponse answer = get(server.observations().cancel(result.token(), TIMEOUT));

        assertThat(answer.code()).isEqualTo(CoapCode.CONTENT);
        assertThat(answer.payloadAsString()).isEqualTo("current");
        UplinkRequest cancel = requests.get(1);
        assertThat(cancel.observe()).hasValue(1);
        assertThat(cancel.isObserveRegistration()).isFalse();
        assertThat(end.get()).isEqualTo(EndReason.DEREGISTERED);
        assertThat(served.isActive()).isFalse();
        assertThat(established).isEmpty();
    }

    @Test
    void a_con_notification_to_a_vanished_observer_ends_its_observations_once_retransmissions_run_out()
            throws Exception {
        observeFromServer(DownlinkRequest.of(CoapMethod.GET, List.of("3", "0", "7")));
        observeFromServer(DownlinkRequest.of(CoapMethod.GET, List.of("3", "0", "8")));
        ServedObservation served = nextEstablished();
        ServedObservation other = nextEstablished();
        AtomicReference<EndReason> end = endOf(served);
        AtomicReference<EndReason> otherEnd = endOf(other);

        server.close();
        CompletableFuture<Delivery> lost = served.notify(CoapCode.CONTENT, TEXT, text("nobody"), true);

        assertThat(failureOf(lost)).isEqualTo(DownlinkException.Reason.TIMEOUT);
        await().atMost(TIMEOUT).until(() -> end.get() != null && otherEnd.get() != null);
        assertThat(end.get()).isEqualTo(EndReason.UNREACHABLE);
        assertThat(otherEnd.get()).as("the observer's other observation").isEqualTo(EndReason.UNREACHABLE);
        assertThat(served.isActive()).isFalse();
    }

    @Test
    void a_notification_larger_than_the_maximum_message_size_travels_block_wise() throws Exception {
        observeFromServer(DownlinkRequest.of(CoapMethod.GET, List.of("5", "0", "3")));
        ServedObservation served = nextEstablished();
        byte[] big = new byte[3 * MAX_MESSAGE + 100];
        new Random(7).nextBytes(big);

        served.notify(CoapCode.CONTENT, 42, big, true);

        await().atMost(TIMEOUT).until(() -> notifications.size() == 1);
        assertThat(notifications.get(0).payload()).isEqualTo(big);
        assertThat(notifications.get(0).contentFormat()).hasValue(42);
    }

    @Test
    void an_error_notification_is_the_last_one_and_ends_the_observation() throws Exception {
        observeFromServer(DownlinkRequest.of(CoapMethod.GET, List.of("3303", "0", "5700")));
        ServedObservation served = nextEstablished();
        AtomicReference<EndReason> end = endOf(served);

        CompletableFuture<Delivery> last = served.notify(CoapCode.NOT_FOUND, UplinkRequest.NO_FORMAT, new byte[0],
                true);

        assertThat(get(last)).isEqualTo(Delivery.ACKNOWLEDGED);
        await().atMost(TIMEOUT).until(() -> notifications.size() == 1 && end.get() != null);
        assertThat(notifications.get(0).isFinal()).isTrue();
        assertThat(notifications.get(0).code()).isEqualTo(CoapCode.NOT_FOUND);
        assertThat(end.get()).isEqualTo(EndReason.FINAL_NOTIFICATION);
        assertThat(server.observations().size()).isZero();
        assertThat(failureOf(served.notify(CoapCode.CONTENT, TEXT, text("x"), true)))
                .isEqualTo(DownlinkException.Reason.CANCELLED);
    }

    @Test
    void cancel_ends_the_observation_silently_and_stopping_the_transport_ends_the_others() throws Exception {
        observeFromServer(DownlinkRequest.of(CoapMethod.GET, List.of("3", "0", "7")));
        observeFromServer(DownlinkRequest.of(CoapMethod.GET, List.of("3", "0", "8")));
        ServedObservation first = nextEstablished();
        ServedObservation second = nextEstablished();
        AtomicReference<EndReason> firstEnd = endOf(first);
        AtomicReference<EndReason> secondEnd = endOf(second);

        first.cancel();
        assertThat(firstEnd.get()).isEqualTo(EndReason.CANCELLED);
        assertThat(failureOf(first.notify(CoapCode.CONTENT, TEXT, text("x"), true)))
                .isEqualTo(DownlinkException.Reason.CANCELLED);
        assertThat(get(second.notify(CoapCode.CONTENT, TEXT, text("still"), true))).isEqualTo(Delivery.ACKNOWLEDGED);

        device.stop();
        assertThat(secondEnd.get()).isEqualTo(EndReason.STOPPED);
        assertThat(second.isActive()).isFalse();
    }

    @Test
    void a_registration_answered_without_observe_gets_no_observe_option_and_establishes_nothing() throws Exception {
        CoapTransport plain = closer.closeLater(deviceMode(CoapTransport.builder().udp("coap", loopback())
                .defaultRoute(r -> UplinkResponse.content(CoapCode.CONTENT, TEXT, text("polled")))).build());
        plain.start();

        ObserveResult result = server.observations().observe(Peer.unsecured("coap", plain.localAddress("coap")),
                DownlinkRequest.of(CoapMethod.GET, List.of("3", "0", "7")), TIMEOUT, notifications::add)
                .get(10, TimeUnit.SECONDS);

        assertThat(result.established()).isFalse();
        assertThat(result.response().payloadAsString()).isEqualTo("polled");
    }

    @Test
    void a_newer_notification_replaces_one_still_being_retransmitted() throws Exception {
        RawObserver observer = closer.closeLater(new RawObserver());
        Token token = Token.fromProvider(new byte[] {1, 2, 3, 4});
        observer.get(device.localAddress("coap"), token, 0, "3", "0", "7");
        Response first = observer.receiveResponse();
        assertThat(first.getType()).isEqualTo(Type.ACK);
        ServedObservation served = nextEstablished();

        CompletableFuture<Delivery> older = served.notify(CoapCode.CONTENT, TEXT, text("older"), true);
        Response unanswered = observer.receiveResponse();
        assertThat(unanswered.getPayloadString()).isEqualTo("older");
        CompletableFuture<Delivery> newer = served.notify(CoapCode.CONTENT, TEXT, text("newer"), true);
        Response retransmission = observer.receiveResponse();
        while (retransmission.getPayloadString().equals("older")) {
            retransmission = observer.receiveResponse(); // a retransmission sent before "newer" was queued
        }

        assertThat(retransmission.getPayloadString()).isEqualTo("newer");
        assertThat(retransmission.getOptions().getObserve()).isGreaterThan(unanswered.getOptions().getObserve());
        assertThat(get(older)).isEqualTo(Delivery.REPLACED);
        observer.ack(retransmission);
        assertThat(get(newer)).isEqualTo(Delivery.ACKNOWLEDGED);
        assertThat(first.getOptions().getObserve()).isLessThan(unanswered.getOptions().getObserve());
    }

    @Test
    void while_a_con_notification_waits_for_its_ack_only_the_newest_of_the_later_ones_is_kept() throws Exception {
        RawObserver observer = closer.closeLater(new RawObserver());
        observer.get(device.localAddress("coap"), Token.fromProvider(new byte[] {5}), 0, "3", "0", "7");
        observer.receiveResponse();
        ServedObservation served = nextEstablished();

        CompletableFuture<Delivery> inFlight = served.notify(CoapCode.CONTENT, TEXT, text("a"), true);
        Response a = observer.receiveResponse();
        CompletableFuture<Delivery> waiting = served.notify(CoapCode.CONTENT, TEXT, text("b"), false);
        CompletableFuture<Delivery> newest = served.notify(CoapCode.CONTENT, TEXT, text("c"), false);

        assertThat(get(waiting)).isEqualTo(Delivery.REPLACED);
        observer.ack(a);
        assertThat(get(inFlight)).isEqualTo(Delivery.ACKNOWLEDGED);
        Response next = observer.receiveResponse();
        assertThat(next.getPayloadString()).isEqualTo("c");
        assertThat(next.getType()).isEqualTo(Type.NON);
        assertThat(get(newest)).isEqualTo(Delivery.SENT);
    }

    @Test
    void a_new_registration_with_the_same_token_replaces_the_observation() throws Exception {
        RawObserver observer = closer.closeLater(new RawObserver());
        Token token = Token.fromProvider(new byte[] {9, 9});
        observer.get(device.localAddress("coap"), token, 0, "3", "0", "7");
        Response firstAnswer = observer.receiveResponse();
        ServedObservation first = nextEstablished();
        AtomicReference<EndReason> firstEnd = endOf(first);

        observer.get(device.localAddress("coap"), token, 0, "3", "0", "7");
        Response secondAnswer = observer.receiveResponse();
        ServedObservation second = nextEstablished();

        assertThat(firstEnd.get()).isEqualTo(EndReason.REPLACED);
        assertThat(second.isActive()).isTrue();
        assertThat(secondAnswer.getOptions().getObserve()).isGreaterThan(firstAnswer.getOptions().getObserve());
        assertThat(failureOf(first.notify(CoapCode.CONTENT, TEXT, text("old"), false)))
                .isEqualTo(DownlinkException.Reason.CANCELLED);
        second.notify(CoapCode.CONTENT, TEXT, text("new"), false);
        Response notification = observer.receiveResponse();
        assertThat(notification.getPayloadString()).isEqualTo("new");
        assertThat(notification.getToken()).isEqualTo(token);
    }

    @Test
    void a_handler_cannot_mark_an_error_as_establishing_an_observation() {
        assertThatThrownBy(() -> UplinkResponse.of(CoapCode.NOT_FOUND).observe(o -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("4.04");
    }
}
