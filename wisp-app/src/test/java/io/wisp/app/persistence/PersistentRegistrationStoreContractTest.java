package io.wisp.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.server.registration.RegistrationStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract against the persistent store on a real H2 file; after each scenario the database is closed and opened
 * again, and the reloaded store must hold exactly the registrations the first one ended with, field for field.
 */
class PersistentRegistrationStoreContractTest extends RegistrationStoreContract {
    @TempDir
    Path dir;

    private WispDatabase db;

    @BeforeEach
    void open() {
        db = WispDatabase.open(dir, DatabaseOptions.defaults(), clock);
    }

    @Override
    protected RegistrationStore store() {
        return db.registrations();
    }

    @AfterEach
    void the_same_registrations_come_back_after_a_restart() {
        Map<String, String> before = snapshot(db.registrations());
        db.close();
        try (WispDatabase reopened = WispDatabase.open(dir, DatabaseOptions.defaults(), clock)) {
            assertThat(snapshot(reopened.registrations())).isEqualTo(before);
        }
    }

    static Map<String, String> snapshot(RegistrationStore store) {
        Map<String, String> out = new TreeMap<>();
        store.forEach(r -> out.put(r.id(), Registrations.describe(r)));
        store.forEach(r -> out.put("endpoint " + r.endpoint(), store.byEndpoint(r.endpoint()).orElseThrow().id()));
        return out;
    }
}
