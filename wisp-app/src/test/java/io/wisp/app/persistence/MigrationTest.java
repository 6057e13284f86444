package io.wisp.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Flyway migrations: an empty directory becomes the latest schema, and opening again changes nothing. */
class MigrationTest {
    @TempDir
    Path dir;

    /** The highest version among the migration files of the sources (V{n}__name.sql). */
    private static String latestVersion() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V[0-9]+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).max((a, b) -> Integer.compare(Integer.parseInt(a),
                            Integer.parseInt(b))).orElseThrow();
        }
    }

    @Test
    void an_empty_directory_is_migrated_to_the_latest_version_with_every_table() throws Exception {
        Path fresh = dir.resolve("new/nested/data");
        try (WispDatabase db = WispDatabase.open(fresh)) {
            assertThat(db.schemaVersion()).isEqualTo(latestVersion());
            assertThat(db.directory()).isEqualTo(fresh.toAbsolutePath());
        }
        assertThat(Files.exists(fresh.resolve("wisp.mv.db"))).isTrue();
        List<String> tables = Sql.column(fresh, "SELECT LOWER(table_name) FROM information_schema.tables"
                + " WHERE table_schema = 'PUBLIC' ORDER BY 1");
        assertThat(tables).contains("registration", "observation", "queued_request", "credential",
                "bootstrap_config", "value_history", "flyway_schema_history");
    }

    @Test
    void opening_again_applies_nothing_and_keeps_the_data() throws Exception {
        try (WispDatabase db = WispDatabase.open(dir)) {
            db.bootstrapConfigs().put("dev", "{}");
        }
        List<String> history = Sql.column(dir, "SELECT \"version\" || ' ' || \"checksum\" || ' ' || \"success\""
                + " FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL' ORDER BY \"installed_rank\"");
        try (WispDatabase db = WispDatabase.open(dir)) {
            assertThat(db.schemaVersion()).isEqualTo(latestVersion());
            assertThat(db.bootstrapConfigs().get("dev")).isPresent();
        }
        try (WispDatabase db = WispDatabase.open(dir)) {
            assertThat(db.bootstrapConfigs().get("dev")).isPresent();
        }
        assertThat(Sql.column(dir, "SELECT \"version\" || ' ' || \"checksum\" || ' ' || \"success\""
                + " FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL' ORDER BY \"installed_rank\""))
                .isEqualTo(history).hasSize(Integer.parseInt(latestVersion()));
    }
}
