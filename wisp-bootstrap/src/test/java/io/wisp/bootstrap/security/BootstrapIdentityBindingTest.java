package io.wisp.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.wisp.transport.Peer;
import io.wisp.transport.PeerIdentity;
import io.wisp.transport.security.InMemorySecurityStore;
import io.wisp.transport.security.SecurityInfo;
import io.wisp.transport.testing.TestCertificates;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Which client may bootstrap as which endpoint (Core TS §6.1, Transport TS §5.2); refusals never show a key. */
class BootstrapIdentityBindingTest {
    private static final InetSocketAddress ADDRESS = new InetSocketAddress("127.0.0.1", 40000);
    private static final byte[] KEY = HexFormat.of().parseHex("a1b2c3d4e5f60718293a4b5c6d7e8f90");

    private final InMemorySecurityStore store = new InMemorySecurityStore();
    private final BootstrapIdentityBinding binding = new BootstrapIdentityBinding(store);

    private static Peer plain() {
        return Peer.unsecured("coap", ADDRESS);
    }

    private static Peer secured(PeerIdentity identity) {
        return new Peer("coaps", ADDRESS, identity);
    }

    @Test
    void an_endpoint_with_credentials_bootstraps_only_with_its_own_identity() {
        store.add(SecurityInfo.psk("dev-1", "id-1", KEY));
        store.add(SecurityInfo.psk("dev-2", "id-2", KEY));

        assertThat(binding.refusal("dev-1", secured(PeerIdentity.psk("id-1")))).isEmpty();
        assertThat(binding.refusal("dev-1", secured(PeerIdentity.psk("id-2")))).hasValueSatisfying(reason ->
                assertThat(reason).contains("psk:id-2", "dev-1").doesNotContain(HexFormat.of().formatHex(KEY)));
        assertThat(binding.refusal("dev-1", secured(PeerIdentity.x509("dev-1")))).isPresent();
        assertThat(binding.refusal("dev-1", plain())).hasValueSatisfying(reason ->
                assertThat(reason).contains("must bootstrap over DTLS"));
    }

    @Test
    void an_endpoint_without_credentials_bootstraps_over_plain_coap_or_with_a_certificate_named_after_it() {
        assertThat(binding.refusal("free", plain())).isEmpty();
        assertThat(binding.refusal("free", secured(PeerIdentity.x509("free")))).isEmpty();
        assertThat(binding.refusal("free", secured(PeerIdentity.x509("someone-else")))).isPresent();
    }

    @Test
    void a_bound_identity_cannot_bootstrap_as_an_endpoint_without_credentials() {
        PublicKey key = TestCertificates.ecKeyPair().getPublic();
        store.add(SecurityInfo.rpk("owner", key));
        store.add(SecurityInfo.x509("mapped", "serial-9"));

        assertThat(binding.refusal("free", secured(PeerIdentity.rpk(key)))).hasValueSatisfying(reason ->
                assertThat(reason).contains("belongs to endpoint 'owner'"));
        assertThat(binding.refusal("serial-9", secured(PeerIdentity.x509("serial-9"))))
                .as("a mapped CN is not an endpoint name any more").isPresent();
        assertThat(binding.refusal("mapped", secured(PeerIdentity.x509("serial-9")))).isEmpty();
        assertThat(binding.refusal("free", secured(PeerIdentity.psk("unbound-id")))).isPresent();
    }
}
