package io.wisp.bootstrap.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/** Gives every instance without a chosen ID the lowest ID nobody else takes, in list order. */
final class InstanceIds {
    private InstanceIds() {
    }

    /** One ID per entry of {@code chosen}: the chosen one, else the lowest not chosen and not in {@code taken}. */
    static List<Integer> assign(List<OptionalInt> chosen, Set<Integer> taken) {
        Set<Integer> used = new HashSet<>(taken);
        for (OptionalInt c : chosen) {
            c.ifPresent(used::add);
        }
        List<Integer> out = new ArrayList<>(chosen.size());
        int next = 0;
        for (OptionalInt c : chosen) {
            if (c.isPresent()) {
                out.add(c.getAsInt());
                continue;
            }
            while (used.contains(next)) {
                next++;
            }
            used.add(next);
            out.add(next);
        }
        return List.copyOf(out);
    }
}
