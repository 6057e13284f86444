package io.wisp.transport;

import java.util.Objects;

/**
 * One Uri-Query option: {@code name=value}, or a bare {@code name} (a flag such as LwM2M's {@code Q}, Core TS
 * §6.2.1), for which {@link #value()} is {@code null}. Order and repetition are kept as the peer sent them.
 */
public record QueryParam(String name, String value) {
    /**
     * The parameter names of Register, Update and Bootstrap-Request (Core TS §6.1, §6.2): nearly every uplink
     * carries some of them, so {@link #parse} hands out these instances instead of cutting a new name each time.
     */
    private static final String[] COMMON_NAMES = {"ep", "lt", "lwm2m", "b", "Q", "sms", "pid", "pct"};

    public QueryParam {
        Objects.requireNonNull(name, "name");
    }

    /** Splits one Uri-Query option at its first {@code '='}; no {@code '='} gives a flag. */
    public static QueryParam parse(String option) {
        int eq = option.indexOf('=');
        return eq < 0 ? new QueryParam(option, null) : new QueryParam(name(option, eq), option.substring(eq + 1));
    }

    private static String name(String option, int length) {
        for (String common : COMMON_NAMES) {
            if (common.length() == length && option.startsWith(common)) {
                return common;
            }
        }
        return option.substring(0, length);
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
