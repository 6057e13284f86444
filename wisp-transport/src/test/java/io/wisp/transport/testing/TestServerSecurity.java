package io.wisp.transport.testing;

import io.wisp.transport.DtlsSecurity;
import io.wisp.transport.testing.TestCertificates.Issued;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a DTLS server under test accepts, in all three modes at once: a fresh test CA and a certificate it issued
 * to the server, PSK keys by identity, and trusted raw public keys. Tests add and remove keys while the server runs;
 * the {@link DtlsSecurity} made by {@link #security()} looks them up at each handshake.
 */
public final class TestServerSecurity {
    private final Issued ca;
    private final Issued certificate;
    private final Map<String, byte[]> pskKeys = new ConcurrentHashMap<>();
    private final Set<PublicKey> trustedKeys = ConcurrentHashMap.newKeySet();

    private TestServerSecurity(Issued ca, Issued certificate) {
        this.ca = ca;
        this.certificate = certificate;
    }

    /** A new CA ("Wisp test CA") and a server certificate it issued to {@code serverName}; no keys yet. */
    public static TestServerSecurity issue(String serverName) {
        Issued ca = TestCertificates.certificateAuthority("Wisp test CA");
        return new TestServerSecurity(ca, TestCertificates.leaf(serverName, ca));
    }

    public Issued ca() {
        return ca;
    }

    /** The server's own certificate, issued by {@link #ca()}. */
    public Issued certificate() {
        return certificate;
    }

    /** Accepts {@code identity} with {@code key} from the next handshake on (a copy of the key is kept). */
    public TestServerSecurity putPsk(String identity, byte[] key) {
        pskKeys.put(identity, key.clone());
        return this;
    }

    public void removePsk(String identity) {
        pskKeys.remove(identity);
    }

    /** Accepts a client authenticating with this raw public key from the next handshake on. */
    public void trustRawPublicKey(PublicKey key) {
        trustedKeys.add(key);
    }

    /** The server side's security: the keys above, {@link #ca()} as trust anchor, {@link #certificate()} as its own. */
    public DtlsSecurity security() {
        return DtlsSecurity.builder()
                .pskKeys(identity -> Optional.ofNullable(pskKeys.get(identity)).map(byte[]::clone))
                .rawPublicKeyTrust(trustedKeys::contains)
                .trustAnchors(List.of(ca.certificate()))
                .ownCredentials(certificate.credentials())
                .build();
    }
}
