package io.wisp.app;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code wisp server} runs with, resolved from its flags, its {@code --config} file and the defaults, and
 * checked: each mistake is a {@link ConfigException} naming the setting as the flag and the file name it.
 *
 * @param coapBind           the address the CoAP, CoAPs and bootstrap ports bind to
 * @param coapPort           the LwM2M server's CoAP/UDP port (0: any free one)
 * @param coapsPort          its CoAP-over-DTLS port, or -1 for none
 * @param bootstrapPort      the bootstrap server's CoAP/UDP port, or -1 for no bootstrap server
 * @param bootstrapCoapsPort the bootstrap server's CoAP-over-DTLS port, or -1 for none
 * @param httpBind           the address of the HTTP API and console
 * @param httpPort           their TCP port
 * @param tokenRequired      whether the API needs its token on loopback too
 * @param corsOrigins        the browser origins allowed to call the API
 * @param data               the data directory (database, API token hash)
 * @param models             directories of extra object definitions (DDF XML)
 */
record ServerSettings(InetAddress coapBind, int coapPort, int coapsPort, int bootstrapPort, int bootstrapCoapsPort,
        InetAddress httpBind, int httpPort, boolean tokenRequired, List<String> corsOrigins, Path data,
        List<Path> models) {

    static final int DEFAULT_COAP_PORT = 5683;
    static final int DEFAULT_COAPS_PORT = 5684;
    static final int DEFAULT_BOOTSTRAP_PORT = 5783;
    static final int DEFAULT_BOOTSTRAP_COAPS_PORT = 5784;
    static final int DEFAULT_HTTP_PORT = 8080;

    ServerSettings {
        Objects.requireNonNull(coapBind, "coap-bind");
        Objects.requireNonNull(httpBind, "http-bind");
        Objects.requireNonNull(data, "data");
        corsOrigins = List.copyOf(corsOrigins);
        models = List.copyOf(models);
        port("coap-port", coapPort, false);
        port("coaps-port", coapsPort, true);
        port("bootstrap-port", bootstrapPort, true);
        port("bootstrap-coaps-port", bootstrapCoapsPort, true);
        port("http-port", httpPort, false);
        String[] names = {"coap-port", "coaps-port", "bootstrap-port", "bootstrap-coaps-port"};
        int[] ports = {coapPort, coapsPort, bootstrapPort, bootstrapPort < 0 ? -1 : bootstrapCoapsPort};
        for (int k = 1; k < ports.length; k++) {
            for (int j = 0; j < k; j++) {
                if (ports[k] > 0 && ports[k] == ports[j]) {
                    throw new ConfigException(names[k], ports[k] + " is the " + names[j] + " too; give each its "
                            + "own port");
                }
            }
        }
        if (data.toString().isBlank()) {
            throw new ConfigException("data", "must name a directory");
        }
    }

    private static void port(String field, int value, boolean mayBeOff) {
        if (value < (mayBeOff ? -1 : 0) || value > 65535) {
            throw new ConfigException(field, "must be a port in 0..65535 (0: any free one)"
                    + (mayBeOff ? " or -1 (off)" : "") + ", got " + value);
        }
    }
}
