package io.wisp.app.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The bearer token that guards the HTTP API when it listens on more than the loopback interface. The secret is
 * generated once (256 random bits), shown once to the operator, and only its SHA-256 is stored, in
 * {@code <data>/api-token.sha256}: a random secret of that length needs no salt or slow hash, and a copy of the data
 * directory does not reveal it. Deleting the file makes the next start issue a new token.
 */
public final class ApiToken {
    /** The file in the data directory that holds the token's hash, in hex. */
    public static final String FILE = "api-token.sha256";
    private static final String PREFIX = "wisp_";

    private final byte[] hash;

    private ApiToken(byte[] hash) {
        this.hash = hash.clone();
    }

    /** What {@link #loadOrCreate} found: the token, and its secret when it was created just now. */
    public record Issued(ApiToken token, Optional<String> newSecret) {
        public Issued {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(newSecret, "newSecret");
        }
    }

    /** The token whose hash is stored in {@code dataDir}; when there is none, a new one, stored at once. */
    public static Issued loadOrCreate(Path dataDir, SecureRandom random) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
            try {
                byte[] hash = HexFormat.of().parseHex(hex);
                if (hash.length == 32) {
                    return new Issued(new ApiToken(hash), Optional.empty());
                }
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " does not hold a SHA-256 in hex; delete it to issue a new token", e);
            }
            throw new IOException(file + " does not hold a SHA-256 in hex; delete it to issue a new token");
        }
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        ApiToken token = ofSecret(secret);
        Files.createDirectories(dataDir);
        Path temp = Files.createTempFile(dataDir, FILE, ".tmp");
        try {
            restrictToOwner(temp);
            Files.writeString(temp, HexFormat.of().formatHex(token.hash) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return new Issued(token, Optional.of(secret));
    }

    /** The token for a known secret. */
    public static ApiToken ofSecret(String secret) {
        return new ApiToken(sha256(Objects.requireNonNull(secret, "secret")));
    }

    /** Whether {@code presented} is the secret, compared in constant time. */
    public boolean accepts(String presented) {
        return presented != null && MessageDigest.isEqual(hash, sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own permissions apply
        }
    }
}
