package io.wisp.core.model.validate;

/**
 * How much a finding matters. An {@link #ERROR} breaks a hard rule: the schema, the Core TS or an identifier the
 * registry assigns, so tools and peers may misread the object. A {@link #WARNING} breaks a guideline of the OMA LwM2M
 * Editor or the registry (length, capitalisation, units, license) and the object still works.
 */
public enum Severity {
    ERROR,
    WARNING
}
