package io.wisp.client.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.server.WispServer;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.RegistrationListener;
import io.wisp.server.registration.UpdatedRegistration;
import io.wisp.transport.CoapTransport;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's registration engine (Core TS §6.2) against the Wisp server over real UDP on 127.0.0.1: Register,
 * timed and triggered Updates, new object links, re-registration when the server forgot the client, the retry
 * policy when nobody answers, De-register.
 */
class RegistrationEngineTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<String> serverEvents = new CopyOnWriteArrayList<>();
    private final List<String> clientEvents = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> links = new AtomicReference<>("</1/0>,</3/0>");
    private WispServer server;
    private CoapTransport transport;

    @BeforeEach
    void start() {
        server = startServer(0);
        transport = CoapTransport.builder().udp("coap", new InetSocketAddress(LOOPBACK, 0)).build();
        transport.start();
    }

    @AfterEach
    void stop() {
        transport.close();
        server.close();
        scheduler.shutdownNow();
    }

    private WispServer startServer(int port) {
        WispServer s = WispServer.builder().bindAddress(LOOPBACK).port(port).build();
        s.addRegistrationListener(new RegistrationListener() {
            @Override
            public void registered(Registration registration, Optional<Registration> replaced) {
                serverEvents.add("registered " + registration.endpoint() + " " + registration.objectLinks());
            }

            @Override
            public void updated(UpdatedRegistration update) {
                serverEvents.add("updated " + update.current().endpoint() + " " + update.current().objectLinks());
            }

            @Override
            public void deregistered(Registration registration) {
                serverEvents.add("deregistered " + registration.endpoint());
            }
        });
        s.start();
        return s;
    }

    private RegistrationEngine engine(ServerAccount account) {
        ClientParameters client = new ClientParameters("engine-ep", "1.1", Duration.ofSeconds(3));
        return new RegistrationEngine(client, account, "coap", transport.downlinks(), scheduler, links::get,
                new RegistrationEvents() {
                    @Override
                    public void registered(ServerAccount s, String location) {
                        clientEvents.add("registered " + location);
                    }

                    @Override
                    public void updated(ServerAccount s) {
                        clientEvents.add("updated");
                    }

                    @Override
                    public void failed(ServerAccount s, String operation, String reason, boolean retrying) {
                        clientEvents.add("failed " + operation + (retrying ? " retrying" : " giving up"));
                    }

                    @Override
                    public void deregistered(ServerAccount s) {
                        clientEvents.add("deregistered");
                    }
                });
    }

    private ServerAccount account(Duration lifetime) {
        return ServerAccount.udp(1, server.localAddress(), lifetime);
    }

    @Test
    void int_101_registers_then_deregisters_on_stop() throws Exception {
        RegistrationEngine engine = engine(account(Duration.ofSeconds(300)));
        engine.start();
        await().atMost(WAIT).until(() -> engine.state() == RegistrationState.REGISTERED);

        Registration r = server.registrations().byEndpoint("engine-ep").orElseThrow();
        assertThat(r.lifetime()).isEqualTo(300);
        assertThat(r.lwm2mVersion().toString()).isEqualTo("1.1");
        assertThat(r.objectLinks().toString()).contains("/3/0");
        assertThat(engine.location()).contains("/rd/" + r.id());

        engine.stop().get(5, TimeUnit.SECONDS);
        assertThat(engine.state()).isEqualTo(RegistrationState.IDLE);
        assertThat(server.registrations().byEndpoint("engine-ep")).isEmpty();
        assertThat(clientEvents).containsExactly("registered /rd/" + r.id(), "deregistered");
    }

    @Test
    void int_102_updates_before_the_lifetime_runs_out() {
        RegistrationEngine engine = engine(account(Duration.ofSeconds(2)));
        engine.start();
        await().atMost(WAIT).until(() -> clientEvents.stream().filter("updated"::equals).count() >= 2);
        assertThat(server.registrations().byEndpoint("engine-ep")).isPresent();
        assertThat(serverEvents).filteredOn(e -> e.startsWith("registered")).hasSize(1);
    }

    @Test
    void int_103_trigger_and_new_object_links_send_updates() {
        RegistrationEngine engine = engine(account(Duration.ofSeconds(300)));
        engine.start();
        await().atMost(WAIT).until(() -> engine.state() == RegistrationState.REGISTERED);

        engine.triggerUpdate();
        await().atMost(WAIT).until(() -> clientEvents.contains("updated"));

        links.set("</1/0>,</3/0>,</3303/0>,</3303/1>");
        engine.objectLinksChanged();
        await().atMost(WAIT).until(() -> server.registrations().byEndpoint("engine-ep").orElseThrow()
                .objectLinks().toString().contains("/3303/1"));
        assertThat(serverEvents).filteredOn(e -> e.startsWith("registered")).hasSize(1);
    }

    @Test
    void registers_again_when_the_server_forgot_the_registration() {
        RegistrationEngine engine = engine(account(Duration.ofSeconds(300)));
        engine.start();
        await().atMost(WAIT).until(() -> engine.state() == RegistrationState.REGISTERED);
        String firstLocation = engine.location().orElseThrow();

        InetSocketAddress address = server.localAddress();
        server.close();
        server = startServer(address.getPort());
        engine.triggerUpdate();

        await().atMost(WAIT).until(() -> server.registrations().byEndpoint("engine-ep").isPresent());
        assertThat(clientEvents).contains("failed Update retrying");
        await().atMost(WAIT).until(() -> engine.state() == RegistrationState.REGISTERED);
        assertThat(engine.location()).isPresent().get().isNotEqualTo(firstLocation);
    }

    @Test
    void retries_with_the_policy_and_gives_up_when_nobody_answers() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            RetryPolicy quick = new RetryPolicy(2, Duration.ofMillis(50), Duration.ofMillis(100), 2);
            ServerAccount account = ServerAccount.udp(1, (InetSocketAddress) silent.getLocalSocketAddress(),
                    Duration.ofSeconds(60)).withRetry(quick);
            ClientParameters client = new ClientParameters("engine-ep", "1.1", Duration.ofMillis(300));
            List<String> failures = new CopyOnWriteArrayList<>();
            RegistrationEngine engine = new RegistrationEngine(client, account, "coap", transport.downlinks(),
                    scheduler, links::get, new RegistrationEvents() {
                        @Override
                        public void failed(ServerAccount s, String operation, String reason, boolean retrying) {
                            failures.add(operation + (retrying ? " retrying" : " giving up"));
                        }
                    });
            engine.start();
            await().atMost(WAIT).until(() -> engine.state() == RegistrationState.FAILED);
            assertThat(failures).containsExactly("Register retrying", "Register retrying", "Register retrying",
                    "Register giving up");
        }
    }

    @Test
    void retry_delays_follow_the_core_ts_defaults() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        assertThat(p.delayAfter(1)).contains(Duration.ofSeconds(60));
        assertThat(p.delayAfter(2)).contains(Duration.ofSeconds(120));
        assertThat(p.delayAfter(4)).contains(Duration.ofSeconds(480));
        assertThat(p.delayAfter(5)).isEmpty();
        RetryPolicy two = new RetryPolicy(2, Duration.ofSeconds(10), Duration.ofSeconds(100), 2);
        assertThat(two.delayAfter(1)).contains(Duration.ofSeconds(10));
        assertThat(two.delayAfter(2)).contains(Duration.ofSeconds(100));
        assertThat(two.delayAfter(3)).contains(Duration.ofSeconds(10));
        assertThat(two.delayAfter(4)).isEmpty();
    }

    @Test
    void update_delay_leaves_room_for_retransmissions() {
        assertThat(RegistrationEngine.updateDelay(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(15));
        assertThat(RegistrationEngine.updateDelay(Duration.ofSeconds(300))).isEqualTo(Duration.ofSeconds(270));
        assertThat(RegistrationEngine.updateDelay(Duration.ofSeconds(86400))).isEqualTo(Duration.ofSeconds(77760));
        assertThat(RegistrationEngine.updateDelay(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
    }
}
