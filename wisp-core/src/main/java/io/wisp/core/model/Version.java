package io.wisp.core.model;

/**
 * A {@code major.minor} version, as objects ({@code ObjectVersion}) and the protocol ({@code LWM2MVersion},
 * {@code lwm2m=}) carry them. Orders numerically: 1.10 is after 1.9.
 */
public record Version(int major, int minor) implements Comparable<Version> {
    public static final Version V1_0 = new Version(1, 0);
    public static final Version V1_1 = new Version(1, 1);
    public static final Version V1_2 = new Version(1, 2);

    public Version {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("version parts must not be negative: " + major + "." + minor);
        }
    }

    /** Reads {@code X.Y} (digits only); throws {@link IllegalArgumentException} naming the text otherwise. */
    public static Version parse(String text) {
        if (!isValid(text)) {
            throw new IllegalArgumentException("version must look like 1.0 (digits '.' digits), got '" + text + "'");
        }
        int dot = text.indexOf('.');
        return new Version(number(text, 0, dot), number(text, dot + 1, text.length()));
    }

    /**
     * Whether {@link #parse} accepts the text: 1 to 4 ASCII digits, a dot, 1 to 4 ASCII digits. Checked by hand, not
     * with a regular expression: every Register carries {@code lwm2m=}, and compiling a pattern per call was a
     * measurable share of a server's CPU.
     */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        int dot = text.indexOf('.');
        int minorDigits = text.length() - dot - 1;
        return dot >= 1 && dot <= 4 && minorDigits >= 1 && minorDigits <= 4 && digits(text, 0, dot)
                && digits(text, dot + 1, text.length());
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (text.charAt(i) - '0');
        }
        return n;
    }

    public boolean isAtLeast(Version other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(Version o) {
        int c = Integer.compare(major, o.major);
        return c != 0 ? c : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
