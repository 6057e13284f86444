package io.wisp.core.model.validate;

/**
 * The object description (Description1) fills the registry's description column, which takes at most 134
 * characters (OMNA guideline); longer text belongs in Description2.
 */
final class DescriptionCheck implements ObjectCheck {
    static final int MAX_LENGTH = 134;

    @Override
    public void check(RawObject o, Findings out) {
        Field d = o.field("Description1");
        String text = d.stripped();
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            out.add(Rule.DESCRIPTION_TOO_LONG, d.line(), text, "Description1 is " + length + " characters; the "
                    + "registry's limit is " + MAX_LENGTH);
        }
    }
}
