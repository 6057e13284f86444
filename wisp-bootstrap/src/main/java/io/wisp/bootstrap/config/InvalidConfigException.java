package io.wisp.bootstrap.config;

import java.util.Objects;

/**
 * A bootstrap configuration Wisp refuses, with the field at fault and what would be valid; the message reads
 * {@code servers[0].shortServerId: no security instance for short server ID 123}. Thrown when the value is built,
 * so an invalid configuration never reaches a store or a client.
 */
public final class InvalidConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public InvalidConfigException(String field, String reason) {
        super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(reason, "reason"));
        this.field = field;
        this.reason = reason;
    }

    /** The field at fault, e.g. {@code servers[0].shortServerId}. */
    public String field() {
        return field;
    }

    /** What is wrong with it, without the field name. */
    public String reason() {
        return reason;
    }

    /** The same problem seen from an enclosing value: {@code prefix.field} ({@code prefix[0].field} style). */
    public InvalidConfigException prefixed(String prefix) {
        return new InvalidConfigException(prefix + "." + field, reason);
    }
}
