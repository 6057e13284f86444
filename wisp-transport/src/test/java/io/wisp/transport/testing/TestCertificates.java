package io.wisp.transport.testing;

import io.wisp.transport.OwnCredentials;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Keys and X.509 certificates for tests, made at run time with the JDK alone: secp256r1 key pairs from
 * {@link KeyPairGenerator}, and certificates (a CA, and leaves it issues) encoded here in DER and signed with
 * SHA256withECDSA. The JDK has no public API that issues certificates, and no library on the test class path does
 * (Californium and Leshan only read them), so this class writes the few ASN.1 structures of RFC 5280 §4.1 itself;
 * the JDK's {@link CertificateFactory} then parses the result, which proves it well-formed. Making them at run time
 * lets a test choose any validity (an expired certificate) and any issuer (an untrusted one) without fixture files.
 */
public final class TestCertificates {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int[] ECDSA_WITH_SHA256 = {1, 2, 840, 10045, 4, 3, 2};
    private static final int[] COMMON_NAME = {2, 5, 4, 3};
    private static final int[] BASIC_CONSTRAINTS = {2, 5, 29, 19};
    private static final int[] KEY_USAGE = {2, 5, 29, 15};
    private static final int[] EXTENDED_KEY_USAGE = {2, 5, 29, 37};
    private static final int[] SERVER_AUTH = {1, 3, 6, 1, 5, 5, 7, 3, 1};
    private static final int[] CLIENT_AUTH = {1, 3, 6, 1, 5, 5, 7, 3, 2};

    private TestCertificates() {
    }

    /** A certificate with the key pair it certifies. */
    public record Issued(KeyPair keys, X509Certificate certificate) {
        /** The certificate alone as a one-element chain. */
        public List<X509Certificate> chain() {
            return List.of(certificate);
        }

        /** The certificate and its private key as an endpoint's own DTLS credentials. */
        public OwnCredentials credentials() {
            return OwnCredentials.certificate(keys.getPrivate(), chain());
        }
    }

    /** A fresh secp256r1 key pair (the curve of Transport TS §5.2). */
    public static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secp256r1 is not available", e);
        }
    }

    /** A self-signed CA certificate valid from a day ago for ten years. */
    public static Issued certificateAuthority(String commonName) {
        KeyPair keys = ecKeyPair();
        Instant now = Instant.now();
        byte[] extensions = sequence(
                extension(BASIC_CONSTRAINTS, true, sequence(tlv(0x01, new byte[] {(byte) 0xFF}))),
                // digitalSignature, keyCertSign, cRLSign
                extension(KEY_USAGE, true, tlv(0x03, new byte[] {1, (byte) 0x86})));
        X509Certificate certificate = sign(keys, commonName, commonName, keys,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), extensions);
        return new Issued(keys, certificate);
    }

    /** An end-entity certificate for {@code commonName} issued by {@code issuer}, valid from a day ago for a year. */
    public static Issued leaf(String commonName, Issued issuer) {
        Instant now = Instant.now();
        return leaf(commonName, issuer, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    /**
     * An end-entity certificate for {@code commonName} issued by {@code issuer}, valid between the two instants, for
     * digital signatures by TLS clients and servers alike.
     */
    public static Issued leaf(String commonName, Issued issuer, Instant notBefore, Instant notAfter) {
        KeyPair keys = ecKeyPair();
        byte[] extensions = sequence(
                extension(BASIC_CONSTRAINTS, true, sequence()),
                // digitalSignature
                extension(KEY_USAGE, true, tlv(0x03, new byte[] {7, (byte) 0x80})),
                extension(EXTENDED_KEY_USAGE, false, sequence(oid(SERVER_AUTH), oid(CLIENT_AUTH))));
        X509Certificate certificate = sign(keys, commonName, subjectOf(issuer), issuer.keys(), notBefore, notAfter,
                extensions);
        return new Issued(keys, certificate);
    }

    private static String subjectOf(Issued issuer) {
        String dn = issuer.certificate().getSubjectX500Principal().getName();
        return dn.substring(dn.indexOf('=') + 1);
    }

    private static X509Certificate sign(KeyPair subjectKeys, String subject, String issuer, KeyPair issuerKeys,
            Instant notBefore, Instant notAfter, byte[] extensions) {
        byte[] algorithm = sequence(oid(ECDSA_WITH_SHA256));
        byte[] tbs = sequence(
                tlv(0xA0, integer(BigInteger.TWO)),
                integer(new BigInteger(63, RANDOM).add(BigInteger.ONE)),
                algorithm,
                name(issuer),
                sequence(time(notBefore), time(notAfter)),
                name(subject),
                subjectKeys.getPublic().getEncoded(),
                tlv(0xA3, extensions));
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(issuerKeys.getPrivate());
            signer.update(tbs);
            byte[] signature = signer.sign();
            byte[] bits = new byte[signature.length + 1];
            System.arraycopy(signature, 0, bits, 1, signature.length);
            byte[] der = sequence(tbs, algorithm, tlv(0x03, bits));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a test certificate", e);
        }
    }

    // --- a little DER (X.690) ---

    private static byte[] name(String commonName) {
        byte[] value = tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8));
        return sequence(tlv(0x31, sequence(oid(COMMON_NAME), value)));
    }

    private static byte[] extension(int[] id, boolean critical, byte[] value) {
        return critical ? sequence(oid(id), tlv(0x01, new byte[] {(byte) 0xFF}), tlv(0x04, value))
                : sequence(oid(id), tlv(0x04, value));
    }

    private static byte[] time(Instant instant) {
        var utc = instant.atZone(ZoneOffset.UTC);
        if (utc.getYear() >= 1950 && utc.getYear() < 2050) {
            return tlv(0x17, DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").format(utc)
                    .getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(0x18, DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").format(utc)
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] oid(int[] arcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(40 * arcs[0] + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            int arc = arcs[i];
            int groups = 1;
            while ((arc >>> (7 * groups)) != 0) {
                groups++;
            }
            for (int g = groups - 1; g >= 0; g--) {
                int bits = (arc >>> (7 * g)) & 0x7F;
                out.write(g == 0 ? bits : bits | 0x80);
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] sequence(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 4);
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xFF);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
