package io.wisp.app.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link UploadedModelStore} on the {@code uploaded_model} table. */
final class JdbcUploadedModelStore implements UploadedModelStore {
    private final Jdbc jdbc;

    JdbcUploadedModelStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(StoredModel model) {
        jdbc.write("saving the uploaded definition of object " + model.objectId(), c -> {
            try (PreparedStatement s = c.prepareStatement("MERGE INTO uploaded_model (object_id, object_version,"
                    + " source, ddf, uploaded_at) KEY (object_id, object_version) VALUES (?, ?, ?, ?, ?)")) {
                s.setInt(1, model.objectId());
                s.setString(2, model.objectVersion());
                s.setString(3, model.source());
                s.setString(4, model.ddf());
                s.setLong(5, model.uploadedAt().toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<StoredModel> all() {
        return jdbc.read("loading the uploaded object definitions", c -> {
            List<StoredModel> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT object_id, object_version, source, ddf,"
                    + " uploaded_at FROM uploaded_model ORDER BY uploaded_at, object_id, object_version");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredModel(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
            return out;
        });
    }
}
