package io.wisp.app.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link QueuedRequestStore} on the {@code queued_request} table; the number is the table's identity column. */
final class JdbcQueuedRequestStore implements QueuedRequestStore {
    private static final String COLUMNS = "id, registration_id, endpoint, description, request_document,"
            + " submitted_at, expires_at";

    private final Jdbc jdbc;

    JdbcQueuedRequestStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public StoredRequest add(StoredRequest r) {
        if (r.id() != 0) {
            throw new IllegalArgumentException("request is already saved as " + r.id());
        }
        return jdbc.write("queueing a request for " + r.endpoint(), c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO queued_request (registration_id, endpoint,"
                    + " description, request_document, submitted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, r.registrationId());
                s.setString(2, r.endpoint());
                s.setString(3, r.description());
                s.setString(4, r.document());
                s.setLong(5, r.submittedAt().toEpochMilli());
                s.setLong(6, r.expiresAt().toEpochMilli());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("the database returned no number for the queued request");
                    }
                    return r.withId(keys.getLong(1));
                }
            }
        });
    }

    @Override
    public boolean remove(long id) {
        return update("removing queued request " + id, "DELETE FROM queued_request WHERE id = ?", id) > 0;
    }

    @Override
    public List<StoredRequest> byEndpoint(String endpoint) {
        return query("reading the queued requests of " + endpoint, " WHERE endpoint = ?", endpoint);
    }

    @Override
    public List<StoredRequest> all() {
        return query("reading the queued requests", "");
    }

    @Override
    public int removeByRegistration(String registrationId) {
        return update("removing the queued requests of registration " + registrationId,
                "DELETE FROM queued_request WHERE registration_id = ?", registrationId);
    }

    @Override
    public int removeExpired(Instant now) {
        return update("removing expired queued requests", "DELETE FROM queued_request WHERE expires_at <= ?",
                now.toEpochMilli());
    }

    private int update(String what, String sql, Object parameter) {
        return jdbc.write(what, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, parameter);
                return s.executeUpdate();
            }
        });
    }

    private List<StoredRequest> query(String what, String where, Object... parameters) {
        return jdbc.read(what, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM queued_request" + where + " ORDER BY id")) {
                for (int k = 0; k < parameters.length; k++) {
                    s.setObject(k + 1, parameters[k]);
                }
                List<StoredRequest> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    private static StoredRequest read(ResultSet rs) throws SQLException {
        return new StoredRequest(rs.getLong("id"), rs.getString("registration_id"), rs.getString("endpoint"),
                rs.getString("description"), rs.getString("request_document"),
                Instant.ofEpochMilli(rs.getLong("submitted_at")), Instant.ofEpochMilli(rs.getLong("expires_at")));
    }
}
