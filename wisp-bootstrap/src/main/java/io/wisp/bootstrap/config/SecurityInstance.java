package io.wisp.bootstrap.config;

import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A Security object instance ({@code /0/x}, Core TS Appendix E.1) to write: where a server is, whether it is a
 * Bootstrap-Server, how to secure the connection and with which keys, and the Short Server ID that ties it to its
 * Server instance. Checked when built; {@code toString} never shows key material.
 *
 * @param instanceId   the instance to write, or {@code null} to let the session pick one that spares the client's
 *                     Bootstrap-Server account
 * @param serverUri    {@code coap://}, {@code coaps://}, {@code coap+tcp://} or {@code coaps+tcp://}, at most 255
 *                     bytes (the range of {@code /0/x/0})
 * @param bootstrapServer whether this is a Bootstrap-Server account ({@code /0/x/1})
 * @param shortServerId the Short Server ID ({@code /0/x/10}, 1..65534); required unless a Bootstrap-Server account
 * @param credentials  the security mode and its keys ({@code /0/x/2..5}); for X.509 also the Certificate Usage
 *                     ({@code /0/x/15}) when one is set
 * @param clientHoldOffTime seconds to wait before a client-initiated bootstrap ({@code /0/x/11}), or {@code null}
 * @param bootstrapServerAccountTimeout seconds after which the client drops this Bootstrap-Server account
 *                     ({@code /0/x/12}), or {@code null}
 */
public record SecurityInstance(Integer instanceId, String serverUri, boolean bootstrapServer, Integer shortServerId,
        Credentials credentials, Long clientHoldOffTime, Long bootstrapServerAccountTimeout) {
    /** The longest server URI, in bytes (range of resource {@code /0/x/0}). */
    public static final int MAX_URI_BYTES = 255;

    private static final Set<String> PLAIN_SCHEMES = Set.of("coap", "coap+tcp");
    private static final Set<String> SECURE_SCHEMES = Set.of("coaps", "coaps+tcp");

    public SecurityInstance {
        Limits.instanceId("instanceId", instanceId);
        Objects.requireNonNull(credentials, "credentials");
        checkUri(serverUri, credentials.mode());
        if (shortServerId == null && !bootstrapServer) {
            throw new InvalidConfigException("shortServerId", "a LwM2M Server account needs a short server ID");
        }
        Limits.shortServerId("shortServerId", shortServerId);
        Limits.notNegative("clientHoldOffTime", clientHoldOffTime);
        Limits.notNegative("bootstrapServerAccountTimeout", bootstrapServerAccountTimeout);
    }

    private static void checkUri(String uri, SecurityMode mode) {
        if (uri == null || uri.isEmpty()) {
            throw new InvalidConfigException("serverUri", "is required");
        }
        int bytes = uri.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_URI_BYTES) {
            throw new InvalidConfigException("serverUri", "at most " + MAX_URI_BYTES + " bytes, got " + bytes);
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new InvalidConfigException("serverUri", "'" + uri + "' is not a URI: " + e.getReason());
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!PLAIN_SCHEMES.contains(scheme) && !SECURE_SCHEMES.contains(scheme)) {
            throw new InvalidConfigException("serverUri", "'" + uri + "' must use coap, coaps, coap+tcp or coaps+tcp");
        }
        if (parsed.getHost() == null) {
            throw new InvalidConfigException("serverUri", "'" + uri + "' names no host");
        }
        if (mode == SecurityMode.NO_SEC && SECURE_SCHEMES.contains(scheme)) {
            throw new InvalidConfigException("serverUri", "'" + uri + "' is a secure URI but the security mode is "
                    + "NoSec; use coap:// or give credentials");
        }
        if (mode != SecurityMode.NO_SEC && PLAIN_SCHEMES.contains(scheme)) {
            throw new InvalidConfigException("serverUri", "'" + uri + "' is a plain URI but the security mode is "
                    + mode + "; use coaps://");
        }
    }

    /** A NoSec LwM2M Server account's Security instance. */
    public static SecurityInstance noSec(String serverUri, int shortServerId) {
        return builder().serverUri(serverUri).shortServerId(shortServerId).build();
    }

    /** A PSK LwM2M Server account's Security instance. */
    public static SecurityInstance psk(String serverUri, int shortServerId, String identity, byte[] key) {
        return builder().serverUri(serverUri).shortServerId(shortServerId)
                .credentials(Credentials.psk(identity, key)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The instance ID, if one was chosen. */
    public OptionalInt chosenInstanceId() {
        return instanceId == null ? OptionalInt.empty() : OptionalInt.of(instanceId);
    }

    /** The Short Server ID, if any (a Bootstrap-Server account may have none). */
    public Optional<Integer> ssid() {
        return Optional.ofNullable(shortServerId);
    }

    /** The instance as written to the client at {@code /0/id}. */
    public ObjectInstance toNode(int id) {
        List<LwM2mResource> resources = new ArrayList<>();
        resources.add(SingleResource.of(0, Value.of(serverUri)));
        resources.add(SingleResource.of(1, Value.of(bootstrapServer)));
        resources.add(SingleResource.of(2, Value.of(credentials.mode().code())));
        resources.add(SingleResource.of(3, Value.of(credentials.publicKeyOrIdentity())));
        resources.add(SingleResource.of(4, Value.of(credentials.serverPublicKey())));
        resources.add(SingleResource.of(5, Value.of(credentials.secretKey())));
        if (shortServerId != null) {
            resources.add(SingleResource.of(10, Value.of(shortServerId)));
        }
        if (clientHoldOffTime != null) {
            resources.add(SingleResource.of(11, Value.of(clientHoldOffTime)));
        }
        if (bootstrapServerAccountTimeout != null) {
            resources.add(SingleResource.of(12, Value.of(bootstrapServerAccountTimeout)));
        }
        if (credentials instanceof Credentials.X509 x509) {
            x509.certificateUsage().ifPresent(u -> resources.add(SingleResource.of(15, Value.unsigned(u.code()))));
        }
        return ObjectInstance.of(id, resources);
    }

    /** Collects the fields; NoSec and a LwM2M Server account (not a Bootstrap-Server) by default. */
    public static final class Builder {
        private Integer instanceId;
        private String serverUri;
        private boolean bootstrapServer;
        private Integer shortServerId;
        private Credentials credentials = Credentials.noSec();
        private Long clientHoldOffTime;
        private Long bootstrapServerAccountTimeout;

        private Builder() {
        }

        public Builder instanceId(int value) {
            this.instanceId = value;
            return this;
        }

        public Builder serverUri(String value) {
            this.serverUri = value;
            return this;
        }

        public Builder bootstrapServer(boolean value) {
            this.bootstrapServer = value;
            return this;
        }

        public Builder shortServerId(int value) {
            this.shortServerId = value;
            return this;
        }

        public Builder credentials(Credentials value) {
            this.credentials = Objects.requireNonNull(value, "credentials");
            return this;
        }

        public Builder clientHoldOffTime(long seconds) {
            this.clientHoldOffTime = seconds;
            return this;
        }

        public Builder bootstrapServerAccountTimeout(long seconds) {
            this.bootstrapServerAccountTimeout = seconds;
            return this;
        }

        public SecurityInstance build() {
            return new SecurityInstance(instanceId, serverUri, bootstrapServer, shortServerId, credentials,
                    clientHoldOffTime, bootstrapServerAccountTimeout);
        }
    }
}
