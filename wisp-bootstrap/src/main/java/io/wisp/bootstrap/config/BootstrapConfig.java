package io.wisp.bootstrap.config;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a Bootstrap-Server does for one client (Core TS §6.1): the paths to delete first, the Security (/0), Server
 * (/1) and Access Control (/2) instances to write, any other object writes, and the Server and Access Control
 * paths to Bootstrap-Read back afterwards. Immutable; every part and every link between parts is checked when built
 * ({@link ConfigChecks}), so a configuration that exists is one a client can use.
 *
 * <p>A session runs, in order: Bootstrap-Discover of {@code /} (when {@link #discover()}, to learn the client's
 * LwM2M version and where its Bootstrap-Server account lives), the deletes, the writes — Security, Server, Access
 * Control, then the other writes — the reads, and Bootstrap-Finish.
 */
public final class BootstrapConfig {
    /** The formats a Bootstrap-Write can be sent in when the operator chooses one. */
    public static final Set<ContentFormat> WRITE_FORMATS = Set.of(ContentFormat.TLV, ContentFormat.SENML_CBOR,
            ContentFormat.SENML_JSON, ContentFormat.LWM2M_CBOR, ContentFormat.JSON);

    private final List<LwM2mPath> deletes;
    private final List<SecurityInstance> securities;
    private final List<ServerInstance> servers;
    private final List<AccessControlInstance> accessControls;
    private final List<ObjectWrite> writes;
    private final List<LwM2mPath> reads;
    private final boolean discover;
    private final ContentFormat writeFormat;
    private final List<Integer> serverIds;
    private final List<Integer> accessControlIds;

    private BootstrapConfig(Builder b) {
        this.deletes = List.copyOf(b.deletes);
        this.securities = List.copyOf(b.securities);
        this.servers = List.copyOf(b.servers);
        this.accessControls = List.copyOf(b.accessControls);
        this.writes = List.copyOf(b.writes);
        this.reads = List.copyOf(b.reads);
        this.discover = b.discover;
        this.writeFormat = b.writeFormat;
        ConfigChecks.check(this);
        this.serverIds = InstanceIds.assign(servers.stream().map(ServerInstance::chosenInstanceId).toList(),
                writtenInstances(1));
        this.accessControlIds = InstanceIds.assign(
                accessControls.stream().map(AccessControlInstance::chosenInstanceId).toList(), writtenInstances(2));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The paths to Bootstrap-Delete first, in order; {@code /} by default. */
    public List<LwM2mPath> deletes() {
        return deletes;
    }

    public List<SecurityInstance> securities() {
        return securities;
    }

    public List<ServerInstance> servers() {
        return servers;
    }

    public List<AccessControlInstance> accessControls() {
        return accessControls;
    }

    /** The writes beyond the accounts, in order. */
    public List<ObjectWrite> writes() {
        return writes;
    }

    /** The Server and Access Control paths to Bootstrap-Read after the writes. */
    public List<LwM2mPath> reads() {
        return reads;
    }

    /** Whether a session starts with a Bootstrap-Discover of {@code /}. */
    public boolean discover() {
        return discover;
    }

    /** The format every Bootstrap-Write uses, if the operator fixed one; otherwise the session chooses. */
    public Optional<ContentFormat> writeFormat() {
        return Optional.ofNullable(writeFormat);
    }

    /** The instance ID of each Server instance, in the order of {@link #servers()}. */
    public List<Integer> serverInstanceIds() {
        return serverIds;
    }

    /** The instance ID of each Access Control instance, in the order of {@link #accessControls()}. */
    public List<Integer> accessControlInstanceIds() {
        return accessControlIds;
    }

    /**
     * The instance ID of each Security instance, in the order of {@link #securities()}: the chosen ones, the others
     * the lowest not in {@code reserved} (the client's Bootstrap-Server account and any instance that survives the
     * deletes) and not written otherwise.
     */
    public List<Integer> securityInstanceIds(Set<Integer> reserved) {
        Set<Integer> taken = new HashSet<>(reserved);
        taken.addAll(writtenInstances(0));
        return InstanceIds.assign(securities.stream().map(SecurityInstance::chosenInstanceId).toList(), taken);
    }

    /** The instances of an object the other writes target. */
    Set<Integer> writtenInstances(int objectId) {
        Set<Integer> out = new HashSet<>();
        for (ObjectWrite w : writes) {
            if (w.path().depth() >= 2 && w.path().objectId() == objectId) {
                out.add(w.path().instanceId());
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BootstrapConfig c && deletes.equals(c.deletes) && securities.equals(c.securities)
                && servers.equals(c.servers) && accessControls.equals(c.accessControls) && writes.equals(c.writes)
                && reads.equals(c.reads) && discover == c.discover && Objects.equals(writeFormat, c.writeFormat);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deletes, securities, servers, accessControls, writes, reads, discover, writeFormat);
    }

    /** Lists every part; key material shows as hidden. */
    @Override
    public String toString() {
        return "BootstrapConfig[deletes=" + deletes + ", securities=" + securities + ", servers=" + servers
                + ", accessControls=" + accessControls + ", writes=" + writes + ", reads=" + reads + ", discover="
                + discover + (writeFormat == null ? "" : ", writeFormat=" + writeFormat) + "]";
    }

    /** Collects the parts; {@link #build()} checks them together. */
    public static final class Builder {
        private List<LwM2mPath> deletes = List.of(LwM2mPath.ROOT);
        private boolean deletesChosen;
        private final List<SecurityInstance> securities = new ArrayList<>();
        private final List<ServerInstance> servers = new ArrayList<>();
        private final List<AccessControlInstance> accessControls = new ArrayList<>();
        private final List<ObjectWrite> writes = new ArrayList<>();
        private final List<LwM2mPath> reads = new ArrayList<>();
        private boolean discover = true;
        private ContentFormat writeFormat;

        private Builder() {
        }

        /**
         * A path to Bootstrap-Delete before writing ({@code /}, {@code /o} or {@code /o/i}). The first call replaces
         * the default, which deletes everything but the Bootstrap-Server account ({@code /}).
         */
        public Builder delete(String path) {
            if (!deletesChosen) {
                deletes = new ArrayList<>();
                deletesChosen = true;
            }
            deletes.add(parse("deletes[" + deletes.size() + "]", path));
            return this;
        }

        /** Deletes nothing: the writes add to or replace what the client holds. */
        public Builder deleteNothing() {
            deletes = new ArrayList<>();
            deletesChosen = true;
            return this;
        }

        public Builder security(SecurityInstance value) {
            securities.add(Objects.requireNonNull(value, "security"));
            return this;
        }

        public Builder server(ServerInstance value) {
            servers.add(Objects.requireNonNull(value, "server"));
            return this;
        }

        /** A LwM2M Server account: its Security and Server instances. */
        public Builder account(SecurityInstance security, ServerInstance server) {
            return security(security).server(server);
        }

        public Builder accessControl(AccessControlInstance value) {
            accessControls.add(Objects.requireNonNull(value, "accessControl"));
            return this;
        }

        public Builder write(ObjectWrite value) {
            writes.add(Objects.requireNonNull(value, "write"));
            return this;
        }

        public Builder write(String path, LwM2mNode node) {
            try {
                return write(ObjectWrite.of(path, node));
            } catch (InvalidConfigException e) {
                throw e.prefixed("writes[" + writes.size() + "]");
            }
        }

        /** A Server or Access Control path to Bootstrap-Read after the writes (LwM2M 1.1+ clients). */
        public Builder read(String path) {
            reads.add(parse("reads[" + reads.size() + "]", path));
            return this;
        }

        /** Whether to start with a Bootstrap-Discover of {@code /}; on by default. */
        public Builder discover(boolean value) {
            this.discover = value;
            return this;
        }

        /** Writes in this format whatever the client; by default the session chooses from the client's version. */
        public Builder writeFormat(ContentFormat value) {
            this.writeFormat = Objects.requireNonNull(value, "writeFormat");
            return this;
        }

        public BootstrapConfig build() {
            return new BootstrapConfig(this);
        }

        private static LwM2mPath parse(String field, String path) {
            try {
                return LwM2mPath.parse(path);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(field, e.getMessage());
            }
        }
    }
}
