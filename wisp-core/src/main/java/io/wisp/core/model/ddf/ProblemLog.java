package io.wisp.core.model.ddf;

import io.wisp.core.model.ddf.DdfProblem.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one file, keeping the first {@link #MAX} so that a hostile file cannot flood a report. */
final class ProblemLog {
    /** Far more than any real file has: the worst registry file has 25. */
    static final int MAX = 500;

    private final String source;
    private final List<DdfProblem> problems = new ArrayList<>();
    private int omitted;

    ProblemLog(String source) {
        this.source = source;
    }

    void add(Kind kind, int line, String element, String value, String message) {
        if (problems.size() < MAX) {
            problems.add(new DdfProblem(kind, source, line, element, value, message));
        } else {
            omitted++;
        }
    }

    /**
     * The problems kept, in line order (problems of one line in the order met), then a count of those left out, if
     * any.
     */
    List<DdfProblem> toList() {
        List<DdfProblem> all = new ArrayList<>(problems);
        all.sort(Comparator.comparingInt(DdfProblem::line));
        if (omitted > 0) {
            all.add(new DdfProblem(Kind.IGNORED, source, -1, "", "", omitted + " more problems are not listed"));
        }
        return List.copyOf(all);
    }
}
