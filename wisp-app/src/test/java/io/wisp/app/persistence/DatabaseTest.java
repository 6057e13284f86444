package io.wisp.app.persistence;

import io.wisp.transport.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A real database file in a temporary directory, opened before each test and closed after; {@link #reopen()}. */
abstract class DatabaseTest {
    @TempDir
    Path dir;

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    protected WispDatabase db;

    protected DatabaseOptions options() {
        return DatabaseOptions.defaults();
    }

    @BeforeEach
    void openDatabase() {
        db = WispDatabase.open(dir, options(), clock);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    /** Closes the database and opens it again: a restart. */
    protected void reopen() {
        db.close();
        db = WispDatabase.open(dir, options(), clock);
    }
}
