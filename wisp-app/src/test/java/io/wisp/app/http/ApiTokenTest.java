package io.wisp.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.server.WispServer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API token: issued once, stored hashed, required beyond loopback, checked on every request but /health. */
class ApiTokenTest {

    @Test
    void the_first_start_issues_a_token_keeps_only_its_hash_and_later_starts_find_it(@TempDir Path data)
            throws Exception {
        ApiToken.Issued first = ApiToken.loadOrCreate(data, new SecureRandom());
        ApiToken.Issued second = ApiToken.loadOrCreate(data, new SecureRandom());

        String secret = first.newSecret().orElseThrow();
        assertThat(secret).startsWith("wisp_").hasSizeGreaterThan(40);
        String stored = Files.readString(data.resolve(ApiToken.FILE));
        assertThat(stored).doesNotContain(secret).doesNotContain(secret.substring(5)).matches("[0-9a-f]{64}\\s*");
        assertThat(second.newSecret()).isEmpty();
        assertThat(second.token().accepts(secret)).isTrue();
        assertThat(second.token().accepts(secret + "x")).isFalse();
        assertThat(second.token().accepts(null)).isFalse();
    }

    @Test
    void a_stored_hash_that_is_not_one_is_refused_rather_than_replaced(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve(ApiToken.FILE), "not a hash\n");

        assertThatThrownBy(() -> ApiToken.loadOrCreate(data, new SecureRandom()))
                .hasMessageContaining(ApiToken.FILE).hasMessageContaining("delete it");
        assertThat(Files.readString(data.resolve(ApiToken.FILE))).isEqualTo("not a hash\n");
    }

    @Test
    void listening_beyond_loopback_requires_a_token() throws Exception {
        assertThat(HttpSettings.loopback(0).requiresToken()).isFalse();
        assertThat(new HttpSettings(InetAddress.getByName("::1"), 0, false, java.util.List.of(),
                java.time.Duration.ofSeconds(1)).requiresToken()).isFalse();
        HttpSettings wildcard = new HttpSettings(InetAddress.getByName("0.0.0.0"), 0, false, java.util.List.of(),
                java.time.Duration.ofSeconds(1));
        assertThat(wildcard.requiresToken()).isTrue();
        assertThat(new HttpSettings(InetAddress.getByName("192.0.2.1"), 0, false, java.util.List.of(),
                java.time.Duration.ofSeconds(1)).requiresToken()).isTrue();

        try (WispServer server = WispServer.builder().port(0).build()) {
            assertThatThrownBy(() -> HttpApi.start(server, wildcard, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token");
        }
    }

    @Test
    void with_the_token_required_every_request_but_health_needs_it() throws Exception {
        try (WispServer server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0)
                .build()) {
            server.start();
            try (HttpApi api = HttpApi.start(server, HttpSettings.loopback(0).withTokenRequired(true),
                    ApiToken.ofSecret("wisp_s3cret"))) {
                Http anonymous = new Http(api.port());
                Http wrong = new Http(api.port(), "wisp_guess");
                Http right = new Http(api.port(), "wisp_s3cret");

                Http.Reply refused = anonymous.get("/api/v1/clients");
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.contentType()).startsWith(ApiProblem.CONTENT_TYPE);
                assertThat(refused.raw().headers().firstValue("WWW-Authenticate")).contains("Bearer");
                assertThat(wrong.get("/api/v1/clients").status()).isEqualTo(401);
                assertThat(anonymous.get("/metrics").status()).isEqualTo(401);
                assertThat(anonymous.method("DELETE", "/api/v1/clients/x/3/0", null).status()).isEqualTo(401);
                try (EventStream stream = EventStream.open(anonymous, "")) {
                    assertThat(stream.response.statusCode()).isEqualTo(401);
                }
                assertThat(right.get("/api/v1/clients").status()).isEqualTo(200);
                assertThat(anonymous.get("/health").status()).isEqualTo(200);
            }
        }
    }
}
