package io.wisp.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates {@code ../shared} (the OMNA registry snapshot and SenML unit list) beside the project. Tests that need it
 * call {@link #omna()}, which skips the test with a clear message when it is absent, as in a user's fresh clone.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared directory, or null when absent. */
    public static Path sharedDirOrNull() {
        String configured = System.getProperty("wisp.shared.dir");
        if (configured != null && Files.isDirectory(Paths.get(configured))) {
            return Paths.get(configured).normalize();
        }
        Path here = Paths.get("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("omna"))) {
                return candidate;
            }
        }
        return null;
    }

    /** ../shared/omna, or skips the calling test when it is absent. */
    public static Path omna() {
        Path shared = sharedDirOrNull();
        Assumptions.assumeTrue(shared != null && Files.isDirectory(shared.resolve("omna")),
                "../shared/omna (the OMNA registry snapshot) is absent: skipping this test");
        return shared.resolve("omna");
    }
}
