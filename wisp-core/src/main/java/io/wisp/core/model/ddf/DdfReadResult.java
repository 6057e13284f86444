package io.wisp.core.model.ddf;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ObjectModels;
import java.util.List;
import java.util.Objects;

/**
 * What {@link DdfReader} made of one file: the object definitions it could build, each with the lines it came from,
 * and the problems it met. A file with problems may still yield models (defaults stand in for bad values); a file
 * that is not readable XML yields none and one {@link DdfProblem.Kind#UNREADABLE} problem.
 *
 * @param source the name of the file or stream read
 * @param entries the models built, in file order, with their source lines
 * @param problems what could not be taken as written, in line order
 */
public record DdfReadResult(String source, List<Entry> entries, List<DdfProblem> problems) {

    /** One object definition read, and where its parts are in the file. */
    public record Entry(ObjectModel model, SourceLines lines) {
        public Entry {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(lines, "lines");
        }
    }

    public DdfReadResult {
        source = Objects.requireNonNullElse(source, "");
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    /** The models built, in file order. */
    public List<ObjectModel> models() {
        return entries.stream().map(Entry::model).toList();
    }

    /** The models built, as a lookup set by ID and version (of two with the same ID and version, the later wins). */
    public ObjectModels objectModels() {
        return ObjectModels.of(models());
    }

    /** Whether everything was taken as written. */
    public boolean isClean() {
        return problems.isEmpty();
    }
}
