package io.wisp.app;

import io.wisp.client.security.Credentials;
import io.wisp.transport.DtlsClientSecurity.CertificateUsage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The DTLS credentials of {@code wisp client} for a coaps:// server, in one of the three modes of the Transport TS
 * (§5.2.8): a pre-shared key (Security Mode 0), a raw public key (1) or an X.509 certificate (2). Exactly one mode
 * goes with coaps://, none with coap://; each mode's options come together. Keys are never printed.
 */
final class ClientSecurityOptions {

    @Option(names = "--psk-identity", paramLabel = "ID",
            description = "PSK identity for a coaps:// server (DTLS, Security Mode 0), at most 128 bytes in UTF-8.")
    String pskIdentity;

    @Option(names = "--psk-key", paramLabel = "HEX",
            description = "PSK key for a coaps:// server, in hex (at most 64 bytes); never printed.")
    String pskKey;

    @Option(names = "--rpk-key", paramLabel = "FILE",
            description = "Raw public key mode (Security Mode 1): the client's EC private key on secp256r1, PKCS#8 "
                    + "in PEM or DER; with --rpk-public and --server-public-key.")
    Path rpkKey;

    @Option(names = "--rpk-public", paramLabel = "FILE",
            description = "Raw public key mode: the client's public key, PEM (BEGIN PUBLIC KEY) or DER.")
    Path rpkPublic;

    @Option(names = "--server-public-key", paramLabel = "FILE",
            description = "Raw public key mode: the public key the server must present, PEM or DER.")
    Path serverPublicKey;

    @Option(names = "--cert", paramLabel = "FILE",
            description = "Certificate mode (Security Mode 2): the client's X.509 certificate, PEM or DER; with "
                    + "--cert-key and --server-cert.")
    Path certificate;

    @Option(names = "--cert-key", paramLabel = "FILE",
            description = "Certificate mode: the private key of --cert, PKCS#8 in PEM or DER.")
    Path certificateKey;

    @Option(names = "--server-cert", paramLabel = "FILE",
            description = "Certificate mode: the server's certificate, or with --cert-usage 0 or 2 the CA "
                    + "certificate its chain must lead to; PEM or DER.")
    Path serverCertificate;

    @Option(names = "--cert-usage", paramLabel = "0..3",
            description = "Certificate mode: how --server-cert is matched (Certificate Usage, RFC 6698): 0 CA "
                    + "constraint, 1 service certificate, 2 trust anchor, 3 domain-issued certificate. Default: 3")
    Integer certificateUsage;

    /** The credentials for the server: {@code null} for coap://, one mode's for coaps://. */
    Credentials credentials(CommandSpec spec, boolean secure) {
        List<String> modes = new ArrayList<>();
        if (pskIdentity != null || pskKey != null) {
            modes.add("--psk-identity/--psk-key");
        }
        if (rpkKey != null || rpkPublic != null || serverPublicKey != null) {
            modes.add("--rpk-key/--rpk-public/--server-public-key");
        }
        if (certificate != null || certificateKey != null || serverCertificate != null || certificateUsage != null) {
            modes.add("--cert/--cert-key/--server-cert/--cert-usage");
        }
        if (!secure) {
            if (!modes.isEmpty()) {
                throw new ParameterException(spec.commandLine(), modes.get(0) + " need a coaps:// --server");
            }
            return null;
        }
        if (modes.size() != 1) {
            throw new ParameterException(spec.commandLine(), "a coaps:// --server needs the options of exactly one "
                    + "DTLS mode: --psk-identity and --psk-key, or --rpk-key, --rpk-public and --server-public-key, "
                    + "or --cert, --cert-key and --server-cert" + (modes.isEmpty() ? "" : "; given: " + modes));
        }
        KeyFiles files = new KeyFiles(spec);
        if (pskIdentity != null || pskKey != null) {
            return psk(spec);
        }
        if (rpkKey != null || rpkPublic != null || serverPublicKey != null) {
            require(spec, rpkKey, "--rpk-key");
            require(spec, rpkPublic, "--rpk-public");
            require(spec, serverPublicKey, "--server-public-key");
            return refusedAs(spec, "--rpk-key", () -> Credentials.rpk(files.privateKey("--rpk-key", rpkKey),
                    files.publicKey("--rpk-public", rpkPublic),
                    files.publicKey("--server-public-key", serverPublicKey)));
        }
        require(spec, certificate, "--cert");
        require(spec, certificateKey, "--cert-key");
        require(spec, serverCertificate, "--server-cert");
        CertificateUsage usage = usage(spec);
        return refusedAs(spec, "--cert", () -> Credentials.x509(files.privateKey("--cert-key", certificateKey),
                files.certificate("--cert", certificate), files.certificate("--server-cert", serverCertificate),
                usage));
    }

    private Credentials psk(CommandSpec spec) {
        if (pskIdentity == null || pskKey == null) {
            throw new ParameterException(spec.commandLine(), "a coaps:// --server needs --psk-identity and --psk-key");
        }
        byte[] key;
        try {
            key = HexFormat.of().parseHex(pskKey.trim());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--psk-key': not hex");
        }
        try {
            return Credentials.psk(pskIdentity, key);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid PSK: " + e.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private CertificateUsage usage(CommandSpec spec) {
        if (certificateUsage == null) {
            return CertificateUsage.DOMAIN_ISSUED_CERTIFICATE;
        }
        try {
            return CertificateUsage.ofValue(certificateUsage);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--cert-usage': "
                    + e.getMessage());
        }
    }

    private static void require(CommandSpec spec, Path file, String option) {
        if (file == null) {
            throw new ParameterException(spec.commandLine(), "Missing option '" + option + "' for this DTLS mode");
        }
    }

    /** Runs {@code make}; the library's refusal of the keys (wrong curve...) becomes a usage error. */
    private static Credentials refusedAs(CommandSpec spec, String option, Supplier<Credentials> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid credentials (" + option + "): "
                    + e.getMessage());
        }
    }
}
