package io.wisp.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wisp.server.WispServer;
import io.wisp.server.registration.Registration;
import io.wisp.transport.HandshakeFailures.Reason;
import io.wisp.transport.PeerIdentity;
import io.wisp.transport.security.SecurityInfo;
import io.wisp.transport.testing.Closer;
import io.wisp.transport.testing.DtlsTestClient;
import io.wisp.transport.testing.ScriptedPeer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registration interface over DTLS at the wire level, with hand-made requests from Scandium clients (not Leshan,
 * which never sends another client's Update): a registration belongs to the identity that made it, so an Update or
 * De-register from another DTLS identity or from plain CoAP gets 4.03 and changes nothing (Core TS §6.2.2–6.2.3,
 * Transport TS §5.2). The server here has no key pair of its own: its CoAPs connector offers PSK only.
 */
class SecurityWireTest {
    private static final byte[] KEY_A = "key-of-client-a!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_B = "key-of-client-b!".getBytes(StandardCharsets.US_ASCII);

    private final Closer closer = new Closer();
    private WispServer server;
    private DtlsTestClient clientA;
    private DtlsTestClient clientB;
    private ScriptedPeer plain;

    @BeforeEach
    void start() throws Exception {
        server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0).securePort(0).build();
        server.securityStore().add(SecurityInfo.psk("wire-a", "id-a", KEY_A));
        server.securityStore().add(SecurityInfo.psk("wire-b", "id-b", KEY_B));
        server.start();
        clientA = closer.closeLater(DtlsTestClient.psk("id-a", KEY_A));
        clientB = closer.closeLater(DtlsTestClient.psk("id-b", KEY_B));
        plain = closer.closeLater(new ScriptedPeer());
    }

    @AfterEach
    void stop() throws Exception {
        closer.closeAll();
        server.close();
    }

    private static Request register(String endpoint) {
        Request post = Request.newPost();
        post.getOptions().setUriPath("rd").addUriQuery("ep=" + endpoint).addUriQuery("lt=300")
                .addUriQuery("lwm2m=1.1").setContentFormat(40);
        post.setPayload("</1/0>,</3/0>");
        return post;
    }

    private static Request update(String location, String lifetime) {
        Request post = Request.newPost();
        post.getOptions().setUriPath(location).addUriQuery("lt=" + lifetime);
        return post;
    }

    private static Request deregister(String location) {
        Request delete = Request.newDelete();
        delete.getOptions().setUriPath(location);
        return delete;
    }

    @Test
    void only_the_identity_that_registered_may_update_or_deregister() {
        InetSocketAddress coaps = server.secureAddress();
        Response created = clientA.send(coaps, register("wire-a"));
        assertThat(created.getCode()).isEqualTo(ResponseCode.CREATED);
        String location = created.getOptions().getLocationPathString();
        Registration before = server.registrations().byEndpoint("wire-a").orElseThrow();
        assertThat(before.identity()).isEqualTo(PeerIdentity.psk("id-a"));

        assertThat(clientB.send(coaps, update(location, "60")).getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(plain.send(server.localAddress(), update(location, "60")).getCode())
                .isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(clientB.send(coaps, deregister(location)).getCode()).isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(plain.send(server.localAddress(), deregister(location)).getCode())
                .isEqualTo(ResponseCode.FORBIDDEN);

        Registration unchanged = server.registrations().byEndpoint("wire-a").orElseThrow();
        assertThat(unchanged.lifetime()).isEqualTo(300);
        assertThat(unchanged.peer()).isEqualTo(before.peer());

        assertThat(clientA.send(coaps, update(location, "60")).getCode()).isEqualTo(ResponseCode.CHANGED);
        assertThat(server.registrations().byEndpoint("wire-a").orElseThrow().lifetime()).isEqualTo(60);
        assertThat(clientA.send(coaps, deregister(location)).getCode()).isEqualTo(ResponseCode.DELETED);
        assertThat(server.registrations().byEndpoint("wire-a")).isEmpty();
    }

    @Test
    void a_psk_client_registering_as_another_endpoint_gets_4_03_and_a_nosec_client_as_a_secured_one_too() {
        assertThat(clientB.send(server.secureAddress(), register("wire-a")).getCode())
                .isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(plain.send(server.localAddress(), register("wire-a")).getCode())
                .isEqualTo(ResponseCode.FORBIDDEN);
        assertThat(server.registrations().byEndpoint("wire-a")).isEmpty();

        assertThat(plain.send(server.localAddress(), register("wire-open")).getCode())
                .isEqualTo(ResponseCode.CREATED);
        assertThat(clientB.send(server.secureAddress(), register("wire-b")).getCode())
                .isEqualTo(ResponseCode.CREATED);
    }

    @Test
    void a_dtls_client_may_leave_ep_out_and_registers_as_the_endpoint_its_identity_is_bound_to() {
        Request withoutEp = register("ignored");
        withoutEp.getOptions().clearUriQuery().addUriQuery("lt=300").addUriQuery("lwm2m=1.1");

        assertThat(clientB.send(server.secureAddress(), withoutEp).getCode()).isEqualTo(ResponseCode.CREATED);
        assertThat(server.registrations().byEndpoint("wire-b").orElseThrow().identity())
                .isEqualTo(PeerIdentity.psk("id-b"));

        Request plainWithoutEp = register("ignored");
        plainWithoutEp.getOptions().clearUriQuery().addUriQuery("lt=300");
        assertThat(plain.send(server.localAddress(), plainWithoutEp).getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
    }

    @Test
    void removing_an_endpoints_credentials_refuses_its_next_handshake() {
        assertThat(clientA.send(server.secureAddress(), register("wire-a")).getCode())
                .isEqualTo(ResponseCode.CREATED);

        assertThat(server.securityStore().remove("wire-a")).isTrue();
        DtlsTestClient again = closer.closeLater(DtlsTestClient.psk("id-a", KEY_A));
        again.sendAsync(server.secureAddress(), register("wire-a"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> server.handshakeFailures().count(Reason.UNKNOWN_PSK_IDENTITY) == 1);
    }
}
