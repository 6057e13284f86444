package io.wisp.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.server.WispServer;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CORS is off by default: a browser page from another origin may call the API only when its origin is allowed. */
class CorsTest {
    private static final String ORIGIN = "https://console.example";

    private static HttpResponse<String> fromPage(Http http) throws Exception {
        return http.client().send(http.request("/api/v1/clients").header("Origin", ORIGIN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void no_cors_headers_unless_an_origin_is_allowed() throws Exception {
        try (WispServer server = WispServer.builder().bindAddress(InetAddress.getByName("127.0.0.1")).port(0)
                .build()) {
            server.start();
            try (HttpApi closed = HttpApi.start(server, HttpSettings.loopback(0), null);
                    HttpApi open = HttpApi.start(server, HttpSettings.loopback(0).withCorsOrigins(List.of(ORIGIN)),
                            null)) {
                HttpResponse<String> refused = fromPage(new Http(closed.port()));
                HttpResponse<String> allowed = fromPage(new Http(open.port()));

                assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
                assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
            }
        }
    }
}
