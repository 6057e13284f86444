package io.wisp.server.registration;

import io.wisp.core.model.Version;
import io.wisp.transport.Peer;
import io.wisp.transport.PeerIdentity;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A client's registration with this server (Core TS §6.2): who it is, how to reach it, what it announced, and until
 * when it is valid. Immutable: Register creates one, each Update creates the next version, with the same ID.
 *
 * <p>Laid out to stay small at a million registrations: the version and the binding are shared constants, the
 * connector name is interned, the peer's address is kept as its raw bytes and port, absent optional parameters cost
 * nothing, and the object links are in their compact form ({@link CompactObjectLinks}).
 */
public final class Registration {
    private static final Map<String, String> NONE = Map.of();
    /** Connector names are few; one shared instance each (cheaper than {@link String#intern()} per Register). */
    private static final Interner<String, String> CONNECTORS = new Interner<>(64);

    private final String id;
    private final String endpoint;
    private final Version lwm2mVersion;
    private final Binding binding;
    private final boolean queueMode;
    private final long lifetime;
    private final String smsNumber;
    private final String profileId;
    private final Map<String, String> additionalAttributes;
    private final String connector;
    private final byte[] address;
    private final int port;
    private final PeerIdentity identity;
    private final CompactObjectLinks objectLinks;
    private final long registeredAt;
    private final long lastUpdateAt;

    private Registration(String id, RegisterRequest r, Peer peer, long registeredAt, long lastUpdateAt) {
        this.id = Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        this.endpoint = r.endpoint();
        this.lwm2mVersion = r.lwm2mVersion();
        this.binding = r.binding();
        this.queueMode = r.queueMode();
        this.lifetime = r.lifetime();
        this.smsNumber = r.smsNumber();
        this.profileId = r.profileId();
        this.additionalAttributes = r.additionalAttributes().isEmpty() ? NONE : r.additionalAttributes();
        this.connector = CONNECTORS.intern(peer.connector(), c -> c);
        this.address = peer.address().getAddress().getAddress();
        this.port = peer.address().getPort();
        this.identity = peer.identity();
        this.objectLinks = r.objectLinks();
        this.registeredAt = registeredAt;
        this.lastUpdateAt = lastUpdateAt;
    }

    /** A new registration, from a Register received from {@code peer} at {@code now}. */
    public static Registration create(String id, RegisterRequest request, Peer peer, Instant now) {
        long t = now.toEpochMilli();
        return new Registration(id, request, peer, t, t);
    }

    /**
     * The next version after an Update from {@code peer} at {@code now} (Core TS §6.2.2): the parameters it carries
     * replace the current ones, the lifetime starts again, and the address becomes the one the Update came from (the
     * client may be behind a NAT that changed its port). A {@code b=} without queue letter ends queue mode only for
     * a 1.0 client, whose binding is where it announces queue mode.
     */
    public Registration updated(UpdateRequest update, Peer peer, Instant now) {
        if (!update.registrationId().equals(id)) {
            throw new IllegalArgumentException("update is for " + update.registrationId() + ", not " + id);
        }
        boolean queue = queueMode;
        if (update.queueMode() != null) {
            queue = update.queueMode();
        } else if (update.binding() != null && lwm2mVersion.equals(Version.V1_0)) {
            queue = false;
        }
        RegisterRequest merged = new RegisterRequest(endpoint,
                update.lifetime() != null ? update.lifetime() : lifetime, lwm2mVersion,
                update.binding() != null ? update.binding() : binding, queue,
                update.smsNumber() != null ? update.smsNumber() : smsNumber, profileId, additionalAttributes,
                update.objectLinks() != null ? update.objectLinks().withRootOf(objectLinks) : objectLinks);
        return new Registration(id, merged, peer, registeredAt, now.toEpochMilli());
    }

    public String id() {
        return id;
    }

    public String endpoint() {
        return endpoint;
    }

    public Version lwm2mVersion() {
        return lwm2mVersion;
    }

    public Binding binding() {
        return binding;
    }

    public boolean queueMode() {
        return queueMode;
    }

    /** Seconds from the last Register or Update until expiry; 0 means it never expires. */
    public long lifetime() {
        return lifetime;
    }

    /** The MSISDN, or {@code null}. */
    public String smsNumber() {
        return smsNumber;
    }

    /** The LwM2M 1.2 profile ID, or {@code null}. */
    public String profileId() {
        return profileId;
    }

    /** Query parameters the TS does not define, as the client sent them. */
    public Map<String, String> additionalAttributes() {
        return additionalAttributes;
    }

    /** Where downlinks for this client go: the connector and address of its last Register or Update. */
    public Peer peer() {
        try {
            return new Peer(connector, new InetSocketAddress(InetAddress.getByAddress(address), port), identity);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("stored address has a bad length: " + address.length, e);
        }
    }

    /** The name of the connector the client's last Register or Update came in on. */
    public String connector() {
        return connector;
    }

    /**
     * The IPv4 address of {@link #peer()} as an unsigned 32-bit number, or -1 when it is an IPv6 address: lets an
     * index key a registration by its address without building a {@link Peer} for it.
     */
    public long ipv4Address() {
        if (address.length != 4) {
            return -1;
        }
        return (address[0] & 0xFFL) << 24 | (address[1] & 0xFFL) << 16 | (address[2] & 0xFFL) << 8 | address[3] & 0xFFL;
    }

    /** The UDP port of {@link #peer()}. */
    public int port() {
        return port;
    }

    /**
     * The DTLS identity the client registered with, or {@code null} for a NoSec registration; Update and
     * De-register must come with the same one (Transport TS §5.2).
     */
    public PeerIdentity identity() {
        return identity;
    }

    public CompactObjectLinks objectLinks() {
        return objectLinks;
    }

    public Instant registeredAt() {
        return Instant.ofEpochMilli(registeredAt);
    }

    public Instant lastUpdateAt() {
        return Instant.ofEpochMilli(lastUpdateAt);
    }

    /** When the registration ends unless renewed, in epoch milliseconds; {@link Long#MAX_VALUE} for never. */
    public long expiresAtMillis() {
        return lifetime == 0 ? Long.MAX_VALUE : lastUpdateAt + lifetime * 1000;
    }

    /** Whether the lifetime has run out at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return expiresAtMillis() <= now.toEpochMilli();
    }

    @Override
    public String toString() {
        return "Registration[" + id + ", ep=" + endpoint + ", lwm2m=" + lwm2mVersion + ", lt=" + lifetime + ", b="
                + binding + (queueMode ? ", Q" : "") + ", " + peer() + "]";
    }
}
