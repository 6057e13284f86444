package io.wisp.core.model.ddf;

/**
 * A model that {@link DdfWriter} cannot write as it is, because XML 1.0 or the DDF schema cannot hold it: a control
 * character in a text, a license comment containing {@code --}, an object without resources, a {@code Description2}
 * that already holds the executable-argument block marker. The writer never alters text silently; it refuses, and
 * this names the field and the reason.
 */
public final class DdfWriteException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public DdfWriteException(String field, String reason) {
        super("cannot write " + field + " as DDF XML: " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The field concerned, e.g. {@code object 3303 resource 5700 Description}. */
    public String field() {
        return field;
    }

    /** Why it cannot be written. */
    public String reason() {
        return reason;
    }
}
