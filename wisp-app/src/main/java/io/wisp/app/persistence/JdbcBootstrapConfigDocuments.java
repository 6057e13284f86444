package io.wisp.app.persistence;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link BootstrapConfigDocuments} on the {@code bootstrap_config} table; the default is under the key {@code ''}. */
final class JdbcBootstrapConfigDocuments implements BootstrapConfigDocuments {
    private static final String DEFAULT_KEY = "";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcBootstrapConfigDocuments(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public ConfigDocument put(String endpoint, String json) {
        return save(endpointKey(endpoint), json, -1).orElseThrow();
    }

    @Override
    public Optional<ConfigDocument> putIfRevision(String endpoint, String json, long expectedRevision) {
        if (expectedRevision < 0) {
            throw new IllegalArgumentException("expectedRevision must not be negative, got " + expectedRevision);
        }
        return save(endpointKey(endpoint), json, expectedRevision);
    }

    @Override
    public Optional<ConfigDocument> get(String endpoint) {
        String key = endpointKey(endpoint);
        return jdbc.read("reading the bootstrap configuration of " + endpoint, c -> read(c, key));
    }

    @Override
    public boolean remove(String endpoint) {
        return delete(endpointKey(endpoint));
    }

    @Override
    public List<ConfigDocument> all() {
        return jdbc.read("listing the bootstrap configurations", c -> {
            List<ConfigDocument> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT config_key, version, document, updated_at"
                    + " FROM bootstrap_config WHERE config_key <> ? ORDER BY config_key")) {
                s.setString(1, DEFAULT_KEY);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(document(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public ConfigDocument putDefault(String json) {
        return save(DEFAULT_KEY, json, -1).orElseThrow();
    }

    @Override
    public Optional<ConfigDocument> defaultConfig() {
        return jdbc.read("reading the default bootstrap configuration", c -> read(c, DEFAULT_KEY));
    }

    @Override
    public boolean removeDefault() {
        return delete(DEFAULT_KEY);
    }

    /** Saves under {@code key} if the current revision is {@code expected} ({@code -1}: whatever it is). */
    private Optional<ConfigDocument> save(String key, String json, long expected) {
        checkObject(json);
        return jdbc.write("saving the bootstrap configuration of " + name(key), c -> {
            Optional<ConfigDocument> current = read(c, key);
            long revision = current.map(ConfigDocument::revision).orElse(0L);
            if (expected >= 0 && revision != expected) {
                return Optional.empty();
            }
            long now = clock.millis();
            String sql = current.isPresent()
                    ? "UPDATE bootstrap_config SET version = ?, document = ?, updated_at = ? WHERE config_key = ?"
                      + " AND version = ?"
                    : "INSERT INTO bootstrap_config (version, document, updated_at, config_key) VALUES (?, ?, ?, ?)";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, revision + 1);
                s.setString(2, json);
                s.setLong(3, now);
                s.setString(4, key);
                if (current.isPresent()) {
                    s.setLong(5, revision);
                }
                if (s.executeUpdate() != 1) {
                    throw new SQLException("the configuration of " + name(key) + " changed while it was saved");
                }
            }
            return Optional.of(new ConfigDocument(key.isEmpty() ? null : key, revision + 1, json,
                    Instant.ofEpochMilli(now)));
        });
    }

    private boolean delete(String key) {
        return jdbc.write("removing the bootstrap configuration of " + name(key), c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM bootstrap_config WHERE config_key = ?")) {
                s.setString(1, key);
                return s.executeUpdate() > 0;
            }
        });
    }

    private static Optional<ConfigDocument> read(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT config_key, version, document, updated_at FROM bootstrap_config WHERE config_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(document(rs)) : Optional.empty();
            }
        }
    }

    private static ConfigDocument document(ResultSet rs) throws SQLException {
        String key = rs.getString(1);
        return new ConfigDocument(key.isEmpty() ? null : key, rs.getLong(2), rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)));
    }

    private static void checkObject(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("json is not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("json must be a JSON object, got "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    private static String endpointKey(String endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.isEmpty()) {
            throw new IllegalArgumentException("endpoint must not be empty");
        }
        return endpoint;
    }

    private static String name(String key) {
        return key.isEmpty() ? "the default" : key;
    }
}
