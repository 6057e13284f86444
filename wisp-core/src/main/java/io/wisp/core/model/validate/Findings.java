package io.wisp.core.model.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the findings for one source; rules add to it, the validator hands out the sorted list. */
final class Findings {
    private final String source;
    private final List<Finding> list = new ArrayList<>();

    Findings(String source) {
        this.source = source;
    }

    void add(Rule rule, int line, String value, String message) {
        add(rule, line, value, message, rule.fix());
    }

    void add(Rule rule, int line, String value, String message, String fix) {
        list.add(new Finding(rule.id(), rule.severity(), source, line > 0 ? line : -1, value, message, fix));
    }

    /** Findings by line (unknown lines first), then rule id, keeping the order rules found them otherwise. */
    List<Finding> sorted() {
        List<Finding> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparingInt(Finding::line).thenComparing(Finding::ruleId));
        return List.copyOf(copy);
    }
}
