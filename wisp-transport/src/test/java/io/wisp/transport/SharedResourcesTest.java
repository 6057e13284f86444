package io.wisp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wisp.transport.testing.RawPeer;
import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many transports on shared {@link TransportResources}, as the fleet simulator runs its clients: each transport has
 * its own UDP socket, none has a thread of its own. Real UDP on 127.0.0.1.
 */
class SharedResourcesTest {
    private static final int GET = 1;

    private final TransportResources resources = TransportResources.create(2);
    private final List<CoapTransport> transports = new ArrayList<>();

    @AfterEach
    void closeAll() {
        transports.forEach(CoapTransport::close);
        resources.close();
    }

    /** A client-profile transport on the shared resources whose default route answers with {@code name}. */
    private CoapTransport startClient(String name) {
        CoapTransport t = CoapTransport.builder().udp("coap", new InetSocketAddress("127.0.0.1", 0))
                .defaultRoute(r -> UplinkResponse.content(CoapCode.CONTENT, 0, name.getBytes()))
                .config(TransportConfig.client()).resources(resources).build();
        t.start();
        transports.add(t);
        return t;
    }

    private static List<String> sharedThreadsStartedSince(Set<Thread> before) {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t.getName().startsWith("wisp-shared-")) {
                names.add(t.getName());
            }
        }
        return names;
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Sends one GET from {@code sender} to each transport from {@code from}, 50 at a time; returns the answers. */
    private static Set<String> askEach(RawPeer sender, List<CoapTransport> targets, int from) {
        UdpDataParser parser = new UdpDataParser();
        Set<String> answers = new HashSet<>();
        for (int start = from; start < targets.size(); start += 50) {
            int end = Math.min(targets.size(), start + 50);
            for (int k = start; k < end; k++) {
                sender.send(RawPeer.confirmable(GET, k & 0xFFFF, "3", "0"), targets.get(k).localAddress("coap"));
            }
            for (int k = start; k < end; k++) {
                Message answer = parser.parseMessage(sender.receive().bytes());
                answers.add(answer.getPayloadString());
            }
        }
        return answers;
    }

    @Test
    void two_thousand_transports_each_answer_from_their_own_socket_and_the_thread_count_does_not_grow() {
        int before = liveThreads();
        try (RawPeer sender = new RawPeer()) {
            for (int k = 0; k < 100; k++) {
                startClient("c" + k);
            }
            assertThat(askEach(sender, transports, 0)).hasSize(100);
            int withHundred = liveThreads();
            for (int k = 100; k < 2000; k++) {
                startClient("c" + k);
            }
            Set<String> answers = askEach(sender, transports, 100);
            int withTwoThousand = liveThreads();

            assertThat(answers).hasSize(1900).contains("c100", "c1999");
            Set<Integer> ports = new HashSet<>();
            transports.forEach(t -> ports.add(t.localAddress("coap").getPort()));
            assertThat(ports).as("distinct source ports").hasSize(2000);
            assertThat(resources.transports()).isEqualTo(2000);
            assertThat(withTwoThousand - withHundred).as("threads added by 1900 more transports").isLessThanOrEqualTo(1);
            assertThat(withHundred - before).as("threads of the shared resources").isLessThanOrEqualTo(2 + 1 + 1 + 2);
        }
    }

    @Test
    void stopping_a_transport_releases_its_socket_but_leaves_the_resources_to_the_others() throws Exception {
        CoapTransport first = startClient("first");
        CoapTransport second = startClient("second");
        InetSocketAddress firstAddress = first.localAddress("coap");

        first.close();

        try (DatagramSocket rebound = new DatagramSocket(firstAddress)) {
            assertThat(rebound.getLocalPort()).isEqualTo(firstAddress.getPort());
        }
        assertThat(resources.transports()).isEqualTo(1);
        assertThat(resources.isClosed()).isFalse();
        try (RawPeer sender = new RawPeer()) {
            assertThat(askEach(sender, List.of(second), 0)).containsExactly("second");
        }
    }

    @Test
    void closing_the_resources_stops_every_transport_and_ends_the_shared_threads() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        TransportResources own = TransportResources.create(2);
        CoapTransport t = CoapTransport.builder().udp("coap", new InetSocketAddress("127.0.0.1", 0))
                .defaultRoute(r -> UplinkResponse.of(CoapCode.CONTENT)).resources(own).build();
        t.start();
        assertThat(sharedThreadsStartedSince(before)).as("threads of the new resources").isNotEmpty();

        own.close();

        assertThat(own.isClosed()).isTrue();
        assertThat(own.transports()).isZero();
        assertThatThrownBy(() -> t.localAddress("coap")).isInstanceOf(IllegalStateException.class);
        CoapTransport late = CoapTransport.builder().udp("coap", new InetSocketAddress("127.0.0.1", 0))
                .resources(own).build();
        assertThatThrownBy(late::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        await().atMost(Duration.ofSeconds(10)).until(() -> sharedThreadsStartedSince(before).isEmpty());
    }

    @Test
    void a_shared_transport_sends_requests_and_large_bodies_block_wise_to_a_server() throws Exception {
        AtomicReference<UplinkRequest> registered = new AtomicReference<>();
        try (CoapTransport server = CoapTransport.builder().udp("coap", new InetSocketAddress("127.0.0.1", 0))
                .route("rd", r -> {
                    registered.set(r);
                    return UplinkResponse.created(List.of("rd", "x1"));
                }).build()) {
            server.start();
            CoapTransport client = startClient("client");
            byte[] links = new byte[5000];
            new Random(3).nextBytes(links);

            DownlinkResponse answer = client.downlinks().send(Peer.unsecured("coap", server.localAddress("coap")),
                    DownlinkRequest.of(CoapMethod.POST, List.of("rd")).withPayload(40, links), Duration.ofSeconds(10))
                    .get(10, TimeUnit.SECONDS);

            assertThat(answer.code()).isEqualTo(CoapCode.CREATED);
            assertThat(answer.locationPath()).containsExactly("rd", "x1");
            assertThat(registered.get().payload()).isEqualTo(links);
            assertThat(registered.get().peer().address()).isEqualTo(client.localAddress("coap"));
        }
    }
}
