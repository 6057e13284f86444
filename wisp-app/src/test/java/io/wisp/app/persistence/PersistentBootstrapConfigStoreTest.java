package io.wisp.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.wisp.app.http.Json;
import io.wisp.app.http.ApiProblem;
import io.wisp.app.http.bootstrap.BootstrapConfigJson;
import io.wisp.bootstrap.config.AccessControlInstance;
import io.wisp.bootstrap.config.AccessRight;
import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.SecurityInstance;
import io.wisp.bootstrap.config.ServerInstance;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bootstrap configurations kept in the database: what a bootstrap server was given comes back equal from a new
 * process (every part of it: accounts with keys, Access Control, extra writes, reads, options), a removed one stays
 * removed, and a document with a mistake is refused naming the member.
 */
class PersistentBootstrapConfigStoreTest {
    private static final BootstrapConfigJson JSON = new BootstrapConfigJson(ModelRegistry.bundled());

    @TempDir
    Path dir;

    private static PersistentBootstrapConfigStore store(WispDatabase db) {
        return new PersistentBootstrapConfigStore(db.bootstrapConfigs(), c -> Json.write(JSON.writeWithKeys(c)),
                text -> JSON.read(Json.read(text), Optional.empty()));
    }

    @Test
    void a_configuration_comes_back_equal_after_a_restart_and_a_removed_one_stays_removed() {
        BootstrapConfig full = BootstrapConfig.builder().delete("/0").delete("/1")
                .account(SecurityInstance.psk("coaps://127.0.0.1:5684", 7, "dev-7", new byte[] {1, 2, 3, 4}),
                        ServerInstance.builder().shortServerId(7).lifetime(600).defaultMaxPeriod(60)
                                .binding("UQ").notificationStoring(true).build())
                .security(SecurityInstance.builder().serverUri("coap://127.0.0.1:5783").bootstrapServer(true)
                        .clientHoldOffTime(10).build())
                .accessControl(AccessControlInstance.builder().target(3, 0).grant(7, AccessRight.READ,
                        AccessRight.WRITE).owner(7).build())
                .write("/3/0/14", SingleResource.of(14, Value.of("+01")))
                .read("/1").discover(false).writeFormat(ContentFormat.TLV).build();
        BootstrapConfig plain = BootstrapConfig.builder()
                .account(SecurityInstance.noSec("coap://127.0.0.1:5683", 1), ServerInstance.of(1, 300)).build();
        try (WispDatabase db = WispDatabase.open(dir)) {
            PersistentBootstrapConfigStore store = store(db);
            store.put("dev-7", full);
            store.put("dev-8", plain);
            store.setDefault(plain);
            assertThat(store.remove("dev-8")).contains(plain);
        }
        try (WispDatabase db = WispDatabase.open(dir)) {
            PersistentBootstrapConfigStore store = store(db);
            assertThat(store.get("dev-7")).contains(full);
            assertThat(store.get("dev-8")).isEmpty();
            assertThat(store.lookup("anyone")).contains(plain);
            assertThat(store.all()).containsOnlyKeys("dev-7");
            store.setDefault(null);
        }
        try (WispDatabase db = WispDatabase.open(dir)) {
            assertThat(store(db).defaultConfig()).isEmpty();
        }
    }

    @Test
    void a_document_with_a_mistake_is_refused_naming_the_member() {
        assertThat(refusedField("{\"securities\": [{\"shortServerId\": 1}]}")).isEqualTo("securities[0].serverUri");
        assertThat(refusedField("{\"securities\": [{\"serverUri\": \"coaps://h\", \"shortServerId\": 1,"
                + " \"mode\": \"PSK\", \"identity\": \"a\", \"key\": \"xyz\"}]}")).isEqualTo("securities[0].key");
        assertThat(refusedField("{\"servers\": [{\"shortServerId\": 1, \"lifetime\": 0}]}"))
                .isEqualTo("servers[0].lifetime");
        assertThat(refusedField("{\"writeFormat\": \"XML\"}")).isEqualTo("writeFormat");
    }

    private static String refusedField(String document) {
        Throwable thrown = catchThrowable(() -> JSON.read(Json.read(document), Optional.empty()));
        assertThat(thrown).isInstanceOf(ApiProblem.class);
        return ((ApiProblem) thrown).field();
    }
}
