package io.wisp.transport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.transport.PeerIdentity;
import io.wisp.transport.testing.TestCertificates;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The credential store: one set of credentials per endpoint, one endpoint per identity, and no key ever shown. */
class InMemorySecurityStoreTest {
    private static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

    private final InMemorySecurityStore store = new InMemorySecurityStore();

    @Test
    void credentials_are_added_listed_found_by_endpoint_and_identity_and_removed() {
        KeyPair keys = TestCertificates.ecKeyPair();
        store.add(SecurityInfo.psk("b-psk", "id-b", KEY));
        store.add(SecurityInfo.rpk("a-rpk", keys.getPublic()));
        store.add(SecurityInfo.x509("c-x509", "serial-7"));

        assertThat(store.list()).containsExactly(
                new CredentialSummary("a-rpk", PeerIdentity.rpk(keys.getPublic())),
                new CredentialSummary("b-psk", PeerIdentity.psk("id-b")),
                new CredentialSummary("c-x509", PeerIdentity.x509("serial-7")));
        assertThat(store.list().get(1).mode()).isEqualTo(PeerIdentity.Kind.PSK);
        assertThat(store.byIdentity(PeerIdentity.psk("id-b")).map(SecurityInfo::endpoint)).contains("b-psk");
        assertThat(store.byIdentity(PeerIdentity.rpk(keys.getPublic())).map(SecurityInfo::endpoint))
                .contains("a-rpk");
        assertThat(((SecurityInfo.Psk) store.byEndpoint("b-psk").orElseThrow()).key()).isEqualTo(KEY);

        assertThat(store.remove("b-psk")).isTrue();
        assertThat(store.remove("b-psk")).isFalse();
        assertThat(store.byIdentity(PeerIdentity.psk("id-b"))).isEmpty();
        assertThat(store.list()).extracting(CredentialSummary::endpoint).containsExactly("a-rpk", "c-x509");
    }

    @Test
    void an_identity_bound_to_one_endpoint_cannot_be_given_to_another_until_released() {
        store.add(SecurityInfo.psk("dev-1", "shared-id", KEY));

        assertThatThrownBy(() -> store.add(SecurityInfo.psk("dev-2", "shared-id", KEY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dev-1")
                .hasMessageContaining("shared-id");
        assertThat(store.byEndpoint("dev-2")).isEmpty();

        assertThat(store.add(SecurityInfo.psk("dev-1", "new-id", KEY))).isPresent();
        store.add(SecurityInfo.psk("dev-2", "shared-id", KEY));
        assertThat(store.byIdentity(PeerIdentity.psk("shared-id")).map(SecurityInfo::endpoint)).contains("dev-2");
    }

    @Test
    void keys_never_appear_in_listings_or_descriptions_and_are_copied_in_and_out() {
        byte[] key = KEY.clone();
        SecurityInfo.Psk psk = SecurityInfo.psk("dev-1", "id-1", key);
        key[0] = 0x7f;
        store.add(psk);
        String hex = HexFormat.of().formatHex(KEY);

        assertThat(psk.toString()).doesNotContain(hex).doesNotContain(hex.toUpperCase()).contains("16 bytes");
        assertThat(store.list().toString()).doesNotContain(hex).doesNotContain(hex.toUpperCase());
        assertThat(psk.key()).isEqualTo(KEY);
        psk.key()[1] = 0x7f;
        assertThat(psk.key()).isEqualTo(KEY);
    }

    @Test
    void malformed_credentials_are_refused_naming_the_field() {
        assertThatThrownBy(() -> SecurityInfo.psk("dev", "id", new byte[65])).hasMessageContaining("key")
                .hasMessageContaining("65");
        assertThatThrownBy(() -> SecurityInfo.psk("dev", "id", new byte[0])).hasMessageContaining("key");
        assertThatThrownBy(() -> SecurityInfo.psk("dev", "x".repeat(129), KEY)).hasMessageContaining("identity");
        assertThatThrownBy(() -> SecurityInfo.psk("", "id", KEY)).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> SecurityInfo.x509("dev", "")).hasMessageContaining("commonName");
        assertThat(SecurityInfo.psk("dev", "x".repeat(128), new byte[64]).identity().name()).hasSize(128);
    }

    /** Whatever the adds and removes, each identity resolves to the one endpoint that lists it. */
    @Property(tries = 200)
    void endpoint_and_identity_views_always_agree(@ForAll("operations") List<int[]> operations) {
        InMemorySecurityStore s = new InMemorySecurityStore();
        for (int[] op : operations) {
            String endpoint = "ep-" + op[1];
            if (op[0] == 0) {
                s.remove(endpoint);
            } else {
                try {
                    s.add(SecurityInfo.psk(endpoint, "id-" + op[2], KEY));
                } catch (IllegalArgumentException conflict) {
                    assertThat(s.byIdentity(PeerIdentity.psk("id-" + op[2])).orElseThrow().endpoint())
                            .isNotEqualTo(endpoint);
                }
            }
        }
        List<CredentialSummary> listed = s.list();
        Set<PeerIdentity> identities = listed.stream().map(CredentialSummary::identity).collect(Collectors.toSet());
        assertThat(identities).hasSameSizeAs(listed);
        for (CredentialSummary line : listed) {
            assertThat(s.byIdentity(line.identity()).map(SecurityInfo::endpoint)).contains(line.endpoint());
        }
        for (int id = 0; id < 6; id++) {
            s.byIdentity(PeerIdentity.psk("id-" + id)).ifPresent(info ->
                    assertThat(s.byEndpoint(info.endpoint())).contains(info));
        }
    }

    @Provide
    Arbitrary<List<int[]>> operations() {
        Arbitrary<int[]> op = Arbitraries.integers().between(0, 2).flatMap(kind -> Arbitraries.integers()
                .between(0, 5).flatMap(ep -> Arbitraries.integers().between(0, 5)
                        .map(id -> new int[] {kind, ep, id})));
        return op.list().ofMaxSize(30);
    }
}
