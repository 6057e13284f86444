package io.wisp.bootstrap.session;

import io.wisp.transport.CoapCode;
import io.wisp.transport.Peer;
import java.util.Objects;
import java.util.Optional;

/**
 * A Bootstrap-Request or Bootstrap-Pack-Request that started no session: a missing {@code ep}, an endpoint without
 * a configuration, a format the Bootstrap-Server cannot send. Operators want to see these: a device knocking with
 * no configuration is usually one they forgot to provision.
 *
 * @param operation "Bootstrap-Request" or "Bootstrap-Pack-Request"
 * @param endpoint  the Endpoint Client Name when the request had one, else {@code null}
 * @param peer      who asked
 * @param code      the code answered
 * @param reason    why, as sent to the client in the diagnostic payload
 */
public record BootstrapRefusal(String operation, String endpoint, Peer peer, CoapCode code, String reason) {
    public BootstrapRefusal {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }

    public Optional<String> endpointName() {
        return Optional.ofNullable(endpoint);
    }
}
