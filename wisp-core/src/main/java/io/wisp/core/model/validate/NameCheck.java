package io.wisp.core.model.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names of the object and its resources: not empty, unique among the object's resources (ignoring letter case and
 * repeated blanks, since tools address resources by name), and each word capitalised as {@link TitleCase} explains.
 */
final class NameCheck implements ObjectCheck {
    private static final int MAX_WORDS_LISTED = 8;
    private static final int MAX_EXAMPLE_LENGTH = 120;

    @Override
    public void check(RawObject o, Findings out) {
        checkName(o.field("Name"), "the object", out);
        Map<String, RawResource> seen = new HashMap<>();
        for (RawResource r : o.resources()) {
            Field name = r.field("Name");
            checkName(name, "resource " + r.id().stripped(), out);
            if (name.isBlank()) {
                continue;
            }
            String key = name.stripped().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            RawResource first = seen.putIfAbsent(key, r);
            if (first != null) {
                out.add(Rule.RESOURCE_NAME_DUPLICATE, name.line(), name.stripped(), "resource " + r.id().stripped()
                        + " has the same name as resource " + first.id().stripped(),
                        "rename one of them so each name says what its resource holds");
            }
        }
    }

    private static void checkName(Field name, String whose, Findings out) {
        if (!name.isPresent()) {
            return;
        }
        if (name.isBlank()) {
            out.add(Rule.NAME_EMPTY, name.line(), name.text(), "the name of " + whose + " is empty");
            return;
        }
        List<String> bad = TitleCase.offendingWords(name.stripped());
        if (bad.isEmpty()) {
            return;
        }
        String listed = String.join(", ", bad.subList(0, Math.min(bad.size(), MAX_WORDS_LISTED)))
                + (bad.size() > MAX_WORDS_LISTED ? " and " + (bad.size() - MAX_WORDS_LISTED) + " more" : "");
        String fix = name.stripped().length() <= MAX_EXAMPLE_LENGTH
                ? "capitalise them, e.g. '" + capitalised(name.stripped(), bad) + "'" : Rule.NAME_CAPITALISATION.fix();
        out.add(Rule.NAME_CAPITALISATION, name.line(), name.stripped(), "in the name of " + whose
                + ", these words do not start with a capital letter: " + listed, fix);
    }

    private static String capitalised(String name, List<String> bad) {
        StringBuilder b = new StringBuilder();
        for (String word : name.split("\\s+")) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(bad.contains(word) ? upperFirstLetter(word) : word);
        }
        return b.toString();
    }

    private static String upperFirstLetter(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                return word.substring(0, i) + Character.toUpperCase(word.charAt(i)) + word.substring(i + 1);
            }
        }
        return word;
    }
}
