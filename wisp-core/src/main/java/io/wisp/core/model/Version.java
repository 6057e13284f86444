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
        if (text == null || !text.matches("[0-9]{1,4}\\.[0-9]{1,4}")) {
            throw new IllegalArgumentException("version must look like 1.0 (digits '.' digits), got '" + text + "'");
        }
        int dot = text.indexOf('.');
        return new Version(Integer.parseInt(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
    }

    /** Whether {@link #parse} accepts the text. */
    public static boolean isValid(String text) {
        return text != null && text.matches("[0-9]{1,4}\\.[0-9]{1,4}");
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
