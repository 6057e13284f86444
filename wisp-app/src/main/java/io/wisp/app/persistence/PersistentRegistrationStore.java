package io.wisp.app.persistence;

import io.wisp.server.registration.InMemoryRegistrationStore;
import io.wisp.server.registration.Registration;
import io.wisp.server.registration.RegistrationStore;
import io.wisp.server.registration.UpdatedRegistration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RegistrationStore} that survives restarts: registrations live in an {@link InMemoryRegistrationStore}
 * (the working set the server's hot path reads and changes, with its expiry wheel) and are written behind it to the
 * {@code registration} table; all of them are loaded back when the database opens. After a restart the server still
 * knows its clients until their lifetimes run out (Core TS §6.2), answers their Updates and De-registers at the same
 * location, and sends downlinks to the address it last heard them from.
 *
 * <p>A change costs the caller one map operation: the registration's ID is marked with the kind of change, and the
 * database writer ({@link WriteBehind}) saves the latest state of every marked registration each round, so many changes
 * of one registration between two rounds cost one row write. A new registration is one insert, a plain renewal (an
 * Update that changes nothing but the time) updates two columns, anything else rewrites the row. A kill -9 loses at
 * most the changes of the last round ({@link DatabaseOptions#flushDelay()} plus the time of one write).
 */
public final class PersistentRegistrationStore implements RegistrationStore {
    private static final Logger LOG = LoggerFactory.getLogger(PersistentRegistrationStore.class);
    private static final int MAX_BATCH = 10_000;

    /** What changed in a registration since it was last written; a later change absorbs an earlier one. */
    private enum Change {
        /** Only the time of the last Update (and so the expiry): two columns to update. */
        RENEWED,
        /** Anything else, or the registration is gone: the row is deleted and, if it still exists, written again. */
        REWRITE,
        /** Added since the last round: its row is only inserted (whatever changed after the Register). */
        NEW;

        Change and(Change other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    private final InMemoryRegistrationStore memory;
    private final ConcurrentHashMap<String, Change> dirty = new ConcurrentHashMap<>();

    PersistentRegistrationStore(Clock clock) {
        this.memory = new InMemoryRegistrationStore(clock);
    }

    /** Loads every stored registration; a row that does not make a registration is logged and deleted. */
    int load(Connection c) throws SQLException {
        int loaded = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(RegistrationRows.SELECT_ALL)) {
            while (rs.next()) {
                Registration r;
                try {
                    r = RegistrationRows.read(rs);
                } catch (RuntimeException e) {
                    String id = rs.getString("id");
                    LOG.warn("Stored registration {} is unreadable and is dropped: {}", id, e.getMessage());
                    mark(id, Change.REWRITE);
                    continue;
                }
                memory.add(r).ifPresent(older -> mark(older.id(), Change.REWRITE));
                loaded++;
            }
        }
        return loaded;
    }

    @Override
    public Optional<Registration> add(Registration registration) {
        Optional<Registration> replaced = memory.add(registration);
        replaced.ifPresent(old -> mark(old.id(), Change.REWRITE));
        mark(registration.id(), Change.NEW);
        return replaced;
    }

    @Override
    public Optional<UpdatedRegistration> update(String id, UnaryOperator<Registration> change) {
        Optional<UpdatedRegistration> result = memory.update(id, change);
        result.ifPresent(u -> mark(id, onlyRenewed(u.previous(), u.current()) ? Change.RENEWED : Change.REWRITE));
        return result;
    }

    @Override
    public Optional<Registration> remove(String id) {
        Optional<Registration> removed = memory.remove(id);
        removed.ifPresent(r -> mark(id, Change.REWRITE));
        return removed;
    }

    @Override
    public List<Registration> removeExpired(Instant now) {
        List<Registration> expired = memory.removeExpired(now);
        expired.forEach(r -> mark(r.id(), Change.REWRITE));
        return expired;
    }

    @Override
    public Optional<Registration> byId(String id) {
        return memory.byId(id);
    }

    @Override
    public Optional<Registration> byEndpoint(String endpoint) {
        return memory.byEndpoint(endpoint);
    }

    @Override
    public void forEach(Consumer<Registration> action) {
        memory.forEach(action);
    }

    @Override
    public int size() {
        return memory.size();
    }

    /** How many registrations have changes not written to the database yet. */
    public int pendingWrites() {
        return dirty.size();
    }

    /** The writer's view: the marked registrations, in their current state. */
    WriteBehind.Source writes() {
        return this::drain;
    }

    private void mark(String id, Change change) {
        dirty.merge(id, change, Change::and);
    }

    private static boolean onlyRenewed(Registration before, Registration after) {
        return before.lifetime() == after.lifetime() && before.binding() == after.binding()
                && before.queueMode() == after.queueMode() && Objects.equals(before.smsNumber(), after.smsNumber())
                && before.objectLinks().equals(after.objectLinks())
                && before.objectLinks().contentFormats().equals(after.objectLinks().contentFormats())
                && before.objectLinks().alternatePath().equals(after.objectLinks().alternatePath())
                && before.peer().equals(after.peer());
    }

    /**
     * Takes up to {@link #MAX_BATCH} marks. Each mark is removed before the registration's state is read, so a change
     * made meanwhile marks it again and is written next round: the latest state always reaches the table.
     */
    private WriteBehind.Batch drain() {
        List<String> gone = new ArrayList<>();
        List<Registration> added = new ArrayList<>();
        List<Registration> rewritten = new ArrayList<>();
        List<Registration> renewed = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        Iterator<String> it = dirty.keySet().iterator();
        while (it.hasNext() && ids.size() < MAX_BATCH) {
            String id = it.next();
            Change change = dirty.remove(id);
            if (change == null) {
                continue;
            }
            ids.add(id);
            changes.add(change);
            Registration current = memory.byId(id).orElse(null);
            if (current == null) {
                gone.add(id);
            } else if (change == Change.RENEWED) {
                renewed.add(current);
            } else if (change == Change.NEW) {
                added.add(current);
            } else {
                rewritten.add(current);
            }
        }
        boolean full = it.hasNext();
        return new WriteBehind.Batch() {
            @Override
            public int size() {
                return ids.size();
            }

            @Override
            public boolean isFull() {
                return full;
            }

            @Override
            public void write(Connection c) throws SQLException {
                writeRows(c, gone, added, rewritten, renewed);
            }

            /** Back as rewrites: if a row thought new was there after all, the next round deletes it first. */
            @Override
            public void giveBack() {
                for (int k = 0; k < ids.size(); k++) {
                    mark(ids.get(k), changes.get(k) == Change.NEW ? Change.REWRITE : changes.get(k));
                }
            }
        };
    }

    private static void writeRows(Connection c, List<String> gone, List<Registration> added,
            List<Registration> rewritten, List<Registration> renewed) throws SQLException {
        if (!gone.isEmpty() || !rewritten.isEmpty()) {
            try (PreparedStatement delete = c.prepareStatement(RegistrationRows.DELETE)) {
                for (String id : gone) {
                    delete.setString(1, id);
                    delete.addBatch();
                }
                for (Registration r : rewritten) {
                    delete.setString(1, r.id());
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        }
        List<Registration> inserts = new ArrayList<>(added);
        inserts.addAll(rewritten);
        if (!renewed.isEmpty()) {
            try (PreparedStatement renew = c.prepareStatement(RegistrationRows.RENEW)) {
                for (Registration r : renewed) {
                    RegistrationRows.addRenew(renew, r);
                }
                int[] counts = renew.executeBatch();
                for (int k = 0; k < counts.length; k++) {
                    if (counts[k] == 0) {
                        inserts.add(renewed.get(k));
                    }
                }
            }
        }
        if (!inserts.isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement(RegistrationRows.INSERT)) {
                for (Registration r : inserts) {
                    RegistrationRows.addInsert(insert, r);
                }
                insert.executeBatch();
            }
        }
    }
}
