package io.wisp.transport;

import java.util.Objects;

/**
 * One Uri-Query option: {@code name=value}, or a bare {@code name} (a flag such as LwM2M's {@code Q}, Core TS
 * §6.2.1), for which {@link #value()} is {@code null}. Order and repetition are kept as the peer sent them.
 */
public record QueryParam(String name, String value) {
    public QueryParam {
        Objects.requireNonNull(name, "name");
    }

    /** Splits one Uri-Query option at its first {@code '='}; no {@code '='} gives a flag. */
    public static QueryParam parse(String option) {
        int eq = option.indexOf('=');
        return eq < 0 ? new QueryParam(option, null) : new QueryParam(option.substring(0, eq), option.substring(eq + 1));
    }

    public static QueryParam of(String name, String value) {
        return new QueryParam(name, Objects.requireNonNull(value, "value"));
    }

    public static QueryParam flag(String name) {
        return new QueryParam(name, null);
    }

    public boolean isFlag() {
        return value == null;
    }

    /** The option text: {@code name=value} or {@code name}. */
    @Override
    public String toString() {
        return value == null ? name : name + "=" + value;
    }
}
