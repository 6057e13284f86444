package io.wisp.core.model.validate;

import java.util.Locale;

/**
 * Every registry object carries a license; the OMNA registry asks for BSD-3-Clause (the only one One Data Model
 * accepts). Files keep it in the comment before {@code <LWM2M>}. A text counts as BSD-3-Clause when it holds the
 * license's wording (the redistribution conditions including the third, "neither the name ...") or names it by its
 * identifier without also being an Apache or MIT text.
 */
final class LicenseCheck implements ObjectCheck {

    @Override
    public void check(RawObject o, Findings out) {
        int line = o.line() > 0 ? 1 : -1;
        String license = o.license();
        if (license == null || license.isBlank()) {
            out.add(Rule.LICENSE_MISSING, line, "", "no license comment precedes <LWM2M>");
        } else if (!isBsd3(license)) {
            out.add(Rule.LICENSE_NOT_BSD3, line, firstLine(license), "the license is not BSD-3-Clause");
        }
    }

    static boolean isBsd3(String license) {
        String t = license.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (t.contains("redistribution and use") && t.contains("neither the name")) {
            return true;
        }
        boolean named = t.contains("bsd-3") || t.contains("bsd 3") || t.contains("3-clause bsd");
        return named && !t.contains("apache license") && !t.contains("permission is hereby granted");
    }

    private static String firstLine(String text) {
        for (String line : text.strip().split("\\R")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "";
    }
}
