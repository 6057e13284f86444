package io.wisp.app.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wisp's embedded database: one H2 file in the data directory ({@code ./wisp-data} by default), reached through
 * plain JDBC and a small connection pool, its schema brought to the latest version by the Flyway migrations in
 * {@code db/migration} when it opens. It holds what must survive a restart — registrations, observations, queued
 * requests, credentials, bootstrap configurations and reported values — each behind a small store interface:
 *
 * <pre>{@code
 * try (WispDatabase db = WispDatabase.open(Path.of("wisp-data"))) {
 *     WispServer server = WispServer.builder().registrationStore(db.registrations())
 *             .securityStore(db.security()).build();
 *     ...
 *     server.close();
 * }   // writes what is pending, then closes the file
 * }</pre>
 *
 * <p>Durability: a write through a store method is on disk (in the operating system's hands) when the method
 * returns, except for registrations and reported values, which are written behind by one writer thread every
 * {@link DatabaseOptions#flushDelay()}: a kill -9 loses at most the changes of that last interval plus one batch
 * write. Nothing is forced to the platter ({@code fsync}) unless {@link DatabaseOptions#syncToDisk()} is set, so a
 * power loss can also lose what the operating system had not written yet. The database does not close itself when
 * the JVM exits; the owner closes it after the servers, so their last changes are written.
 *
 * <p>Only one process can open a data directory at a time.
 */
public final class WispDatabase implements AutoCloseable {
    /** The data directory when none is given. */
    public static final Path DEFAULT_DIRECTORY = Path.of("wisp-data");

    private static final Logger LOG = LoggerFactory.getLogger(WispDatabase.class);
    private static final String FILE_NAME = "wisp";

    private final Path directory;
    private final HikariDataSource pool;
    private final String schemaVersion;
    private final PersistentRegistrationStore registrations;
    private final ObservationStore observations;
    private final QueuedRequestStore queuedRequests;
    private final PersistentSecurityStore security;
    private final BootstrapConfigDocuments bootstrapConfigs;
    private final JdbcValueHistoryStore valueHistory;
    private final UploadedModelStore uploadedModels;
    private final WriteBehind writer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private WispDatabase(Path directory, HikariDataSource pool, String schemaVersion, DatabaseOptions options,
            Clock clock) {
        this.directory = directory;
        this.pool = pool;
        this.schemaVersion = schemaVersion;
        Jdbc jdbc = new Jdbc(pool, options.syncToDisk());
        ScheduledExecutorService thread = WriteBehind.newThread();
        this.registrations = new PersistentRegistrationStore(clock);
        this.valueHistory = new JdbcValueHistoryStore(jdbc, clock, options, this::flush);
        this.writer = new WriteBehind(jdbc, options.flushDelay(),
                List.of(registrations.writes(), valueHistory.writes()), thread);
        this.observations = new JdbcObservationStore(jdbc);
        this.queuedRequests = new JdbcQueuedRequestStore(jdbc);
        this.security = new PersistentSecurityStore(jdbc, clock);
        this.bootstrapConfigs = new JdbcBootstrapConfigDocuments(jdbc, clock);
        this.uploadedModels = new JdbcUploadedModelStore(jdbc);

        long start = System.nanoTime();
        int loaded = jdbc.read("loading the registrations", registrations::load);
        int credentials = jdbc.read("loading the credentials", security::load);
        writer.flush();
        int orphans = jdbc.write("dropping observations and queued requests of ended registrations", c -> {
            int n = 0;
            for (String table : List.of("observation", "queued_request")) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table
                        + " WHERE registration_id NOT IN (SELECT id FROM registration)")) {
                    n += s.executeUpdate();
                }
            }
            return n;
        });
        LOG.info("Database {} (schema version {}): {} registrations and {} credentials loaded in {} ms{}", directory,
                schemaVersion, loaded, credentials, (System.nanoTime() - start) / 1_000_000,
                orphans > 0 ? ", " + orphans + " observations or queued requests of ended registrations dropped" : "");
        writer.start();
        thread.scheduleWithFixedDelay(this::pruneSafely, options.pruneInterval().toMillis(),
                options.pruneInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens (creating it if needed) the database in {@code directory} with the default options and system clock. */
    public static WispDatabase open(Path directory) {
        return open(directory, DatabaseOptions.defaults(), Clock.systemUTC());
    }

    /**
     * Opens (creating it if needed) the database in {@code directory}, migrates its schema to the latest version and
     * loads the registrations. {@code clock} must be the servers' clock: registration expiry runs on it. Throws
     * {@link PersistenceException} when the directory cannot be created, is in use by another process, or the schema
     * cannot be migrated.
     */
    public static WispDatabase open(Path directory, DatabaseOptions options, Clock clock) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(clock, "clock");
        Path dir = directory.toAbsolutePath().normalize();
        if (dir.toString().indexOf(';') >= 0) {
            throw new IllegalArgumentException("directory must not contain ';' (H2 reads it as a setting): " + dir);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new PersistenceException("Cannot create the data directory " + dir + ": " + e.getMessage(), e);
        }
        HikariDataSource pool = pool(dir);
        try {
            String version = migrate(pool);
            return new WispDatabase(dir, pool, version, options, clock);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static HikariDataSource pool(Path dir) {
        HikariConfig config = new HikariConfig();
        // DB_CLOSE_ON_EXIT=FALSE: the owner closes the database after the servers, not H2's own shutdown hook.
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve(FILE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setPassword("");
        config.setPoolName("wisp-db");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new PersistenceException("Cannot open the database in " + dir
                    + " (is another Wisp process using this data directory?): " + rootMessage(e), e);
        }
    }

    /** Applies the pending migrations; returns the schema version after them. */
    private static String migrate(HikariDataSource pool) {
        try {
            Flyway flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load();
            flyway.migrate();
            MigrationInfo current = flyway.info().current();
            return current == null ? "none" : current.getVersion().getVersion();
        } catch (FlywayException e) {
            throw new PersistenceException("Cannot migrate the database schema: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** The data directory, absolute. */
    public Path directory() {
        return directory;
    }

    /** The schema version the migrations brought the database to, e.g. {@code 1}. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** The registrations, for {@code WispServer.Builder#registrationStore}; loaded from the database at open. */
    public PersistentRegistrationStore registrations() {
        return registrations;
    }

    public ObservationStore observations() {
        return observations;
    }

    public QueuedRequestStore queuedRequests() {
        return queuedRequests;
    }

    /** The DTLS credentials, for the server's security settings; loaded from the database at open. */
    public PersistentSecurityStore security() {
        return security;
    }

    public BootstrapConfigDocuments bootstrapConfigs() {
        return bootstrapConfigs;
    }

    /** The object definitions uploaded through the API, to load again at start. */
    public UploadedModelStore uploadedModels() {
        return uploadedModels;
    }

    public ValueHistoryStore valueHistory() {
        return valueHistory;
    }

    /**
     * How many registration and value changes are not on disk yet (waiting for the writer, or in the round it is
     * writing: this waits for that round to end).
     */
    public int pendingWrites() {
        return writer.betweenRounds(() -> registrations.pendingWrites() + valueHistory.pendingWrites());
    }

    /**
     * Writes everything pending now instead of at the writer's next round; returns how many changes it wrote. Throws
     * {@link PersistenceException} when the database refuses them (they stay pending).
     */
    public int flush() {
        return writer.flush();
    }

    private void pruneSafely() {
        try {
            int removed = valueHistory.prune();
            if (removed > 0) {
                LOG.debug("Value history: {} values pruned", removed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Pruning the value history failed; trying again next time", e);
        }
    }

    /** Writes what is pending and closes the database; the stores cannot be used afterwards. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            writer.close();
        } finally {
            pool.close();
            LOG.info("Database {} closed", directory);
        }
    }
}
