package io.wisp.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wisp.server.registration.RegistrationRequestException.Problem;
import io.wisp.server.registration.RegistrationRequestException;
import io.wisp.transport.Peer;
import io.wisp.transport.PeerIdentity;
import io.wisp.transport.security.InMemorySecurityStore;
import io.wisp.transport.security.SecurityInfo;
import io.wisp.transport.testing.TestCertificates;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Which client may register as which endpoint (Core TS §6.2.1 4.03, Transport TS §5.2). */
class IdentityBindingTest {
    private static final InetSocketAddress ADDRESS = new InetSocketAddress("127.0.0.1", 40000);
    private static final byte[] KEY = new byte[16];

    private final InMemorySecurityStore store = new InMemorySecurityStore();
    private final IdentityBinding binding = new IdentityBinding(store);

    private static Peer nosec() {
        return Peer.unsecured("coap", ADDRESS);
    }

    private static Peer dtls(PeerIdentity identity) {
        return new Peer("coaps", ADDRESS, identity);
    }

    private static void refused(ThrowingCallable call, String... words) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RegistrationRequestException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.NOT_AUTHORIZED)).hasMessageContainingAll(words);
    }

    @Test
    void nosec_registers_endpoints_without_credentials_only() {
        store.add(SecurityInfo.psk("secured", "id-1", KEY));

        assertThatCode(() -> binding.authorize("open", nosec())).doesNotThrowAnyException();
        refused(() -> binding.authorize("secured", nosec()), "secured", "PSK", "DTLS");
    }

    @Test
    void a_psk_or_rpk_identity_registers_only_as_its_own_endpoint() {
        PublicKey key = TestCertificates.ecKeyPair().getPublic();
        store.add(SecurityInfo.psk("dev-psk", "id-1", KEY));
        store.add(SecurityInfo.rpk("dev-rpk", key));

        assertThatCode(() -> binding.authorize("dev-psk", dtls(PeerIdentity.psk("id-1"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> binding.authorize("dev-rpk", dtls(PeerIdentity.rpk(key)))).doesNotThrowAnyException();
        refused(() -> binding.authorize("dev-rpk", dtls(PeerIdentity.psk("id-1"))), "dev-rpk");
        refused(() -> binding.authorize("dev-unbound", dtls(PeerIdentity.psk("id-1"))), "dev-psk", "dev-unbound");
        refused(() -> binding.authorize("dev-unbound", dtls(PeerIdentity.psk("id-removed"))), "dev-unbound");
    }

    @Test
    void a_certificate_registers_as_its_cn_or_as_the_endpoint_its_cn_is_mapped_to() {
        store.add(SecurityInfo.x509("dev-mapped", "serial-42"));
        store.add(SecurityInfo.x509("dev-cn"));

        assertThatCode(() -> binding.authorize("dev-cn", dtls(PeerIdentity.x509("dev-cn"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> binding.authorize("dev-free", dtls(PeerIdentity.x509("dev-free"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> binding.authorize("dev-mapped", dtls(PeerIdentity.x509("serial-42"))))
                .doesNotThrowAnyException();
        refused(() -> binding.authorize("serial-42", dtls(PeerIdentity.x509("serial-42"))), "dev-mapped");
        refused(() -> binding.authorize("dev-mapped", dtls(PeerIdentity.x509("dev-mapped"))), "dev-mapped");
        refused(() -> binding.authorize("dev-other", dtls(PeerIdentity.x509("dev-free"))), "dev-other");
    }

    @Test
    void the_endpoint_of_a_register_without_ep_is_the_one_the_identity_is_bound_to_or_the_cn() {
        store.add(SecurityInfo.psk("dev-psk", "id-1", KEY));
        store.add(SecurityInfo.x509("dev-mapped", "serial-42"));

        assertThat(binding.endpointOf(dtls(PeerIdentity.psk("id-1")))).contains("dev-psk");
        assertThat(binding.endpointOf(dtls(PeerIdentity.x509("serial-42")))).contains("dev-mapped");
        assertThat(binding.endpointOf(dtls(PeerIdentity.x509("dev-free")))).contains("dev-free");
        assertThat(binding.endpointOf(dtls(PeerIdentity.psk("id-unknown")))).isEmpty();
        assertThat(binding.endpointOf(nosec())).isEmpty();
    }

    @Test
    void a_certificate_cn_equal_to_a_psk_identity_is_not_that_psk_client() {
        store.add(SecurityInfo.psk("dev-1", "dev-1", KEY));

        refused(() -> binding.authorize("dev-1", dtls(PeerIdentity.x509("dev-1"))), "dev-1");
    }
}
