package io.wisp.client.object.firmware;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The package format simulated devices install, so that a test or an operator can make a valid package and a
 * corrupt one. The LwM2M TS leaves the package format to the device (Core TS Appendix E.6); this one is Wisp's own:
 *
 * <pre>
 * offset  size  content
 * 0       4     magic "WSPF" (ASCII)
 * 4       1     format version, 1
 * 5       1     N, length of the name in UTF-8 bytes (0..255)
 * 6       N     name (PkgName, /5/0/6)
 * 6+N     1     M, length of the version in UTF-8 bytes (0..255)
 * 7+N     M     version (PkgVersion, /5/0/7)
 * 7+N+M   ...   body: the firmware image, any length
 * end-32  32    SHA-256 of every byte before it
 * </pre>
 *
 * A package without the magic or of another format version is of an unsupported type (Update Result 6); a package
 * whose SHA-256 trailer does not match fails the integrity check (5).
 */
public final class SimulatedPackage {
    private static final byte[] MAGIC = {'W', 'S', 'P', 'F'};
    private static final int FORMAT_VERSION = 1;
    private static final int DIGEST_LENGTH = 32;
    /** Magic, format version, two length bytes and the trailer: the smallest package. */
    static final int MIN_LENGTH = MAGIC.length + 1 + 2 + DIGEST_LENGTH;

    private SimulatedPackage() {
    }

    /** A valid package holding {@code body}, named and versioned by {@code info} (each at most 255 UTF-8 bytes). */
    public static byte[] build(PackageInfo info, byte[] body) {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(body, "body");
        byte[] name = utf8("name", info.name());
        byte[] version = utf8("version", info.version());
        ByteArrayOutputStream out = new ByteArrayOutputStream(MIN_LENGTH + name.length + version.length + body.length);
        out.writeBytes(MAGIC);
        out.write(FORMAT_VERSION);
        out.write(name.length);
        out.writeBytes(name);
        out.write(version.length);
        out.writeBytes(version);
        out.writeBytes(body);
        byte[] content = out.toByteArray();
        out.writeBytes(sha256(content, content.length));
        return out.toByteArray();
    }

    /**
     * Checks a package: {@link UpdateResult#UNSUPPORTED_PACKAGE_TYPE} when it is not in this format,
     * {@link UpdateResult#INTEGRITY_FAILURE} when its digest does not match, else its name and version. Never throws
     * on any bytes.
     */
    public static Verdict check(byte[] pkg) {
        Objects.requireNonNull(pkg, "pkg");
        if (pkg.length < MIN_LENGTH || !Arrays.equals(pkg, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return Verdict.refused(UpdateResult.UNSUPPORTED_PACKAGE_TYPE, "not a WSPF package");
        }
        if (pkg[MAGIC.length] != FORMAT_VERSION) {
            return Verdict.refused(UpdateResult.UNSUPPORTED_PACKAGE_TYPE,
                    "WSPF format version " + (pkg[MAGIC.length] & 0xff) + " is not supported");
        }
        int contentEnd = pkg.length - DIGEST_LENGTH;
        byte[] digest = sha256(pkg, contentEnd);
        if (!MessageDigest.isEqual(digest, Arrays.copyOfRange(pkg, contentEnd, pkg.length))) {
            return Verdict.refused(UpdateResult.INTEGRITY_FAILURE, "SHA-256 trailer does not match the content");
        }
        int pos = MAGIC.length + 1;
        int nameLength = pkg[pos++] & 0xff;
        if (pos + nameLength + 1 > contentEnd) {
            return Verdict.refused(UpdateResult.UNSUPPORTED_PACKAGE_TYPE, "name length runs past the content");
        }
        String name = decode(pkg, pos, nameLength);
        pos += nameLength;
        int versionLength = pkg[pos++] & 0xff;
        if (pos + versionLength > contentEnd) {
            return Verdict.refused(UpdateResult.UNSUPPORTED_PACKAGE_TYPE, "version length runs past the content");
        }
        String version = decode(pkg, pos, versionLength);
        if (name == null || version == null) {
            return Verdict.refused(UpdateResult.UNSUPPORTED_PACKAGE_TYPE, "name or version is not valid UTF-8");
        }
        return Verdict.accepted(new PackageInfo(name, version));
    }

    private static byte[] utf8(String field, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 255) {
            throw new IllegalArgumentException(field + " must be at most 255 UTF-8 bytes, got " + bytes.length);
        }
        return bytes;
    }

    /** Strict UTF-8, or null when malformed. */
    private static String decode(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
