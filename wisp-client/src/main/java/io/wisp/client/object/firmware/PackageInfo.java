package io.wisp.client.object.firmware;

import java.util.Objects;

/**
 * What a verified package says about itself: the values of PkgName {@code /5/0/6} and PkgVersion {@code /5/0/7}
 * (Core TS Appendix E.6, each at most 255 characters).
 *
 * @param name the package name, possibly empty
 * @param version the package version, possibly empty
 */
public record PackageInfo(String name, String version) {
    /** No name and no version: what /5/0/6 and /5/0/7 read before a package is downloaded. */
    public static final PackageInfo NONE = new PackageInfo("", "");

    public PackageInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (name.length() > 255) {
            throw new IllegalArgumentException("name must be at most 255 characters, got " + name.length());
        }
        if (version.length() > 255) {
            throw new IllegalArgumentException("version must be at most 255 characters, got " + version.length());
        }
    }
}
