package io.wisp.core.model.validate;

import io.wisp.core.model.Version;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The object URN (Core TS object versioning; OMNA registry naming): {@code urn:oma:lwm2m:{oma|ext|x}:{ObjectID}[:{major.minor}]}, whose
 * ID is the ObjectID, whose label matches the ID's class (see {@link ObjectIdCheck}) and whose version is the
 * ObjectVersion, left out for 1.0.
 */
final class UrnCheck implements ObjectCheck {
    private static final Pattern URN = Pattern.compile("urn:oma:lwm2m:(oma|ext|x):([0-9]{1,5})(?::([0-9]+\\.[0-9]+))?");

    @Override
    public void check(RawObject o, Findings out) {
        Field urn = o.field("ObjectURN");
        if (!urn.isPresent()) {
            return;
        }
        OptionalInt id = o.objectId();
        Matcher m = URN.matcher(urn.stripped());
        if (!m.matches()) {
            out.add(Rule.URN_SYNTAX, urn.line(), urn.stripped(), "ObjectURN is not of the form "
                    + "urn:oma:lwm2m:{oma|ext|x}:{ID}[:{major.minor}]", fixFor(o, id));
            return;
        }
        String label = m.group(1);
        int urnId = Integer.parseInt(m.group(2));
        if (id.isPresent() && urnId != id.getAsInt()) {
            out.add(Rule.URN_ID, urn.line(), urn.stripped(), "the URN names object " + urnId + " but ObjectID is "
                    + id.getAsInt(), fixFor(o, id));
        }
        if (id.isPresent()) {
            String expected = ObjectIdCheck.expectedLabel(id.getAsInt());
            if (expected != null && !expected.equals(label)) {
                out.add(Rule.URN_LABEL, urn.line(), urn.stripped(), "object ID " + id.getAsInt() + " belongs to the '"
                        + expected + "' class, but the URN says '" + label + "'", fixFor(o, id));
            }
        }
        checkVersion(o, urn, m.group(3), id, out);
    }

    private static void checkVersion(RawObject o, Field urn, String urnVersionText, OptionalInt id, Findings out) {
        Optional<Version> objectVersion = o.objectVersion();
        if (objectVersion.isEmpty()) {
            return;
        }
        Version expected = objectVersion.get();
        if (urnVersionText == null) {
            if (!expected.equals(Version.V1_0)) {
                out.add(Rule.URN_VERSION, urn.line(), urn.stripped(), "ObjectVersion is " + expected
                        + " but the URN carries no version", fixFor(o, id));
            }
            return;
        }
        if (!Version.isValid(urnVersionText)) {
            out.add(Rule.URN_SYNTAX, urn.line(), urn.stripped(), "the URN's version " + urnVersionText
                    + " is not major.minor", fixFor(o, id));
            return;
        }
        Version urnVersion = Version.parse(urnVersionText);
        if (!urnVersion.equals(expected)) {
            out.add(Rule.URN_VERSION, urn.line(), urn.stripped(), "the URN says version " + urnVersion
                    + " but ObjectVersion is " + expected, fixFor(o, id));
        } else if (urnVersion.equals(Version.V1_0)) {
            out.add(Rule.URN_VERSION_REDUNDANT, urn.line(), urn.stripped(), "version 1.0 is left out of the URN",
                    fixFor(o, id));
        }
    }

    /** "write urn:oma:lwm2m:x:10241:1.1" when the ID and version allow saying exactly, else the rule's advice. */
    private static String fixFor(RawObject o, OptionalInt id) {
        if (id.isEmpty() || ObjectIdCheck.expectedLabel(id.getAsInt()) == null || o.objectVersion().isEmpty()) {
            return Rule.URN_SYNTAX.fix();
        }
        Version v = o.objectVersion().get();
        return "write " + expectedUrn(id.getAsInt(), v);
    }

    /** The URN an object with this ID and version has; the ID must belong to a labelled class. */
    static String expectedUrn(int id, Version version) {
        return "urn:oma:lwm2m:" + ObjectIdCheck.expectedLabel(id) + ":" + id
                + (version.equals(Version.V1_0) ? "" : ":" + version);
    }
}
