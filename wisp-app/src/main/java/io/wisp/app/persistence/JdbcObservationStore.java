package io.wisp.app.persistence;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.operation.Observation;
import io.wisp.core.operation.ObservationId;
import io.wisp.core.path.LwM2mPath;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link ObservationStore} on the {@code observation} table; paths are stored space-separated. */
final class JdbcObservationStore implements ObservationStore {
    private static final String COLUMNS = "token, registration_id, endpoint, paths, composite, content_format,"
            + " created_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM observation";

    private final Jdbc jdbc;

    JdbcObservationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(StoredObservation o) {
        jdbc.write("saving observation " + o.id(), c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM observation WHERE token = ?");
                    PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO observation (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                delete.setLong(1, o.id().token());
                delete.executeUpdate();
                insert.setLong(1, o.id().token());
                insert.setString(2, o.registrationId());
                insert.setString(3, o.endpoint());
                insert.setString(4, o.paths().stream().map(LwM2mPath::toString).collect(Collectors.joining(" ")));
                insert.setBoolean(5, o.observation().composite());
                if (o.format() == null) {
                    insert.setNull(6, Types.INTEGER);
                } else {
                    insert.setInt(6, o.format().code());
                }
                insert.setLong(7, o.createdAt().toEpochMilli());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public boolean remove(ObservationId id) {
        return jdbc.write("removing observation " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM observation WHERE token = ?")) {
                s.setLong(1, id.token());
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public int removeByRegistration(String registrationId) {
        return jdbc.write("removing the observations of registration " + registrationId, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM observation WHERE registration_id = ?")) {
                s.setString(1, registrationId);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<StoredObservation> byId(ObservationId id) {
        List<StoredObservation> found = query("reading observation " + id, " WHERE token = ?", id.token());
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<StoredObservation> byRegistration(String registrationId) {
        return query("reading the observations of registration " + registrationId,
                " WHERE registration_id = ? ORDER BY created_at, token", registrationId);
    }

    @Override
    public List<StoredObservation> all() {
        return query("reading the observations", " ORDER BY created_at, token");
    }

    private List<StoredObservation> query(String what, String where, Object... parameters) {
        return jdbc.read(what, c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + where)) {
                for (int k = 0; k < parameters.length; k++) {
                    s.setObject(k + 1, parameters[k]);
                }
                List<StoredObservation> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    private static StoredObservation read(ResultSet rs) throws SQLException {
        List<LwM2mPath> paths = new ArrayList<>();
        for (String p : rs.getString("paths").split(" ")) {
            paths.add(LwM2mPath.parse(p));
        }
        int code = rs.getInt("content_format");
        ContentFormat format = rs.wasNull() ? null : ContentFormat.of(code);
        Observation observation = new Observation(new ObservationId(rs.getLong("token")),
                rs.getString("registration_id"), paths, rs.getBoolean("composite"));
        return new StoredObservation(observation, rs.getString("endpoint"), format,
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
