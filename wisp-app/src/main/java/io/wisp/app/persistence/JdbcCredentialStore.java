package io.wisp.app.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link CredentialStore} on the {@code credential} table. The key material is stored as given (the database file is
 * as sensitive as a key file; keep the data directory private); errors name the endpoint, never the key.
 */
final class JdbcCredentialStore implements CredentialStore {
    private static final String SELECT = "SELECT endpoint, security_mode, identity_name, key_material FROM credential";

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcCredentialStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<StoredCredential> put(StoredCredential credential) {
        String endpoint = credential.endpoint();
        try {
            return jdbc.writeOrThrow(c -> {
                Optional<StoredCredential> bound = one(c, " WHERE security_mode = ? AND identity_name = ?",
                        credential.mode().name(), credential.identity());
                if (bound.isPresent() && !bound.get().endpoint().equals(endpoint)) {
                    throw new IllegalArgumentException("identity '" + credential.identity() + "' (" + credential.mode()
                            + ") is already bound to endpoint '" + bound.get().endpoint() + "'");
                }
                Optional<StoredCredential> replaced = one(c, " WHERE endpoint = ?", endpoint);
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM credential WHERE endpoint = ?");
                        PreparedStatement insert = c.prepareStatement("INSERT INTO credential (endpoint,"
                                + " security_mode, identity_name, key_material, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                    delete.setString(1, endpoint);
                    delete.executeUpdate();
                    insert.setString(1, endpoint);
                    insert.setString(2, credential.mode().name());
                    insert.setString(3, credential.identity());
                    insert.setBytes(4, credential.keyMaterial());
                    insert.setLong(5, clock.millis());
                    insert.executeUpdate();
                }
                return replaced;
            });
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new IllegalArgumentException("identity '" + credential.identity() + "' (" + credential.mode()
                        + ") is already bound to another endpoint", e);
            }
            throw new PersistenceException("Failed saving the credentials of " + endpoint + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean remove(String endpoint) {
        return jdbc.write("removing the credentials of " + endpoint, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM credential WHERE endpoint = ?")) {
                s.setString(1, endpoint);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Optional<StoredCredential> byEndpoint(String endpoint) {
        return jdbc.read("reading the credentials of " + endpoint, c -> one(c, " WHERE endpoint = ?", endpoint));
    }

    @Override
    public Optional<StoredCredential> byIdentity(StoredCredential.Mode mode, String identity) {
        return jdbc.read("looking up a " + mode + " identity",
                c -> one(c, " WHERE security_mode = ? AND identity_name = ?", mode.name(), identity));
    }

    @Override
    public List<CredentialSummary> list() {
        return jdbc.read("listing the credentials", c -> {
            List<CredentialSummary> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT endpoint, security_mode, identity_name FROM credential ORDER BY endpoint");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new CredentialSummary(rs.getString(1), StoredCredential.Mode.valueOf(rs.getString(2)),
                            rs.getString(3)));
                }
            }
            return out;
        });
    }

    private static Optional<StoredCredential> one(Connection c, String where, String... parameters)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + where)) {
            for (int k = 0; k < parameters.length; k++) {
                s.setString(k + 1, parameters[k]);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(StoredCredential.of(rs.getString(1), StoredCredential.Mode.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getBytes(4)));
            }
        }
    }
}
