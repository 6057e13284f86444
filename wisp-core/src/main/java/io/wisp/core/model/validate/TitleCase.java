package io.wisp.core.model.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The registry guideline "the first letter of each word of a name is capitalised", applied sensibly. Words are
 * separated by blanks; leading punctuation such as '(' is skipped. A word passes when:
 * <ul>
 *   <li>it starts with a capital letter or a digit, or holds no letter at all;</li>
 *   <li>it has a capital letter further on: deliberate spellings of acronyms, units and identifiers such as
 *       {@code eDRX}, {@code dBm}, {@code pH}, {@code sysFrameNumber};</li>
 *   <li>its first letter is followed by a digit, as in the version {@code v1.0};</li>
 *   <li>it is not the first word and is a short article, conjunction or preposition (see {@link #SMALL_WORDS}),
 *       which title case leaves in lower case: "Time of Day", "Rate per Hour".</li>
 * </ul>
 */
final class TitleCase {
    /** Words that may stay in lower case after the first word. */
    static final Set<String> SMALL_WORDS = Set.of("a", "an", "the", "and", "or", "nor", "but", "as", "at", "by",
            "for", "from", "in", "into", "of", "on", "onto", "per", "to", "via", "vs", "with");

    private TitleCase() {
    }

    /** The words of the name that break the guideline, in order. */
    static List<String> offendingWords(String name) {
        List<String> bad = new ArrayList<>();
        String[] words = name.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (!passes(words[i], i == 0)) {
                bad.add(words[i]);
            }
        }
        return bad;
    }

    private static boolean passes(String word, boolean first) {
        int start = 0;
        while (start < word.length() && !Character.isLetterOrDigit(word.codePointAt(start))) {
            start += Character.charCount(word.codePointAt(start));
        }
        if (start >= word.length()) {
            return true;
        }
        int firstChar = word.codePointAt(start);
        if (!Character.isLowerCase(firstChar)) {
            return true;
        }
        String rest = word.substring(start + Character.charCount(firstChar));
        if (rest.codePoints().anyMatch(Character::isUpperCase)) {
            return true;
        }
        if (!rest.isEmpty() && Character.isDigit(rest.codePointAt(0))) {
            return true;
        }
        int end = word.length();
        while (end > start && !Character.isLetter(word.charAt(end - 1))) {
            end--;
        }
        String bare = word.substring(start, end).toLowerCase(Locale.ROOT);
        return !first && SMALL_WORDS.contains(bare);
    }
}
