package io.wisp.bootstrap.config;

import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A Server object instance ({@code /1/x}, Core TS Appendix E.2) to write: the registration settings of one LwM2M
 * Server account, tied to its Security instance by the Short Server ID. Checked when built.
 *
 * @param instanceId         the instance to write, or {@code null} for the lowest one free
 * @param shortServerId      1..65534 ({@code /1/x/0}); a Security instance with the same ID must exist
 * @param lifetime           registration lifetime in seconds, at least 1 ({@code /1/x/1})
 * @param defaultMinPeriod   default {@code pmin} in seconds ({@code /1/x/2}), or {@code null}
 * @param defaultMaxPeriod   default {@code pmax} in seconds ({@code /1/x/3}), or {@code null}
 * @param disableTimeout     seconds the server stays disabled after Disable ({@code /1/x/5}), or {@code null}
 * @param notificationStoring whether to store notifications while offline ({@code /1/x/6})
 * @param binding            the binding letters ({@code /1/x/7}): U, M, H, T, S, N, or legacy Q, each at most once
 */
public record ServerInstance(Integer instanceId, int shortServerId, long lifetime, Long defaultMinPeriod,
        Long defaultMaxPeriod, Long disableTimeout, boolean notificationStoring, String binding) {
    private static final String BINDING_LETTERS = "UMHTSNQ";

    public ServerInstance {
        Limits.instanceId("instanceId", instanceId);
        Limits.shortServerId("shortServerId", shortServerId);
        if (lifetime < 1) {
            throw new InvalidConfigException("lifetime", "must be at least 1 second, got " + lifetime);
        }
        Limits.notNegative("defaultMinPeriod", defaultMinPeriod);
        Limits.notNegative("defaultMaxPeriod", defaultMaxPeriod);
        if (defaultMaxPeriod != null && defaultMaxPeriod == 0) {
            throw new InvalidConfigException("defaultMaxPeriod", "must be at least 1 second, got 0");
        }
        if (defaultMinPeriod != null && defaultMaxPeriod != null && defaultMaxPeriod < defaultMinPeriod) {
            throw new InvalidConfigException("defaultMaxPeriod", "must not be less than defaultMinPeriod ("
                    + defaultMinPeriod + "), got " + defaultMaxPeriod);
        }
        Limits.notNegative("disableTimeout", disableTimeout);
        checkBinding(binding);
    }

    private static void checkBinding(String binding) {
        if (binding == null || binding.isEmpty()) {
            throw new InvalidConfigException("binding", "is required, e.g. U");
        }
        for (int k = 0; k < binding.length(); k++) {
            char c = binding.charAt(k);
            if (BINDING_LETTERS.indexOf(c) < 0) {
                throw new InvalidConfigException("binding", "'" + c + "' in '" + binding + "' is not a binding; "
                        + "valid: U, M, H, T, S, N, Q");
            }
            if (binding.indexOf(c) != k) {
                throw new InvalidConfigException("binding", "'" + c + "' appears twice in '" + binding + "'");
            }
        }
    }

    /** A Server instance with default settings: UDP binding, notification storing on. */
    public static ServerInstance of(int shortServerId, long lifetime) {
        return builder().shortServerId(shortServerId).lifetime(lifetime).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The instance ID, if one was chosen. */
    public OptionalInt chosenInstanceId() {
        return instanceId == null ? OptionalInt.empty() : OptionalInt.of(instanceId);
    }

    /** The instance as written to the client at {@code /1/id}. */
    public ObjectInstance toNode(int id) {
        List<LwM2mResource> resources = new ArrayList<>();
        resources.add(SingleResource.of(0, Value.of(shortServerId)));
        resources.add(SingleResource.of(1, Value.of(lifetime)));
        if (defaultMinPeriod != null) {
            resources.add(SingleResource.of(2, Value.of(defaultMinPeriod)));
        }
        if (defaultMaxPeriod != null) {
            resources.add(SingleResource.of(3, Value.of(defaultMaxPeriod)));
        }
        if (disableTimeout != null) {
            resources.add(SingleResource.of(5, Value.of(disableTimeout)));
        }
        resources.add(SingleResource.of(6, Value.of(notificationStoring)));
        resources.add(SingleResource.of(7, Value.of(binding)));
        return ObjectInstance.of(id, resources);
    }

    /** Collects the fields; lifetime 86400 s, binding U, notification storing on by default. */
    public static final class Builder {
        private Integer instanceId;
        private Integer shortServerId;
        private long lifetime = 86_400;
        private Long defaultMinPeriod;
        private Long defaultMaxPeriod;
        private Long disableTimeout;
        private boolean notificationStoring = true;
        private String binding = "U";

        private Builder() {
        }

        public Builder instanceId(int value) {
            this.instanceId = value;
            return this;
        }

        public Builder shortServerId(int value) {
            this.shortServerId = value;
            return this;
        }

        public Builder lifetime(long seconds) {
            this.lifetime = seconds;
            return this;
        }

        public Builder defaultMinPeriod(long seconds) {
            this.defaultMinPeriod = seconds;
            return this;
        }

        public Builder defaultMaxPeriod(long seconds) {
            this.defaultMaxPeriod = seconds;
            return this;
        }

        public Builder disableTimeout(long seconds) {
            this.disableTimeout = seconds;
            return this;
        }

        public Builder notificationStoring(boolean value) {
            this.notificationStoring = value;
            return this;
        }

        public Builder binding(String value) {
            this.binding = Objects.requireNonNull(value, "binding");
            return this;
        }

        public ServerInstance build() {
            if (shortServerId == null) {
                throw new InvalidConfigException("shortServerId", "is required");
            }
            return new ServerInstance(instanceId, shortServerId, lifetime, defaultMinPeriod, defaultMaxPeriod,
                    disableTimeout, notificationStoring, binding);
        }
    }
}
