package io.wisp.core.model.registry;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "object {@code id} in version {@code requested}": the model found, where it came from, and whether
 * it is that version or only the nearest one known (clients may announce versions the registry lacks, Core TS
 * §6.2.1, Register, {@code ver=}; their data is then decoded with the nearest definition and a warning).
 *
 * @param model the definition found
 * @param source where it was loaded from: {@code bundled:3.xml} or a file path
 * @param requested the version asked for
 */
public record ModelMatch(ObjectModel model, String source, Version requested) {
    public ModelMatch {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(requested, "requested");
    }

    /** Whether the model is the version asked for. */
    public boolean exact() {
        return model.objectVersion().equals(requested);
    }

    /** A sentence for users when the model is only the nearest version; empty when it is exact. */
    public Optional<String> warning() {
        if (exact()) {
            return Optional.empty();
        }
        return Optional.of("no definition of object " + model.id() + " version " + requested + " is known; using"
                + " version " + model.objectVersion() + " from " + source);
    }
}
