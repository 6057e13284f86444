package io.wisp.app.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Runs units of work on a pooled connection: reads as they are, writes in one transaction followed by the durability
 * step. H2 keeps committed changes in memory for up to its write delay (about half a second) before writing them to
 * its file, so a process killed right after a commit would lose them; {@code CHECKPOINT} writes them out at once
 * (to the operating system: they survive the process), {@code CHECKPOINT SYNC} also forces them to the disk.
 */
final class Jdbc {

    /** A unit of work on one connection. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final String durabilityStatement;

    Jdbc(DataSource dataSource, boolean syncToDisk) {
        this.dataSource = dataSource;
        this.durabilityStatement = syncToDisk ? "CHECKPOINT SYNC" : "CHECKPOINT";
    }

    /** Runs {@code work} outside a transaction; {@code what} names it in the error. */
    <T> T read(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new PersistenceException("Failed " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one transaction and makes it durable before returning; rolls back on failure. */
    <T> T write(String what, Work<T> work) {
        try {
            return writeOrThrow(work);
        } catch (SQLException e) {
            throw new PersistenceException("Failed " + what + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #write}, leaving the {@link SQLException} to the caller (the write-behind writer retries). */
    <T> T writeOrThrow(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            try (Statement s = c.createStatement()) {
                s.execute(durabilityStatement);
            }
            return result;
        }
    }
}
