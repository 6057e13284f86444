package io.wisp.app.persistence;

import io.wisp.transport.PeerIdentity;
import io.wisp.transport.security.CredentialSummary;
import io.wisp.transport.security.InMemorySecurityStore;
import io.wisp.transport.security.SecurityInfo;
import io.wisp.transport.security.SecurityStore;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SecurityStore} that survives restarts: the DTLS credentials of each endpoint (Transport TS §5.2; the
 * security modes of Core TS §E.1) are held in an {@link InMemorySecurityStore}, so the lookups of every handshake and
 * Register never wait for the database, and each change is written through to the {@code credential} table before
 * the method returns (durable, kill -9 included). All credentials are loaded when the database opens.
 *
 * <p>Stored per endpoint: the mode and identity, and the key material — the PSK key, or the raw public key's
 * SubjectPublicKeyInfo encoding; nothing for X.509, whose trust comes from the server's anchors. Keys are stored as
 * given: the data directory is as sensitive as a key file. Nothing here logs a key.
 */
public final class PersistentSecurityStore implements SecurityStore {
    private static final Logger LOG = LoggerFactory.getLogger(PersistentSecurityStore.class);

    private final InMemorySecurityStore memory = new InMemorySecurityStore();
    private final Jdbc jdbc;
    private final Clock clock;

    PersistentSecurityStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Loads every stored credential; a row that does not make one is logged (without its key) and left alone. */
    int load(Connection c) throws SQLException {
        int loaded = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT endpoint, security_mode, identity_name, key_material FROM credential")) {
            while (rs.next()) {
                String endpoint = rs.getString(1);
                try {
                    memory.add(info(endpoint, rs.getString(2), rs.getString(3), rs.getBytes(4)));
                    loaded++;
                } catch (RuntimeException e) {
                    LOG.warn("Stored credentials of {} are unreadable and are not used: {}", endpoint, e.getMessage());
                }
            }
        }
        return loaded;
    }

    /**
     * Saves the credentials, replacing those of the same endpoint; throws {@link IllegalArgumentException} when the
     * identity is bound to another endpoint, and {@link PersistenceException} when the database refuses the change
     * (nothing changes then).
     */
    @Override
    public synchronized Optional<SecurityInfo> add(SecurityInfo info) {
        Objects.requireNonNull(info, "info");
        Optional<SecurityInfo> owner = memory.byIdentity(info.identity());
        if (owner.isPresent() && !owner.get().endpoint().equals(info.endpoint())) {
            throw new IllegalArgumentException("identity " + info.identity() + " is already bound to endpoint '"
                    + owner.get().endpoint() + "'");
        }
        jdbc.write("saving the credentials of " + info.endpoint(), c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM credential WHERE endpoint = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO credential (endpoint, security_mode,"
                            + " identity_name, key_material, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                delete.setString(1, info.endpoint());
                delete.executeUpdate();
                insert.setString(1, info.endpoint());
                insert.setString(2, info.identity().kind().name());
                insert.setString(3, info.identity().name());
                insert.setBytes(4, keyMaterial(info));
                insert.setLong(5, clock.millis());
                return insert.executeUpdate();
            }
        });
        return memory.add(info);
    }

    @Override
    public synchronized boolean remove(String endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        jdbc.write("removing the credentials of " + endpoint, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM credential WHERE endpoint = ?")) {
                s.setString(1, endpoint);
                return s.executeUpdate();
            }
        });
        return memory.remove(endpoint);
    }

    @Override
    public List<CredentialSummary> list() {
        return memory.list();
    }

    @Override
    public Optional<SecurityInfo> byEndpoint(String endpoint) {
        return memory.byEndpoint(endpoint);
    }

    @Override
    public Optional<SecurityInfo> byIdentity(PeerIdentity identity) {
        return memory.byIdentity(identity);
    }

    private static byte[] keyMaterial(SecurityInfo info) {
        if (info instanceof SecurityInfo.Psk psk) {
            return psk.key();
        }
        if (info instanceof SecurityInfo.Rpk rpk) {
            return rpk.publicKey().getEncoded();
        }
        return new byte[0];
    }

    /** The credentials of a row; throws {@link IllegalArgumentException} naming what is wrong. */
    private static SecurityInfo info(String endpoint, String mode, String identity, byte[] key) {
        PeerIdentity.Kind kind;
        try {
            kind = PeerIdentity.Kind.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("security_mode '" + mode + "' is not one of PSK, RPK, X509", e);
        }
        switch (kind) {
            case PSK:
                return SecurityInfo.psk(endpoint, identity, key);
            case RPK:
                SecurityInfo rpk = SecurityInfo.rpk(endpoint, publicKey(key));
                if (!rpk.identity().name().equals(identity)) {
                    throw new IllegalArgumentException("identity_name does not match the stored public key");
                }
                return rpk;
            default:
                return SecurityInfo.x509(endpoint, identity);
        }
    }

    private static PublicKey publicKey(byte[] encoded) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("key_material is not an EC public key: " + e.getMessage(), e);
        }
    }
}
