package io.wisp.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.core.path.LwM2mPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** A configuration is refused, naming the field, unless its accounts hang together (Core TS §6.1). */
class BootstrapConfigTest {
    private static final String URI = "coap://lwm2m.example.com:5683";

    private static void refused(ThrowingCallable build, String field, String reasonPart) {
        assertThatThrownBy(build).isInstanceOfSatisfying(InvalidConfigException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.reason()).contains(reasonPart);
            assertThat(e.getMessage()).isEqualTo(field + ": " + e.reason());
        });
    }

    private static BootstrapConfig.Builder oneAccount() {
        return BootstrapConfig.builder().account(SecurityInstance.noSec(URI, 1), ServerInstance.of(1, 300));
    }

    @Test
    void a_server_instance_without_its_security_instance_is_refused_naming_it() {
        refused(() -> BootstrapConfig.builder().server(ServerInstance.of(123, 300)).build(),
                "servers[0].shortServerId", "no security instance for short server ID 123");
        refused(() -> oneAccount().server(ServerInstance.of(7, 60)).build(),
                "servers[1].shortServerId", "no security instance for short server ID 7");
    }

    @Test
    void a_bootstrap_account_does_not_count_as_the_security_instance_of_a_server() {
        SecurityInstance bootstrapAccount = SecurityInstance.builder().serverUri(URI).bootstrapServer(true)
                .shortServerId(9).build();
        refused(() -> BootstrapConfig.builder().security(bootstrapAccount).server(ServerInstance.of(9, 60)).build(),
                "servers[0].shortServerId", "Bootstrap-Server account");
    }

    @Test
    void a_security_instance_without_its_server_instance_is_refused() {
        refused(() -> oneAccount().security(SecurityInstance.noSec(URI, 2)).build(),
                "securities[1].shortServerId", "no server instance for short server ID 2");
    }

    @Test
    void duplicate_short_server_ids_and_instance_ids_are_refused() {
        refused(() -> oneAccount().security(SecurityInstance.noSec(URI, 1)).build(),
                "securities[1].shortServerId", "already used by securities[0]");
        refused(() -> oneAccount().server(ServerInstance.of(1, 60)).build(),
                "servers[1].shortServerId", "already used by servers[0]");
        refused(() -> BootstrapConfig.builder()
                .account(SecurityInstance.builder().serverUri(URI).shortServerId(1).instanceId(4).build(),
                        ServerInstance.of(1, 60))
                .account(SecurityInstance.builder().serverUri(URI).shortServerId(2).instanceId(4).build(),
                        ServerInstance.of(2, 60))
                .build(), "securities[1].instanceId", "instance 4 is already written by securities[0]");
        SecurityInstance bs = SecurityInstance.builder().serverUri(URI).bootstrapServer(true).build();
        refused(() -> oneAccount().security(bs).security(bs).build(), "securities[2].bootstrapServer",
                "only one Bootstrap-Server account");
    }

    @Test
    void bad_server_uris_are_refused() {
        refused(() -> SecurityInstance.noSec("http://example.com", 1), "serverUri", "coap, coaps");
        refused(() -> SecurityInstance.noSec("coap://exa mple.com", 1), "serverUri", "not a URI");
        refused(() -> SecurityInstance.noSec("coap:/no-host", 1), "serverUri", "names no host");
        refused(() -> SecurityInstance.noSec("", 1), "serverUri", "required");
        refused(() -> SecurityInstance.noSec("coap://" + "a".repeat(250) + ".com", 1), "serverUri", "255 bytes");
        refused(() -> SecurityInstance.noSec("coaps://example.com", 1), "serverUri", "NoSec");
        refused(() -> SecurityInstance.psk("coap://example.com", 1, "id", new byte[16]), "serverUri", "PSK");
    }

    @Test
    void psk_mode_needs_an_identity_and_a_key_within_the_dtls_limits() {
        refused(() -> Credentials.psk(null, new byte[16]), "credentials.identity", "needs a PSK identity");
        refused(() -> Credentials.psk("", new byte[16]), "credentials.identity", "needs a PSK identity");
        refused(() -> Credentials.psk("dev", null), "credentials.key", "needs a pre-shared key");
        refused(() -> Credentials.psk("dev", new byte[0]), "credentials.key", "needs a pre-shared key");
        refused(() -> Credentials.psk("dev", new byte[65]), "credentials.key", "at most 64 bytes, got 65");
        refused(() -> Credentials.psk("é".repeat(65), new byte[16]), "credentials.identity",
                "at most 128 bytes, got 130");
        assertThat(Credentials.psk("x".repeat(128), new byte[64]).mode()).isEqualTo(SecurityMode.PSK);
    }

    @Test
    void rpk_and_x509_key_material_must_decode() throws Exception {
        byte[] cert = fixture("device-cert.der");
        byte[] key = fixture("device-key.der");
        KeyPair pair = KeyPairGenerator.getInstance("EC").generateKeyPair();
        byte[] publicKey = pair.getPublic().getEncoded();

        assertThat(Credentials.x509(cert, key, cert).mode()).isEqualTo(SecurityMode.X509);
        assertThat(Credentials.rpk(publicKey, key, publicKey).mode()).isEqualTo(SecurityMode.RPK);
        refused(() -> Credentials.x509(new byte[] {1, 2, 3}, key, cert), "credentials.certificate", "X.509");
        refused(() -> Credentials.x509(cert, cert, cert), "credentials.privateKey", "PKCS#8");
        refused(() -> Credentials.x509(cert, key, null), "credentials.serverCertificate", "required");
        refused(() -> Credentials.rpk(key, key, publicKey), "credentials.publicKey", "SubjectPublicKeyInfo");
    }

    @Test
    void keys_never_appear_in_to_string() throws Exception {
        String secret = "0123456789abcdef";
        SecurityInstance psk = SecurityInstance.psk("coaps://example.com", 1, "device-42",
                secret.getBytes(StandardCharsets.UTF_8));
        BootstrapConfig config = BootstrapConfig.builder().account(psk, ServerInstance.of(1, 60)).build();
        byte[] key = fixture("device-key.der");
        SecurityInstance x509 = SecurityInstance.builder().serverUri("coaps://example.com").shortServerId(1)
                .credentials(Credentials.x509(fixture("device-cert.der"), key, fixture("device-cert.der"))).build();

        assertThat(config.toString()).contains("device-42").doesNotContain(secret)
                .doesNotContain(HexFormat.of().formatHex(secret.getBytes(
                        StandardCharsets.UTF_8)));
        assertThat(x509.toString()).doesNotContain(HexFormat.of().formatHex(key))
                .doesNotContain(Base64.getEncoder().encodeToString(key)).contains("hidden");
        assertThat(psk.toString()).contains("hidden");
    }

    @Test
    void server_settings_are_checked_field_by_field() {
        refused(() -> ServerInstance.of(0, 60), "shortServerId", "1..65534");
        refused(() -> ServerInstance.of(65535, 60), "shortServerId", "1..65534");
        refused(() -> ServerInstance.of(1, 0), "lifetime", "at least 1");
        refused(() -> ServerInstance.builder().shortServerId(1).binding("UX").build(), "binding", "'X'");
        refused(() -> ServerInstance.builder().shortServerId(1).binding("UU").build(), "binding", "twice");
        refused(() -> ServerInstance.builder().shortServerId(1).binding("").build(), "binding", "required");
        refused(() -> ServerInstance.builder().shortServerId(1).defaultMinPeriod(10).defaultMaxPeriod(5).build(),
                "defaultMaxPeriod", "less than defaultMinPeriod");
        refused(() -> ServerInstance.builder().lifetime(60).build(), "shortServerId", "required");
        refused(() -> SecurityInstance.builder().serverUri(URI).build(), "shortServerId", "needs a short server ID");
        refused(() -> SecurityInstance.builder().serverUri(URI).shortServerId(1).instanceId(65535).build(),
                "instanceId", "0..65534");
    }

    @Test
    void access_control_entries_are_checked() {
        refused(() -> AccessControlInstance.builder().target(0, 0).owner(1).build(), "objectId", "1..65534");
        refused(() -> AccessControlInstance.builder().target(3, 0).build(), "owner", "required");
        refused(() -> AccessControlInstance.builder().owner(1).build(), "objectId", "required");
        refused(() -> new AccessControlInstance(null, 3, 0, new TreeMap<>(Map.of(1, 32)), 1),
                "acl[1]", "0..31");
        AccessControlInstance acl = AccessControlInstance.builder().target(3, 0).owner(1).build();
        refused(() -> oneAccount().accessControl(acl).accessControl(acl).build(), "accessControls[1].objectInstanceId",
                "/3/0 is already controlled by accessControls[0]");
    }

    @Test
    void deletes_reads_writes_and_format_are_checked_against_what_the_operations_allow() {
        refused(() -> BootstrapConfig.builder().delete("/1/0/1").build(), "deletes[0]", "root, an object");
        refused(() -> BootstrapConfig.builder().delete("/x").build(), "deletes[0]", "");
        refused(() -> BootstrapConfig.builder().read("/0").build(), "reads[0]", "Server (/1) or Access Control");
        refused(() -> BootstrapConfig.builder().write("/3/0", SingleResource.of(1, Value.of("x"))).build(),
                "writes[0].node", "object instance");
        refused(() -> BootstrapConfig.builder().write("/", SingleResource.of(1, Value.of("x"))).build(),
                "writes[0].path", "");
        refused(() -> oneAccount().write("/1", LwM2mObject.of(1)).build(), "writes[0].path",
                "would replace the instances of servers");
        refused(() -> BootstrapConfig.builder().write("/3/0/1", SingleResource.of(1, Value.of("a")))
                .write("/3/0", ObjectInstance.of(0, SingleResource.of(2, Value.of("b")))).build(),
                "writes[1].path", "overlaps /3/0/1");
        refused(() -> oneAccount().writeFormat(ContentFormat.TEXT).build(), "writeFormat", "cannot carry");
    }

    @Test
    void instance_ids_go_to_the_lowest_free_ones_around_the_chosen_and_written() {
        BootstrapConfig config = BootstrapConfig.builder()
                .account(SecurityInstance.noSec(URI, 1), ServerInstance.of(1, 60))
                .account(SecurityInstance.builder().serverUri(URI).shortServerId(2).instanceId(0).build(),
                        ServerInstance.builder().shortServerId(2).instanceId(0).build())
                .account(SecurityInstance.noSec(URI, 3), ServerInstance.of(3, 60))
                .write("/1/1", ObjectInstance.of(1, SingleResource.of(1, Value.of(5))))
                .build();

        assertThat(config.serverInstanceIds()).containsExactly(2, 0, 3);
        assertThat(config.securityInstanceIds(Set.of(1))).containsExactly(2, 0, 3);
        assertThat(config.deletes()).containsExactly(LwM2mPath.ROOT);
        assertThat(BootstrapConfig.builder().deleteNothing().build().deletes()).isEmpty();
        assertThat(BootstrapConfig.builder().delete("/0").delete("/1").build().deletes())
                .containsExactly(LwM2mPath.of(0), LwM2mPath.of(1));
    }

    @Test
    void instances_become_the_resources_of_the_objects_in_the_ts() {
        ObjectInstance security = SecurityInstance.psk("coaps://example.com", 7, "dev", new byte[] {9, 9})
                .toNode(2);
        assertThat(security.resource(0)).isEqualTo(SingleResource.of(0, Value.of("coaps://example.com")));
        assertThat(security.resource(1)).isEqualTo(SingleResource.of(1, Value.of(false)));
        assertThat(security.resource(2)).isEqualTo(SingleResource.of(2, Value.of(0)));
        assertThat(security.resource(3)).isEqualTo(SingleResource.of(3, Value.of("dev".getBytes())));
        assertThat(security.resource(5)).isEqualTo(SingleResource.of(5, Value.of(new byte[] {9, 9})));
        assertThat(security.resource(10)).isEqualTo(SingleResource.of(10, Value.of(7)));
        ObjectInstance server = ServerInstance.builder().shortServerId(7).lifetime(90).defaultMinPeriod(1)
                .defaultMaxPeriod(30).notificationStoring(false).binding("UQ").build().toNode(0);
        assertThat(List.of(0, 1, 2, 3, 6, 7)).allSatisfy(r -> assertThat(server.resource(r)).isNotNull());
        assertThat(server.resource(7)).isEqualTo(SingleResource.of(7, Value.of("UQ")));
        assertThat(server.resource(6)).isEqualTo(SingleResource.of(6, Value.of(false)));
    }

    @Test
    void the_in_memory_store_falls_back_to_the_default() {
        InMemoryBootstrapConfigStore store = new InMemoryBootstrapConfigStore();
        BootstrapConfig own = oneAccount().build();
        BootstrapConfig fallback = BootstrapConfig.builder().deleteNothing().build();

        assertThat(store.lookup("a")).isEmpty();
        store.setDefault(fallback);
        store.put("a", own);
        assertThat(store.lookup("a")).contains(own);
        assertThat(store.lookup("b")).contains(fallback);
        assertThat(store.get("b")).isEmpty();
        assertThat(store.remove("a")).contains(own);
        assertThat(store.lookup("a")).contains(fallback);
        refused(() -> store.put("", own), "endpoint", "empty");
    }

    private static byte[] fixture(String name) throws IOException {
        try (var in = BootstrapConfigTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
