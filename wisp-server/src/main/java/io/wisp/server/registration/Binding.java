package io.wisp.server.registration;

import java.util.EnumSet;
import java.util.Set;

/**
 * The transports a client can be reached on, from the {@code b=} parameter (Core TS §6.2.1 and the Binding resource
 * 1/x/7: U UDP, T TCP, S SMS, N Non-IP; 1.2 adds M MQTT and H HTTP). The legacy 1.0 queue letter {@code Q} is not a
 * transport and is read by {@link RegistrationQuery}. There are only 64 possible values, all created once, so a
 * million registrations share them.
 */
public final class Binding {

    /** One transport letter of the binding. */
    public enum Transport {
        UDP('U'), TCP('T'), SMS('S'), NON_IP('N'), MQTT('M'), HTTP('H');

        private final char letter;

        Transport(char letter) {
            this.letter = letter;
        }

        public char letter() {
            return letter;
        }

        static Transport ofLetter(char c) {
            for (Transport t : values()) {
                if (t.letter == c) {
                    return t;
                }
            }
            return null;
        }
    }

    private static final Binding[] ALL = new Binding[1 << Transport.values().length];

    static {
        for (int mask = 0; mask < ALL.length; mask++) {
            ALL[mask] = new Binding(mask);
        }
    }

    /** The default when a client sends no {@code b=} (Core TS §6.2.1). */
    public static final Binding UDP = ALL[1 << Transport.UDP.ordinal()];

    private final int mask;

    private Binding(int mask) {
        this.mask = mask;
    }

    /**
     * Reads binding letters such as {@code U}, {@code UT} or {@code SU}, in any order; throws
     * {@link IllegalArgumentException} naming the first letter that is not a transport.
     */
    public static Binding parse(String letters) {
        if (letters == null || letters.isEmpty()) {
            throw new IllegalArgumentException("binding must have at least one letter of U, T, S, N, M, H");
        }
        int mask = 0;
        for (int k = 0; k < letters.length(); k++) {
            Transport t = Transport.ofLetter(letters.charAt(k));
            if (t == null) {
                throw new IllegalArgumentException("binding '" + letters + "' has '" + letters.charAt(k)
                        + "' at position " + k + "; expected one of U, T, S, N, M, H");
            }
            mask |= 1 << t.ordinal();
        }
        return ALL[mask];
    }

    public boolean has(Transport transport) {
        return (mask & 1 << transport.ordinal()) != 0;
    }

    public Set<Transport> transports() {
        EnumSet<Transport> set = EnumSet.noneOf(Transport.class);
        for (Transport t : Transport.values()) {
            if (has(t)) {
                set.add(t);
            }
        }
        return set;
    }

    /** The letters in the TS order, e.g. {@code UT}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(4);
        for (Transport t : Transport.values()) {
            if (has(t)) {
                sb.append(t.letter());
            }
        }
        return sb.toString();
    }
}
