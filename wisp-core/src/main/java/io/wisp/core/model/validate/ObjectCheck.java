package io.wisp.core.model.validate;

/** One rule or a small group of related rules, applied to one object definition. */
interface ObjectCheck {
    void check(RawObject object, Findings out);
}
