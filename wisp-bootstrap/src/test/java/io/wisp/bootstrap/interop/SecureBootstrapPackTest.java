package io.wisp.bootstrap.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.bootstrap.WispBootstrapServer;
import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.SecurityInstance;
import io.wisp.bootstrap.config.ServerInstance;
import io.wisp.bootstrap.session.BootstrapRefusal;
import io.wisp.bootstrap.testing.RecordingBootstrapListener;
import io.wisp.core.codec.ContentFormat;
import io.wisp.transport.CoapCode;
import io.wisp.transport.PeerIdentity;
import io.wisp.transport.security.CredentialSummary;
import io.wisp.transport.security.SecurityInfo;
import io.wisp.transport.testing.DtlsTestClient;
import io.wisp.transport.testing.ScriptedPeer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bootstrap-Pack-Request ({@code GET /bspack}, Core TS 1.2 §6.1) on the Bootstrap-Server's CoAPs connector, from a
 * DTLS client built on Scandium directly: a client gets its own configuration over DTLS-PSK (ETS int-12), never
 * another endpoint's (4.03), and an endpoint with credentials gets nothing over plain CoAP (4.03). The credential
 * store lists endpoints without keys.
 */
class SecureBootstrapPackTest {
    private static final byte[] DEVICE_KEY = HexFormat.of().parseHex("0123456789abcdef0123456789abcdef");
    private static final byte[] OTHER_KEY = HexFormat.of().parseHex("fedcba9876543210fedcba9876543210");

    private final RecordingBootstrapListener events = new RecordingBootstrapListener();
    private WispBootstrapServer bootstrap;

    @BeforeEach
    void start() throws Exception {
        bootstrap = WispBootstrapServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0)
                .securePort(0).requestTimeout(Duration.ofSeconds(2)).listener(events).build();
        bootstrap.start();
        for (String endpoint : new String[] {"ets-12", "ets-12-other"}) {
            bootstrap.configs().put(endpoint, BootstrapConfig.builder()
                    .account(SecurityInstance.psk("coaps://127.0.0.1:5684", 101, endpoint + "-dm", DEVICE_KEY),
                            ServerInstance.of(101, 300))
                    .build());
        }
        bootstrap.securityStore().add(SecurityInfo.psk("ets-12", "ets-12-id", DEVICE_KEY));
        bootstrap.securityStore().add(SecurityInfo.psk("ets-12-other", "ets-12-other-id", OTHER_KEY));
    }

    @AfterEach
    void stop() {
        bootstrap.close();
    }

    private static Request pack(String endpoint) {
        Request request = Request.newGet();
        request.getOptions().setUriPath("bspack").setUriQuery("ep=" + endpoint);
        return request;
    }

    @Test
    void int_12_bootstrap_pack_request_over_dtls_psk_gets_the_own_configuration() {
        try (DtlsTestClient client = DtlsTestClient.psk("ets-12-id", DEVICE_KEY)) {
            Response response = client.send(bootstrap.secureAddress(), pack("ets-12"));

            assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
            assertThat(response.getOptions().getContentFormat()).isEqualTo(ContentFormat.SENML_CBOR.code());
            assertThat(new String(response.getPayload(), StandardCharsets.ISO_8859_1)).contains("ets-12-dm");
        }
        assertThat(events.started).singleElement().satisfies(s -> {
            assertThat(s.peer().connector()).isEqualTo(WispBootstrapServer.COAPS);
            assertThat(s.peer().identity()).isEqualTo(PeerIdentity.psk("ets-12-id"));
        });
    }

    @Test
    void int_12_a_bootstrap_pack_request_for_another_endpoint_gets_4_03_and_no_configuration() {
        try (DtlsTestClient client = DtlsTestClient.psk("ets-12-id", DEVICE_KEY)) {
            Response response = client.send(bootstrap.secureAddress(), pack("ets-12-other"));

            assertThat(response.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
            assertThat(new String(response.getPayload(), StandardCharsets.ISO_8859_1)).doesNotContain("-dm");
        }
        assertThat(events.started).isEmpty();
        assertThat(events.refused).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(CoapCode.FORBIDDEN);
            assertThat(r.endpoint()).isEqualTo("ets-12-other");
        });
    }

    @Test
    void int_12_a_plain_coap_bootstrap_pack_request_for_an_endpoint_with_credentials_gets_4_03() {
        try (ScriptedPeer client = ScriptedPeer.silent()) {
            Response response = client.send(bootstrap.localAddress(), pack("ets-12"));

            assertThat(response.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        }
        assertThat(events.refused).extracting(BootstrapRefusal::code).containsExactly(CoapCode.FORBIDDEN);
        assertThat(events.started).isEmpty();
    }

    @Test
    void int_0_a_plain_coap_bootstrap_request_for_an_endpoint_with_credentials_gets_4_03() {
        try (ScriptedPeer client = ScriptedPeer.silent()) {
            Request post = Request.newPost();
            post.getOptions().setUriPath("bs").setUriQuery("ep=ets-12");
            Response response = client.send(bootstrap.localAddress(), post);

            assertThat(response.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        }
        assertThat(events.started).isEmpty();
    }

    @Test
    void int_5_server_initiated_bootstrap_over_plain_coap_is_refused_for_an_endpoint_with_credentials() {
        try (ScriptedPeer client = ScriptedPeer.silent()) {
            assertThatThrownBy(() -> bootstrap.bootstrap("ets-12", client.address()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PSK credentials");
        }
        assertThat(events.started).isEmpty();
    }

    @Test
    void the_credential_store_lists_endpoints_modes_and_identities_without_keys_and_removes_them() {
        assertThat(bootstrap.securityStore().list()).containsExactly(
                new CredentialSummary("ets-12", PeerIdentity.psk("ets-12-id")),
                new CredentialSummary("ets-12-other", PeerIdentity.psk("ets-12-other-id")));
        assertThat(bootstrap.securityStore().list().toString()).doesNotContain(HexFormat.of().formatHex(DEVICE_KEY));
        assertThat(bootstrap.securityStore().byEndpoint("ets-12").orElseThrow().toString())
                .doesNotContain(HexFormat.of().formatHex(DEVICE_KEY));

        assertThat(bootstrap.securityStore().remove("ets-12")).isTrue();

        try (DtlsTestClient client = DtlsTestClient.psk("ets-12-id", DEVICE_KEY)) {
            assertThat(client.send(bootstrap.secureAddress(), pack("ets-12"))).as("no handshake, no answer").isNull();
        }
        try (ScriptedPeer client = ScriptedPeer.silent()) {
            assertThat(client.send(bootstrap.localAddress(), pack("ets-12")).getCode())
                    .as("without credentials the endpoint may bootstrap over plain CoAP again")
                    .isEqualTo(ResponseCode.CONTENT);
        }
    }
}
