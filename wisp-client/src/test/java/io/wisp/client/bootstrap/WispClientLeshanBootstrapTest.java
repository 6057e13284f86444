package io.wisp.client.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.client.WispClient;
import io.wisp.client.engine.RetryPolicy;
import io.wisp.client.object.Requester;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.WispServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.core.ConditionFactory;
import org.eclipse.leshan.core.SecurityMode;
import org.eclipse.leshan.core.endpoint.Protocol;
import org.eclipse.leshan.core.link.lwm2m.LwM2mLink;
import org.eclipse.leshan.core.link.lwm2m.attributes.LwM2mAttributes;
import org.eclipse.leshan.core.request.BindingMode;
import org.eclipse.leshan.core.request.BootstrapDownlinkRequest;
import org.eclipse.leshan.core.request.ContentFormat;
import org.eclipse.leshan.core.response.BootstrapDiscoverResponse;
import org.eclipse.leshan.core.response.LwM2mResponse;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.LeshanServerBuilder;
import org.eclipse.leshan.server.bootstrap.BootstrapConfig;
import org.eclipse.leshan.server.bootstrap.BootstrapFailureCause;
import org.eclipse.leshan.server.bootstrap.BootstrapSession;
import org.eclipse.leshan.server.bootstrap.BootstrapSessionAdapter;
import org.eclipse.leshan.server.bootstrap.InMemoryBootstrapConfigStore;
import org.eclipse.leshan.server.bootstrap.LeshanBootstrapServer;
import org.eclipse.leshan.server.bootstrap.LeshanBootstrapServerBuilder;
import org.eclipse.leshan.server.californium.bootstrap.endpoint.CaliforniumBootstrapServerEndpointsProvider;
import org.eclipse.leshan.server.californium.bootstrap.endpoint.coap.CoapBootstrapServerProtocolProvider;
import org.eclipse.leshan.server.californium.endpoint.CaliforniumServerEndpointsProvider;
import org.eclipse.leshan.server.californium.endpoint.coap.CoapServerProtocolProvider;
import org.eclipse.leshan.server.registration.Registration;
import org.eclipse.leshan.server.registration.InMemoryRegistrationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Wisp client against Leshan's Bootstrap-Server (leshan-server-cf 2.0.0-M15) over real UDP on 127.0.0.1, then
 * registering with the server it was given: the Wisp server or Leshan's. ETS bootstrap cases, client side.
 */
class WispClientLeshanBootstrapTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final List<String> ended = new CopyOnWriteArrayList<>();
    private final List<LwM2mLink[]> discovered = new CopyOnWriteArrayList<>();
    private final RecordingBootstrapEvents clientEvents = new RecordingBootstrapEvents();
    private InMemoryBootstrapConfigStore configs;
    private LeshanBootstrapServer bootstrap;
    private WispClient client;

    @BeforeEach
    void start() {
        configs = new InMemoryBootstrapConfigStore();
        CaliforniumBootstrapServerEndpointsProvider endpoints = new CaliforniumBootstrapServerEndpointsProvider
                .Builder(new CoapBootstrapServerProtocolProvider())
                .addEndpoint(new InetSocketAddress(LOOPBACK, 0), Protocol.COAP).build();
        bootstrap = new LeshanBootstrapServerBuilder().setEndpointsProviders(endpoints).setConfigStore(configs)
                .build();
        bootstrap.addListener(new BootstrapSessionAdapter() {
            @Override
            public void onResponseSuccess(BootstrapSession session,
                    BootstrapDownlinkRequest<? extends LwM2mResponse> request, LwM2mResponse response) {
                if (response instanceof BootstrapDiscoverResponse d) {
                    discovered.add(d.getObjectLinks());
                }
            }

            @Override
            public void end(BootstrapSession session) {
                ended.add("success");
            }

            @Override
            public void failed(BootstrapSession session, BootstrapFailureCause cause) {
                ended.add(cause.name());
            }
        });
        bootstrap.start();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        bootstrap.destroy();
    }

    private static ConditionFactory waiting() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20));
    }

    private InetSocketAddress bootstrapAddress() {
        return new InetSocketAddress(LOOPBACK, bootstrap.getEndpoint(Protocol.COAP).getURI().getPort());
    }

    private static BootstrapConfig config(String serverUri, int ssid, int lifetime) {
        BootstrapConfig config = new BootstrapConfig();
        config.toDelete.add("/0");
        config.toDelete.add("/1");
        BootstrapConfig.ServerSecurity security = new BootstrapConfig.ServerSecurity();
        security.uri = serverUri;
        security.securityMode = SecurityMode.NO_SEC;
        security.serverId = ssid;
        config.security.put(1, security);
        BootstrapConfig.ServerConfig server = new BootstrapConfig.ServerConfig();
        server.shortId = ssid;
        server.lifetime = lifetime;
        server.binding = EnumSet.of(BindingMode.U);
        config.servers.put(0, server);
        return config;
    }

    private WispClient.Builder bootstrapOnly(String endpoint) {
        return WispClient.builder(endpoint).bindAddress(LOOPBACK).requestTimeout(Duration.ofSeconds(5))
                .bootstrapServer(bootstrapAddress())
                .bootstrap(BootstrapSettings.DEFAULT.withEvents(clientEvents)
                        .withRetry(new RetryPolicy(3, Duration.ofMillis(300), Duration.ofSeconds(1), 1)));
    }

    @Test
    void int_0_client_initiated_bootstrap_from_leshan_then_registration_with_wisp_server() throws Exception {
        try (WispServer server = WispServer.builder().bindAddress(LOOPBACK).port(0).build()) {
            server.start();
            configs.add("leshan-0", config("coap://127.0.0.1:" + server.localAddress().getPort(), 44, 200));

            client = bootstrapOnly("leshan-0").build();
            client.start();

            waiting().until(() -> !ended.isEmpty());
            assertThat(ended).containsExactly("success");
            waiting().until(() -> client.isRegistered() && server.registrations().byEndpoint("leshan-0").isPresent());
            assertThat(server.registrations().byEndpoint("leshan-0").orElseThrow().lifetime()).isEqualTo(200);
            LwM2mObject security = (LwM2mObject) client.objects().read(Requester.LOCAL, LwM2mPath.of(0));
            assertThat(security.instances()).containsOnlyKeys(0, 1);
            assertThat(security.instance(1).resource(10)).isEqualTo(SingleResource.of(10, Value.of(44)));
            assertThat(clientEvents.served).containsExactly("DELETE /0 2.02 Deleted", "DELETE /1 2.02 Deleted",
                    "PUT /0/1 2.04 Changed", "PUT /1/0 2.04 Changed", "POST /bs 2.04 Changed");
        }
    }

    @Test
    void int_0_leshan_reads_the_bootstrap_discover_and_writes_tlv_then_registration_with_leshan_server()
            throws Exception {
        CaliforniumServerEndpointsProvider endpoints = new CaliforniumServerEndpointsProvider.Builder(
                new CoapServerProtocolProvider()).addEndpoint(new InetSocketAddress(LOOPBACK, 0), Protocol.COAP)
                .build();
        LeshanServer leshan = new LeshanServerBuilder().setEndpointsProviders(endpoints)
                .setRegistrationStore(new InMemoryRegistrationStore()).build();
        leshan.start();
        try {
            int port = leshan.getEndpoint(Protocol.COAP).getURI().getPort();
            BootstrapConfig config = config("coap://127.0.0.1:" + port, 45, 180);
            config.autoIdForSecurityObject = true;
            config.contentFormat = ContentFormat.TLV;
            configs.add("leshan-0-tlv", config);

            client = bootstrapOnly("leshan-0-tlv").build();
            client.start();

            waiting().until(() -> !ended.isEmpty());
            assertThat(ended).containsExactly("success");
            LwM2mLink[] links = discovered.get(0);
            LwM2mLink account = Arrays.stream(links).filter(l -> l.getPath().toString().equals("/0/0")).findFirst()
                    .orElseThrow();
            assertThat(account.getAttributes().contains(LwM2mAttributes.SHORT_SERVER_ID)).isFalse();
            assertThat(Arrays.stream(links).map(l -> l.getPath().toString())).contains("/", "/3/0");
            waiting().until(() -> client.isRegistered()
                    && leshan.getRegistrationService().getByEndpoint("leshan-0-tlv") != null);
            Registration registration = leshan.getRegistrationService().getByEndpoint("leshan-0-tlv");
            assertThat(registration.getLifeTimeInSec()).isEqualTo(180);
        } finally {
            leshan.destroy();
        }
    }

    @Test
    void int_9_leshan_sees_the_finish_refused_when_the_server_account_is_incomplete() throws Exception {
        BootstrapConfig config = config("coap://127.0.0.1:9", 46, 100);
        config.servers.clear();
        configs.add("leshan-9", config);

        client = bootstrapOnly("leshan-9").build();
        client.start();

        waiting().until(() -> !ended.isEmpty());
        assertThat(ended.get(0)).isEqualTo("FINISH_FAILED");
        assertThat(clientEvents.failures).first().asString().contains("/0/1").contains("46");
        assertThat(client.isRegistered()).isFalse();
    }

    /**
     * Leshan's bootstrap server writes a PSK account (Security Mode 0, identity and key as Leshan encodes them) for a
     * coaps Wisp server; the client registers there over DTLS with that identity (ETS int-0 then int-401).
     */
    @Test
    void int_0_leshan_provides_psk_credentials_then_registration_over_dtls() throws Exception {
        try (WispServer server = WispServer.builder().bindAddress(LOOPBACK).port(0).securePort(0).build()) {
            server.start();
            byte[] key = "leshan-bs-key-16".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            server.securityStore().add(io.wisp.transport.security.SecurityInfo.psk("leshan-psk", "leshan-psk-id", key));
            BootstrapConfig config = config("coaps://127.0.0.1:" + server.secureAddress().getPort(), 47, 200);
            BootstrapConfig.ServerSecurity security = config.security.get(1);
            security.securityMode = SecurityMode.PSK;
            security.publicKeyOrId = "leshan-psk-id".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            security.secretKey = key;
            configs.add("leshan-psk", config);

            client = bootstrapOnly("leshan-psk").build();
            client.start();

            waiting().until(() -> client.isRegistered() && server.registrations().byEndpoint("leshan-psk").isPresent());
            assertThat(server.registrations().byEndpoint("leshan-psk").orElseThrow().identity())
                    .isEqualTo(io.wisp.transport.PeerIdentity.psk("leshan-psk-id"));
        }
    }

    /**
     * Leshan's bootstrap server writes an RPK account the way Leshan encodes keys (DER SubjectPublicKeyInfo and
     * PKCS#8); the client decodes them and registers over DTLS with the Wisp server, which knows the client's key.
     */
    @Test
    void int_0_leshan_provides_rpk_credentials_then_registration_over_dtls() throws Exception {
        java.security.KeyPair serverKeys = io.wisp.transport.testing.TestCertificates.ecKeyPair();
        java.security.KeyPair clientKeys = io.wisp.transport.testing.TestCertificates.ecKeyPair();
        try (WispServer server = WispServer.builder().bindAddress(LOOPBACK).port(0).securePort(0)
                .serverCredentials(io.wisp.transport.OwnCredentials.rawPublicKey(serverKeys.getPrivate(),
                        serverKeys.getPublic())).build()) {
            server.start();
            server.securityStore().add(io.wisp.transport.security.SecurityInfo.rpk("leshan-rpk",
                    clientKeys.getPublic()));
            BootstrapConfig config = config("coaps://127.0.0.1:" + server.secureAddress().getPort(), 48, 200);
            BootstrapConfig.ServerSecurity security = config.security.get(1);
            security.securityMode = SecurityMode.RPK;
            security.publicKeyOrId = clientKeys.getPublic().getEncoded();
            security.serverPublicKey = serverKeys.getPublic().getEncoded();
            security.secretKey = clientKeys.getPrivate().getEncoded();
            configs.add("leshan-rpk", config);

            client = bootstrapOnly("leshan-rpk").build();
            client.start();

            waiting().until(() -> client.isRegistered() && server.registrations().byEndpoint("leshan-rpk").isPresent());
            assertThat(server.registrations().byEndpoint("leshan-rpk").orElseThrow().identity())
                    .isEqualTo(io.wisp.transport.PeerIdentity.rpk(clientKeys.getPublic()));
        }
    }
}
