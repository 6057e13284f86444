package io.wisp.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Key and certificate files as the command line takes them: PEM (one block) or binary DER; EC keys on secp256r1 as
 * the LwM2M certificate modes use (Transport TS §5.2.8). A file that cannot be read or parsed is a usage error
 * naming the option and the file, and never quoting the file's content.
 */
final class KeyFiles {
    private final CommandSpec spec;

    KeyFiles(CommandSpec spec) {
        this.spec = spec;
    }

    /** A private key, PKCS#8 ({@code BEGIN PRIVATE KEY}). */
    PrivateKey privateKey(String option, Path file) {
        byte[] der = der(option, file);
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw refused(option, file, "not an EC private key in PKCS#8 (BEGIN PRIVATE KEY)");
        }
    }

    /** A public key, SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}). */
    PublicKey publicKey(String option, Path file) {
        byte[] der = der(option, file);
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw refused(option, file, "not an EC public key (BEGIN PUBLIC KEY)");
        }
    }

    /** An X.509 certificate ({@code BEGIN CERTIFICATE}). */
    X509Certificate certificate(String option, Path file) {
        byte[] der = der(option, file);
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw refused(option, file, "not an X.509 certificate");
        }
    }

    private byte[] der(String option, Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw refused(option, file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        String text = new String(content, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN ")) {
            return content;
        }
        String body = text.replaceAll("(?s).*?-----BEGIN [A-Z0-9 ]+-----", "")
                .replaceAll("(?s)-----END [A-Z0-9 ]+-----.*", "").replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw refused(option, file, "its PEM block is not base64");
        }
    }

    private ParameterException refused(String option, Path file, String reason) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + file
                + ": " + reason);
    }
}
