package io.wisp.client.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.bootstrap.WispBootstrapServer;
import io.wisp.bootstrap.config.AccessControlInstance;
import io.wisp.bootstrap.config.AccessRight;
import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.BootstrapConfigStore;
import io.wisp.bootstrap.config.SecurityInstance;
import io.wisp.bootstrap.config.ServerInstance;
import io.wisp.bootstrap.session.BootstrapFailure;
import io.wisp.bootstrap.session.BootstrapResult;
import io.wisp.bootstrap.session.BootstrapSession;
import io.wisp.bootstrap.testing.SequenceConfigStore;
import io.wisp.client.WispClient;
import io.wisp.client.engine.RetryPolicy;
import io.wisp.client.object.Requester;
import io.wisp.client.object.std.AccessControlObject;
import io.wisp.client.object.std.ServerObject;
import io.wisp.core.link.DiscoverLink;
import io.wisp.core.model.Version;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.MultipleResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.operation.BootstrapDeleteRequest;
import io.wisp.core.operation.BootstrapDiscoverResponse;
import io.wisp.core.operation.BootstrapFinishRequest;
import io.wisp.core.operation.BootstrapReadResponse;
import io.wisp.core.operation.ExecuteRequest;
import io.wisp.core.operation.ExecuteResponse;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.WispServer;
import io.wisp.server.registration.Registration;
import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapTransport;
import io.wisp.transport.UplinkResponse;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Wisp client against the Wisp Bootstrap-Server, then the Wisp server it was given, over real UDP on 127.0.0.1.
 * Scenarios follow the OMA ETS bootstrap cases (0–99); the client's side of each is judged here.
 */
class WispClientWispBootstrapTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int SSID = 101;

    private final BootstrapServerRecorder sessions = new BootstrapServerRecorder();
    private final RecordingBootstrapEvents clientEvents = new RecordingBootstrapEvents();
    private WispServer server;
    private WispBootstrapServer bootstrap;
    private WispClient client;

    @BeforeEach
    void start() {
        server = WispServer.builder().bindAddress(LOOPBACK).port(0).build();
        server.start();
        startBootstrapServer(null);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        bootstrap.close();
        server.close();
    }

    private void startBootstrapServer(BootstrapConfigStore store) {
        WispBootstrapServer.Builder b = WispBootstrapServer.builder().bindAddress(LOOPBACK).port(0)
                .requestTimeout(Duration.ofSeconds(5)).listener(sessions);
        if (store != null) {
            b.configStore(store);
        }
        bootstrap = b.build();
        bootstrap.start();
    }

    private static ConditionFactory waiting() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20));
    }

    private String serverUri() {
        return "coap://127.0.0.1:" + server.localAddress().getPort();
    }

    private BootstrapConfig.Builder account(long lifetime) {
        return BootstrapConfig.builder()
                .account(SecurityInstance.noSec(serverUri(), SSID), ServerInstance.of(SSID, lifetime));
    }

    /** Short timers so that a failed attempt is retried within a test. */
    private BootstrapSettings quickSettings() {
        return BootstrapSettings.DEFAULT.withEvents(clientEvents).withSessionTimeout(Duration.ofSeconds(10))
                .withRetry(new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(1), 1));
    }

    private WispClient.Builder bootstrapOnly(String endpoint) {
        return WispClient.builder(endpoint).bindAddress(LOOPBACK).requestTimeout(Duration.ofSeconds(5))
                .bootstrapServer(bootstrap.localAddress()).bootstrap(quickSettings());
    }

    private Registration awaitRegistration(String endpoint) {
        waiting().until(() -> server.registrations().byEndpoint(endpoint).isPresent() && client.isRegistered());
        return server.registrations().byEndpoint(endpoint).orElseThrow();
    }

    @Test
    void int_0_client_initiated_bootstrap_then_registration() {
        bootstrap.configs().put("ets-0", account(300).build());

        client = bootstrapOnly("ets-0").build();
        client.start();
        BootstrapResult result = sessions.awaitEnded(1).get(0);

        assertThat(result.isSuccess()).as("%s", result).isTrue();
        assertThat(result.session().kind()).isEqualTo(BootstrapSession.Kind.CLIENT_INITIATED);
        assertThat(result.steps()).extracting(s -> s.code()).containsExactly(ResponseCode.CONTENT,
                ResponseCode.DELETED, ResponseCode.CHANGED, ResponseCode.CHANGED, ResponseCode.CHANGED);
        BootstrapDiscoverResponse discovered = (BootstrapDiscoverResponse) result.steps().get(0).response();
        assertThat(discovered.lwm2mVersion()).contains(Version.V1_1);
        DiscoverLink account = discovered.link(LwM2mPath.of(0, 0)).orElseThrow();
        assertThat(account.ssid()).as("the Bootstrap-Server Account has no ssid").isEmpty();
        assertThat(account.uri()).contains("coap://127.0.0.1:" + bootstrap.localAddress().getPort());
        assertThat(discovered.paths()).contains(LwM2mPath.of(3, 0)).doesNotContain(LwM2mPath.of(1, 0));
        assertThat(result.steps().get(result.steps().size() - 1).request()).isEqualTo(BootstrapFinishRequest.of());

        Registration registration = awaitRegistration("ets-0");
        assertThat(registration.lifetime()).isEqualTo(300);
        assertThat(client.bootstrapState()).isEqualTo(BootstrapState.IDLE);
        assertThat(clientEvents.finished).hasSize(1);
        LwM2mObject security = (LwM2mObject) client.objects().read(Requester.LOCAL, LwM2mPath.of(0));
        assertThat(security.instances()).as("the Bootstrap-Server Account and the new server account")
                .containsOnlyKeys(0, 1);
        assertThat(security.instance(1).resource(10)).isEqualTo(SingleResource.of(10, Value.of(SSID)));
    }

    @Test
    void int_0_discover_after_bootstrap_names_both_accounts_with_ssid_and_uri() {
        bootstrap.configs().put("ets-0b", account(300).build());
        client = bootstrapOnly("ets-0b").build();
        client.start();
        awaitRegistration("ets-0b");

        // A second, server-initiated session: its Bootstrap-Discover shows what the first one wrote.
        BootstrapResult again = bootstrap.bootstrap("ets-0b", client.localAddress()).join();

        assertThat(again.isSuccess()).as("%s", again).isTrue();
        BootstrapDiscoverResponse discovered = (BootstrapDiscoverResponse) again.steps().get(0).response();
        assertThat(discovered.link(LwM2mPath.of(0, 1))).hasValueSatisfying(l -> {
            assertThat(l.ssid()).hasValue(SSID);
            assertThat(l.uri()).contains(serverUri());
        });
        assertThat(discovered.link(LwM2mPath.of(1, 0))).hasValueSatisfying(l -> assertThat(l.ssid()).hasValue(SSID));
        assertThat(clientEvents.sessions).containsExactly(true, false);
        waiting().until(() -> client.isRegistered());
    }

    @Test
    void int_4_bootstrap_delete_of_root_keeps_the_bootstrap_account_and_the_device() throws Exception {
        BootstrapConfig provision = account(300).build();
        BootstrapConfig deleteAll = BootstrapConfig.builder().delete("/").build();
        bootstrap.close();
        startBootstrapServer(new SequenceConfigStore("ets-4", provision, deleteAll, provision));

        client = bootstrapOnly("ets-4").build();
        client.start();
        awaitRegistration("ets-4");
        ExecuteResponse trigger = server.sendAndWait("ets-4", ExecuteRequest.of("/1/0/9"), Duration.ofSeconds(5));
        assertThat(trigger.code()).isEqualTo(ResponseCode.CHANGED);

        List<BootstrapResult> ended = sessions.awaitEnded(3);
        BootstrapResult deleted = ended.get(1);
        assertThat(deleted.steps().get(1).request()).isEqualTo(BootstrapDeleteRequest.all());
        assertThat(deleted.steps().get(1).code()).isEqualTo(ResponseCode.DELETED);
        // Nothing but the Bootstrap-Server Account is left: no server account, so Finish is refused.
        assertThat(deleted.failure()).hasValueSatisfying(f ->
                assertThat(f.reason()).isEqualTo(BootstrapFailure.Reason.INCONSISTENT_CONFIGURATION));

        BootstrapDiscoverResponse after = (BootstrapDiscoverResponse) ended.get(2).steps().get(0).response();
        assertThat(after.instances(0)).as("only the Bootstrap-Server Account survives").containsExactly(0);
        assertThat(after.link(LwM2mPath.of(0, 0))).hasValueSatisfying(l -> assertThat(l.ssid()).isEmpty());
        assertThat(after.instances(1)).as("the Server instance is gone").isEmpty();
        assertThat(after.instances(3)).as("the Device instance is kept").containsExactly(0);
        assertThat(ended.get(2).isSuccess()).as("%s", ended.get(2)).isTrue();
        waiting().until(() -> client.isRegistered());
    }

    @Test
    void int_5_bootstrap_request_trigger_starts_a_new_bootstrap() {
        bootstrap.configs().put("ets-5", account(300).build());
        client = bootstrapOnly("ets-5").build();
        client.start();
        Registration first = awaitRegistration("ets-5");
        bootstrap.configs().put("ets-5", account(120).build());

        ExecuteResponse trigger = server.sendAndWait("ets-5", ExecuteRequest.of("/1/0/9"), Duration.ofSeconds(5));

        assertThat(trigger.code()).isEqualTo(ResponseCode.CHANGED);
        List<BootstrapResult> ended = sessions.awaitEnded(2);
        assertThat(ended.get(1).isSuccess()).as("%s", ended.get(1)).isTrue();
        assertThat(ended.get(1).session().kind()).isEqualTo(BootstrapSession.Kind.CLIENT_INITIATED);
        assertThat(clientEvents.requested).hasSize(2).last().asString().contains("Bootstrap-Request Trigger");
        waiting().until(() -> server.registrations().byEndpoint("ets-5")
                .filter(r -> r.lifetime() == 120 && !r.id().equals(first.id())).isPresent());
    }

    @Test
    void int_6_bootstrap_sequence_registers_with_a_known_server_without_bootstrapping() {
        bootstrap.configs().put("ets-6", account(120).build());

        client = bootstrapOnly("ets-6").server(SSID, server.localAddress(), Duration.ofSeconds(300)).build();
        client.start();

        assertThat(awaitRegistration("ets-6").lifetime()).isEqualTo(300);
        assertThat(sessions.ended).isEmpty();
        assertThat(clientEvents.requested).isEmpty();
        assertThat(client.bootstrapState()).isEqualTo(BootstrapState.IDLE);
    }

    @Test
    void int_7_fallback_to_bootstrap_when_registration_fails() throws Exception {
        bootstrap.configs().put("ets-7", account(300).build());
        int unreachable;
        try (DatagramSocket closed = new DatagramSocket(0, LOOPBACK)) {
            unreachable = closed.getLocalPort();
        }

        client = bootstrapOnly("ets-7").requestTimeout(Duration.ofSeconds(2))
                .server(7, new InetSocketAddress(LOOPBACK, unreachable), Duration.ofSeconds(60)).build();
        ServerObject factory = (ServerObject) client.objects().find(1);
        factory.set(1, 17, Value.unsigned(1L));
        client.start();

        BootstrapResult result = sessions.awaitEnded(1).get(0);
        assertThat(result.isSuccess()).as("%s", result).isTrue();
        assertThat(clientEvents.requested).containsExactly("registration with every LwM2M Server failed");
        assertThat(awaitRegistration("ets-7").lifetime()).isEqualTo(300);
    }

    @Test
    void int_8_bootstrap_read_of_server_and_access_control() {
        bootstrap.configs().put("ets-8", account(300)
                .accessControl(AccessControlInstance.builder().target(1, 0)
                        .grant(SSID, AccessRight.READ, AccessRight.WRITE).owner(SSID).build())
                .read("/1").read("/2").build());

        client = bootstrapOnly("ets-8").object(new AccessControlObject()).build();
        client.start();
        BootstrapResult result = sessions.awaitEnded(1).get(0);

        assertThat(result.isSuccess()).as("%s", result).isTrue();
        List<BootstrapReadResponse> reads = result.steps().stream().map(s -> s.response())
                .filter(BootstrapReadResponse.class::isInstance).map(BootstrapReadResponse.class::cast).toList();
        assertThat(reads).hasSize(2).allSatisfy(r -> assertThat(r.code()).isEqualTo(ResponseCode.CONTENT));
        ObjectInstance server1 = ((LwM2mObject) reads.get(0).content()).instance(0);
        assertThat(server1.resource(0)).isEqualTo(SingleResource.of(0, Value.of(SSID)));
        assertThat(server1.resource(1)).isEqualTo(SingleResource.of(1, Value.of(300)));
        ObjectInstance acl = ((LwM2mObject) reads.get(1).content()).instance(0);
        assertThat(acl.resource(0)).isEqualTo(SingleResource.of(0, Value.of(1)));
        assertThat(((MultipleResource) acl.resource(2)).instance(SSID).value())
                .isEqualTo(Value.of(AccessRight.mask(AccessRight.READ, AccessRight.WRITE)));
        awaitRegistration("ets-8");
    }

    @Test
    void int_9_bootstrap_configuration_consistency_refused_with_4_06() {
        // A Security instance for server 456 without its Server instance, written raw as an operator's mistake.
        bootstrap.configs().put("ets-9", account(300)
                .write("/0/5", SecurityInstance.noSec("coap://127.0.0.1:9", 456).toNode(5)).build());

        client = bootstrapOnly("ets-9").build();
        client.start();
        BootstrapResult result = sessions.awaitEnded(1).get(0);

        BootstrapFailure failure = result.failure().orElseThrow();
        assertThat(failure.reason()).isEqualTo(BootstrapFailure.Reason.INCONSISTENT_CONFIGURATION);
        assertThat(failure.responseCode()).contains(ResponseCode.NOT_ACCEPTABLE);
        assertThat(failure.message()).contains("/0/5").contains("456");
        assertThat(clientEvents.failures).first().asString().contains("Bootstrap-Finish").contains("/0/5");
        assertThat(server.registrations().byEndpoint("ets-9")).isEmpty();
        // The client keeps trying: the next Bootstrap-Request comes on the retry schedule.
        sessions.awaitEnded(2);
    }

    @Test
    void int_12_bootstrap_pack_request() {
        bootstrap.configs().put("ets-12", account(240).build());

        client = WispClient.builder("ets-12").bindAddress(LOOPBACK).lwm2mVersion(Version.V1_2)
                .requestTimeout(Duration.ofSeconds(5)).bootstrapServer(bootstrap.localAddress())
                .bootstrap(quickSettings().withMode(BootstrapSettings.Mode.PACK)).build();
        client.start();

        BootstrapResult result = sessions.awaitEnded(1).get(0);
        assertThat(result.isSuccess()).as("%s", result).isTrue();
        assertThat(result.session().kind()).isEqualTo(BootstrapSession.Kind.PACK);
        assertThat(awaitRegistration("ets-12").lifetime()).isEqualTo(240);
        assertThat(clientEvents.sessions).isEmpty();
        LwM2mObject security = (LwM2mObject) client.objects().read(Requester.LOCAL, LwM2mPath.of(0));
        assertThat(security.instances()).containsOnlyKeys(0, 1);
        assertThat(security.instance(0).resource(1)).as("the Bootstrap-Server Account is untouched")
                .isEqualTo(SingleResource.of(1, Value.of(true)));
    }

    @Test
    void a_session_that_never_finishes_times_out_and_the_bootstrap_request_is_sent_again() {
        List<String> requests = new CopyOnWriteArrayList<>();
        // A Bootstrap-Server that accepts the Bootstrap-Request and then never sends a single operation.
        try (CoapTransport silent = CoapTransport.builder().udp("coap", new InetSocketAddress(LOOPBACK, 0))
                .route("bs", request -> {
                    requests.add(request.method() + " " + request.path() + " " + request.query());
                    return UplinkResponse.of(CoapCode.CHANGED);
                }).build()) {
            silent.start();
            client = WispClient.builder("quiet").bindAddress(LOOPBACK).requestTimeout(Duration.ofSeconds(5))
                    .bootstrapServer(silent.localAddress("coap"))
                    .bootstrap(quickSettings().withSessionTimeout(Duration.ofMillis(800))).build();
            client.start();

            waiting().until(() -> requests.size() >= 2);
            assertThat(requests.get(0)).isEqualTo("POST [bs] [ep=quiet, pct=112]");
            assertThat(clientEvents.failures).first().asString().contains("no Bootstrap-Finish");
            assertThat(clientEvents.sessions).first().isEqualTo(true);
            assertThat(client.isRegistered()).isFalse();
        }
    }
}
