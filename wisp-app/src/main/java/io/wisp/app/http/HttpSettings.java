package io.wisp.app.http;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the HTTP API listens.
 *
 * @param bind           the address to listen on; loopback by default
 * @param port           the TCP port (0 picks a free one)
 * @param tokenRequired  whether requests need the bearer token even on loopback (off loopback they always do)
 * @param corsOrigins    the origins allowed to call the API from a browser; empty (the default) sends no CORS
 *                       headers at all
 * @param defaultTimeout how long a device request waits for the answer when the caller gives no {@code timeout}
 */
public record HttpSettings(InetAddress bind, int port, boolean tokenRequired, List<String> corsOrigins,
        Duration defaultTimeout) {
    public HttpSettings {
        Objects.requireNonNull(bind, "bind");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        corsOrigins = List.copyOf(Objects.requireNonNull(corsOrigins, "corsOrigins"));
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
            throw new IllegalArgumentException("defaultTimeout must be positive, got " + defaultTimeout);
        }
    }

    /** Loopback, the given port, no CORS, no token, 10 s device timeout. */
    public static HttpSettings loopback(int port) {
        return new HttpSettings(InetAddress.getLoopbackAddress(), port, false, List.of(), Duration.ofSeconds(10));
    }

    /** Whether requests must carry the API token: always when listening beyond the loopback interface. */
    public boolean requiresToken() {
        return tokenRequired || !bind.isLoopbackAddress();
    }

    public HttpSettings withTokenRequired(boolean value) {
        return new HttpSettings(bind, port, value, corsOrigins, defaultTimeout);
    }

    public HttpSettings withCorsOrigins(List<String> value) {
        return new HttpSettings(bind, port, tokenRequired, value, defaultTimeout);
    }
}
