package io.wisp.core.model.validate;

/**
 * A value as the definition spells it: the element (or attribute) name, its text ({@code null} when absent) and the
 * line where it stands (-1 when unknown, as for definitions built in code). Rules judge these raw values, so one set
 * of rules serves both files and code-built models.
 */
record Field(String name, String text, int line) {

    static Field absent(String name, int line) {
        return new Field(name, null, line);
    }

    boolean isPresent() {
        return text != null;
    }

    /** The text without surrounding blanks; empty when absent. */
    String stripped() {
        return text == null ? "" : text.strip();
    }

    boolean isBlank() {
        return stripped().isEmpty();
    }
}
