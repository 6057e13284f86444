package io.wisp.app.http.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wisp.app.http.ApiProblem;
import io.wisp.bootstrap.config.AccessControlInstance;
import io.wisp.bootstrap.config.AccessRight;
import io.wisp.bootstrap.config.BootstrapConfig;
import io.wisp.bootstrap.config.CertificateUsage;
import io.wisp.bootstrap.config.Credentials;
import io.wisp.bootstrap.config.SecurityInstance;
import io.wisp.bootstrap.config.ServerInstance;
import io.wisp.core.model.registry.ModelRegistry;
import io.wisp.core.node.SingleResource;
import io.wisp.core.node.Value;
import io.wisp.transport.testing.TestCertificates;
import io.wisp.transport.testing.TestCertificates.Issued;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The JSON form of bootstrap configurations: with keys it reads back to an equal configuration (what a store needs);
 * without keys it carries no key byte, and an edit without keys keeps the stored ones only for the same account.
 */
class BootstrapConfigJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final BootstrapConfigJson json = new BootstrapConfigJson(ModelRegistry.bundled());

    private static BootstrapConfig sample() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair client = g.generateKeyPair();
        KeyPair server = g.generateKeyPair();
        return BootstrapConfig.builder()
                .account(SecurityInstance.psk("coaps://127.0.0.1:5684", 1, "dev-psk", new byte[] {1, 2, 3, 4}),
                        ServerInstance.builder().shortServerId(1).lifetime(300).defaultMinPeriod(5)
                                .defaultMaxPeriod(60).binding("UQ").build())
                .account(SecurityInstance.builder().serverUri("coaps://127.0.0.1:5685").shortServerId(2)
                                .credentials(Credentials.rpk(client.getPublic().getEncoded(),
                                        client.getPrivate().getEncoded(), server.getPublic().getEncoded()))
                                .clientHoldOffTime(10).build(),
                        ServerInstance.of(2, 600))
                .accessControl(AccessControlInstance.builder().target(3, 0).grant(1, AccessRight.READ,
                        AccessRight.WRITE).owner(1).build())
                .write("/3/0/14", SingleResource.of(14, Value.of("+02")))
                .read("/1")
                .delete("/0").delete("/1")
                .build();
    }

    @Test
    void with_keys_a_configuration_reads_back_equal() throws Exception {
        BootstrapConfig config = sample();

        JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(json.writeWithKeys(config)));

        assertThat(json.read(written, Optional.empty())).isEqualTo(config);
    }

    private static BootstrapConfig x509(CertificateUsage usage) throws Exception {
        Issued ca = TestCertificates.certificateAuthority("Json CA");
        Issued device = TestCertificates.leaf("json-x509", ca);
        return BootstrapConfig.builder().account(SecurityInstance.builder().serverUri("coaps://127.0.0.1:5684")
                        .shortServerId(3).credentials(Credentials.x509(device.certificate().getEncoded(),
                                device.keys().getPrivate().getEncoded(), ca.certificate().getEncoded(), usage))
                        .build(),
                ServerInstance.of(3, 300)).build();
    }

    @Test
    void an_x509_certificate_usage_survives_the_stored_form_and_a_document_without_it_still_loads()
            throws Exception {
        for (CertificateUsage usage : CertificateUsage.values()) {
            BootstrapConfig config = x509(usage);
            JsonNode stored = MAPPER.readTree(MAPPER.writeValueAsString(json.writeWithKeys(config)));
            assertThat(stored.path("securities").get(0).path("certificateUsage").asInt()).isEqualTo(usage.code());
            assertThat(json.read(stored, Optional.empty())).isEqualTo(config);
        }
        BootstrapConfig without = x509(null);
        JsonNode older = MAPPER.readTree(MAPPER.writeValueAsString(json.writeWithKeys(without)));

        assertThat(older.path("securities").get(0).has("certificateUsage")).isFalse();
        BootstrapConfig loaded = json.read(older, Optional.empty());
        assertThat(loaded).isEqualTo(without);
        assertThat(((Credentials.X509) loaded.securities().get(0).credentials()).certificateUsage()).isEmpty();
    }

    @Test
    void without_keys_no_key_byte_is_written_and_an_edit_keeps_the_stored_keys() throws Exception {
        BootstrapConfig config = sample();

        String text = MAPPER.writeValueAsString(json.write(config));

        assertThat(text).doesNotContain("01020304").doesNotContain("\"key\"").doesNotContain("privateKey")
                .doesNotContain("publicKey");
        assertThat(json.read(MAPPER.readTree(text), Optional.of(config))).isEqualTo(config);
        String otherServer = text.replace("coaps://127.0.0.1:5684", "coaps://127.0.0.1:5699");
        assertThatThrownBy(() -> json.read(MAPPER.readTree(otherServer), Optional.of(config)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.field()).isEqualTo("securities[0].key"));
    }
}
