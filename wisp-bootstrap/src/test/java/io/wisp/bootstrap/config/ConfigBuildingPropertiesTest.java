package io.wisp.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Building a configuration from any values either succeeds or fails with {@link InvalidConfigException} naming one
 * of the fields given — never another exception, which an API or file loader would turn into a 500.
 */
class ConfigBuildingPropertiesTest {
    private static final Set<String> FIELDS = Set.of("serverUri", "shortServerId", "instanceId", "lifetime",
            "defaultMinPeriod", "defaultMaxPeriod", "binding", "servers[0].shortServerId",
            "securities[0].shortServerId", "credentials.identity", "credentials.key");

    @Provide
    Arbitrary<String> uris() {
        return Arbitraries.oneOf(Arbitraries.of("coap://h", "coaps://h:5684", "coap+tcp://[::1]:1", "coap:/x",
                "http://h", "coap://", "", "coap://h/p?q#f"), Arbitraries.strings().ofMaxLength(300));
    }

    @Provide
    Arbitrary<String> bindings() {
        return Arbitraries.oneOf(Arbitraries.of("U", "UQ", "US", "T", "UU", ""), Arbitraries.strings().ofMaxLength(4));
    }

    @Property(tries = 500)
    void any_values_build_or_are_refused_naming_the_field(@ForAll("uris") String uri,
            @ForAll int securityId, @ForAll int serverId, @ForAll long lifetime, @ForAll long pmin,
            @ForAll long pmax, @ForAll("bindings") String binding, @ForAll String identity,
            @ForAll byte[] key, @ForAll boolean psk) {
        try {
            SecurityInstance.Builder security = SecurityInstance.builder().serverUri(uri).shortServerId(securityId);
            if (psk) {
                security.credentials(Credentials.psk(identity, key));
            }
            ServerInstance server = ServerInstance.builder().shortServerId(serverId).lifetime(lifetime)
                    .defaultMinPeriod(pmin).defaultMaxPeriod(pmax).binding(binding).build();
            BootstrapConfig config = BootstrapConfig.builder().account(security.build(), server).build();
            assertThat(config.servers().get(0).shortServerId()).isEqualTo(config.securities().get(0).shortServerId());
        } catch (InvalidConfigException e) {
            assertThat(e.field()).isIn(FIELDS);
            assertThat(e.reason()).isNotBlank();
        }
    }
}
