package io.wisp.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.server.WispServer;
import io.wisp.transport.PeerIdentity;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /api/v1/security} over real HTTP against the server's credential store: credentials added in each mode are
 * listed and used by the store the DTLS connector asks, keys never come back in any answer, and bad input is a 400
 * naming the member.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityApiTest {
    private static final String KEY_HEX = "00112233445566778899aabbccddeeff";

    private WispServer server;
    private HttpApi api;
    private Http http;

    @BeforeAll
    void start() throws Exception {
        server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0)
                .models(ModelRegistry.bundled()).build();
        server.start();
        api = HttpApi.start(server, HttpSettings.loopback(0), null);
        http = new Http(api.port());
    }

    @AfterAll
    void stop() {
        api.close();
        server.close();
    }

    @Test
    void psk_credentials_go_into_the_store_and_the_key_never_comes_back() {
        Http.Reply added = http.put("/api/v1/security/sec-psk",
                "{\"mode\":\"PSK\",\"identity\":\"sec-psk-id\",\"key\":\"" + KEY_HEX + "\"}");

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("identity").asText()).isEqualTo("sec-psk-id");
        assertThat(server.securityStore().byIdentity(PeerIdentity.psk("sec-psk-id")))
                .as("the DTLS connector finds the key by identity").isPresent();
        Http.Reply list = http.get("/api/v1/security");
        Http.Reply one = http.get("/api/v1/security/sec-psk");
        assertThat(list.json().path("items").findValuesAsText("endpoint")).contains("sec-psk");
        assertThat(one.json().path("mode").asText()).isEqualTo("PSK");
        for (Http.Reply r : new Http.Reply[] {added, list, one}) {
            assertThat(r.body()).doesNotContainIgnoringCase(KEY_HEX).doesNotContain("key\"");
        }
        Http.Reply replaced = http.put("/api/v1/security/sec-psk",
                "{\"mode\":\"PSK\",\"identity\":\"sec-psk-id2\",\"key\":\"0102\"}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(server.securityStore().byIdentity(PeerIdentity.psk("sec-psk-id"))).isEmpty();
    }

    @Test
    void rpk_and_x509_credentials_are_added_with_post_and_removed() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        String pub = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());

        Http.Reply rpk = http.post("/api/v1/security",
                "{\"endpoint\":\"sec-rpk\",\"mode\":\"RPK\",\"publicKey\":\"" + pub + "\"}", "application/json");
        Http.Reply x509 = http.put("/api/v1/security/sec-x509", "{\"mode\":\"X509\"}");

        assertThat(rpk.status()).isEqualTo(201);
        assertThat(rpk.json().path("identity").asText()).isEqualTo(PeerIdentity.rpk(pair.getPublic()).name());
        assertThat(rpk.body()).doesNotContain(pub);
        assertThat(x509.json().path("identity").asText()).as("the CN defaults to the endpoint").isEqualTo("sec-x509");
        assertThat(server.securityStore().byIdentity(PeerIdentity.x509("sec-x509"))).isPresent();

        assertThat(http.delete("/api/v1/security/sec-x509").status()).isEqualTo(204);
        assertThat(server.securityStore().byEndpoint("sec-x509")).isEmpty();
        assertThat(http.delete("/api/v1/security/sec-x509").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/security").json().path("items").findValuesAsText("endpoint"))
                .contains("sec-rpk").doesNotContain("sec-x509");
    }

    @Test
    void bad_input_is_a_400_naming_the_member() {
        assertThat(field(http.put("/api/v1/security/sec-bad", "{\"mode\":\"PSK\",\"identity\":\"i\",\"key\":\"zz\"}")))
                .isEqualTo("key");
        assertThat(field(http.put("/api/v1/security/sec-bad", "{\"mode\":\"PSK\",\"key\":\"00\"}")))
                .isEqualTo("identity");
        assertThat(field(http.put("/api/v1/security/sec-bad", "{\"mode\":\"OSCORE\"}"))).isEqualTo("mode");
        assertThat(field(http.put("/api/v1/security/sec-bad", "{\"mode\":\"RPK\",\"publicKey\":\"AAAA\"}")))
                .isEqualTo("publicKey");
        assertThat(field(http.post("/api/v1/security", "{\"mode\":\"X509\"}", "application/json")))
                .isEqualTo("endpoint");
        assertThat(server.securityStore().byEndpoint("sec-bad")).isEmpty();
    }

    @Test
    void an_identity_bound_to_another_endpoint_is_a_conflict() {
        http.put("/api/v1/security/sec-a", "{\"mode\":\"PSK\",\"identity\":\"shared\",\"key\":\"01\"}");

        Http.Reply r = http.put("/api/v1/security/sec-b", "{\"mode\":\"PSK\",\"identity\":\"shared\",\"key\":\"02\"}");

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body()).doesNotContain("\"02\"");
        assertThat(server.securityStore().byEndpoint("sec-b")).isEmpty();
    }

    private static String field(Http.Reply r) {
        assertThat(r.status()).as("%s", r).isEqualTo(400);
        assertThat(r.contentType()).startsWith(ApiProblem.CONTENT_TYPE);
        return r.json().path("field").asText();
    }
}
