package io.wisp.core.model.validate;

import java.util.Optional;

/**
 * Every rule the object-definition validator applies, with its stable id, its severity and a default way to fix it.
 * Sources: the DDF schemas LWM2M.xsd and LWM2M-v1_1.xsd, the Core TS (§7 Object Model, Appendix C data types) and the
 * OMNA registry's guidelines and ID classes that the OMA LwM2M Editor enforces.
 */
public enum Rule {
    XML_MALFORMED("xml.malformed", Severity.ERROR, "the file is not well-formed XML",
            "fix the XML syntax at the reported line"),
    XML_DOCTYPE("xml.doctype", Severity.ERROR, "the file declares a DTD or entities, which DDF files never need",
            "remove the <!DOCTYPE ...> declaration and any entity references"),
    XML_TOO_LARGE("xml.too-large", Severity.ERROR, "the file is larger than any object definition should be",
            "split the file or remove embedded data; object definitions are a few hundred kilobytes at most"),
    FILE_UNREADABLE("file.unreadable", Severity.ERROR, "the file cannot be read", "check the path and permissions"),
    XML_ROOT("xml.root", Severity.ERROR, "the root is not <LWM2M> holding at least one <Object>",
            "wrap the definition as <LWM2M><Object ObjectType=\"MODefinition\">...</Object></LWM2M>"),
    SCHEMA_MISSING("schema.missing", Severity.ERROR, "a required element or attribute is absent",
            "add the element; see LWM2M-v1_1.xsd for the required ones"),
    SCHEMA_MISSING_EMPTY("schema.missing-empty", Severity.WARNING,
            "a required element that may be empty is absent (readers take it as empty; schema validators reject it)",
            "add the element, empty if there is nothing to say, e.g. <RangeEnumeration></RangeEnumeration>"),
    SCHEMA_DUPLICATE("schema.duplicate", Severity.ERROR, "an element that may appear once appears more than once",
            "keep one of the elements"),
    SCHEMA_UNKNOWN("schema.unknown", Severity.WARNING, "an element the schema does not define (readers ignore it)",
            "remove the element or move its content into a description"),
    SCHEMA_VALUE("schema.value", Severity.ERROR, "a value outside what the schema allows for the element",
            "use one of the values the schema lists"),
    NAME_EMPTY("name.empty", Severity.ERROR, "an object or resource has an empty name", "give it a name"),
    NAME_CAPITALISATION("name.capitalisation", Severity.WARNING,
            "a word of an object or resource name does not start with a capital letter",
            "capitalise each word, e.g. 'Battery Level'"),
    DESCRIPTION_TOO_LONG("description.too-long", Severity.WARNING,
            "the object description (Description1) is over 134 characters, the registry's limit",
            "shorten Description1 to one sentence and move details to Description2"),
    OBJECT_ID_RESERVED("object.id.reserved", Severity.ERROR, "the object ID lies in a range reserved for future use",
            "request an ID from OMNA, or use 10241..32768 for a vendor object"),
    OBJECT_ID_TEST("object.id.test", Severity.WARNING,
            "the object ID lies in the test range 42769..42800, which must not be used in production",
            "request a registered ID before deploying"),
    URN_SYNTAX("urn.syntax", Severity.ERROR, "the ObjectURN is not urn:oma:lwm2m:{oma|ext|x}:{ID}[:{major.minor}]",
            "write the URN as urn:oma:lwm2m:{oma|ext|x}:{ObjectID}, adding :{ObjectVersion} when it is not 1.0"),
    URN_ID("urn.id", Severity.ERROR, "the ID in the ObjectURN differs from ObjectID",
            "make the URN's ID equal to ObjectID"),
    URN_LABEL("urn.label", Severity.ERROR, "the ObjectURN's label (oma, ext or x) does not match the ID's class",
            "use oma for 0..1023, ext for 2048..10240 and x for 10241..42768"),
    URN_VERSION("urn.version", Severity.ERROR, "the ObjectURN's version differs from ObjectVersion",
            "append :{ObjectVersion} to the URN, or none when the version is 1.0"),
    URN_VERSION_REDUNDANT("urn.version.redundant", Severity.WARNING,
            "the ObjectURN ends in :1.0, which the registry leaves out", "remove the trailing :1.0"),
    VERSION_SYNTAX("version.syntax", Severity.ERROR, "ObjectVersion or LWM2MVersion is not major.minor",
            "write the version as digits '.' digits, e.g. 1.1"),
    VERSION_LWM2M_UNKNOWN("version.lwm2m.unknown", Severity.WARNING,
            "LWM2MVersion names no published LwM2M version (1.0, 1.1, 1.2)", "use 1.0, 1.1 or 1.2"),
    RESOURCE_ID_RESERVED("resource.id.reserved", Severity.ERROR,
            "the resource ID lies above 32768, outside every resource ID class",
            "use 0..2047 for the object's own resources or 26241..32768 for private ones"),
    RESOURCE_ID_DUPLICATE("resource.id.duplicate", Severity.ERROR, "two resources of the object share an ID",
            "give each resource its own ID"),
    RESOURCE_NAME_DUPLICATE("resource.name.duplicate", Severity.ERROR, "two resources of the object share a name",
            "give each resource its own name"),
    RESOURCE_TYPE_MISSING("resource.type.missing", Severity.ERROR,
            "a resource that can be read or written has no type", "set <Type>, e.g. Integer or String"),
    RESOURCE_TYPE_UNKNOWN("resource.type.unknown", Severity.ERROR, "the type is not an LwM2M data type name",
            "use String, Integer, Unsigned Integer, Float, Boolean, Opaque, Time, Objlnk, Corelnk or empty"),
    RESOURCE_TYPE_VERSION("resource.type.version", Severity.ERROR,
            "Unsigned Integer and Corelnk exist only from LwM2M 1.1 on",
            "set LWM2MVersion to 1.1 or later, or use Integer / String"),
    RESOURCE_EXECUTE_TYPE("resource.execute.type", Severity.ERROR, "an executable resource has a type",
            "leave <Type> empty for Operations E"),
    RESOURCE_EXECUTE_MULTIPLE("resource.execute.multiple", Severity.ERROR,
            "an executable resource is declared with multiple instances", "set MultipleInstances to Single"),
    UNITS_UNKNOWN("units.unknown", Severity.WARNING, "the units are not a SenML unit symbol, TBD or empty",
            "use a SenML symbol (RFC 8428, RFC 8798), e.g. Cel, m/s, %RH"),
    RANGE_SYNTAX("range.syntax", Severity.WARNING, "the RangeEnumeration cannot be read as a range or enumeration",
            "write a..b, a comma list of numbers, n: label lines, quoted strings, or lengths such as 0..255 bytes"),
    RANGE_TYPE("range.type", Severity.WARNING, "the RangeEnumeration does not fit the resource's type",
            "make the range fit the type (numbers for numeric types, lengths or quoted strings for String)"),
    LICENSE_MISSING("license.missing", Severity.WARNING, "the file carries no license",
            "add a BSD-3-Clause license comment before <LWM2M>"),
    LICENSE_NOT_BSD3("license.not-bsd3", Severity.WARNING,
            "the license is not BSD-3-Clause, the license the OMNA registry asks for",
            "license the object under BSD-3-Clause"),
    ARGUMENT_ORDER_DUPLICATE("argument.order.duplicate", Severity.ERROR,
            "two arguments of an executable resource share a digit", "give each argument its own digit 0..9"),
    ARGUMENT_NOT_EXECUTABLE("argument.not-executable", Severity.WARNING,
            "argument definitions on a resource that is not executable (they are never used)",
            "remove the arguments or set Operations to E"),
    ARGUMENT_TYPE_MISSING("argument.type.missing", Severity.ERROR, "an executable argument has no type",
            "give the argument a type, e.g. Integer or String");

    private final String id;
    private final Severity severity;
    private final String summary;
    private final String fix;

    Rule(String id, Severity severity, String summary, String fix) {
        this.id = id;
        this.severity = severity;
        this.summary = summary;
        this.fix = fix;
    }

    /** The stable id findings carry, e.g. {@code resource.type.missing}. */
    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** What the rule checks, in one line. */
    public String summary() {
        return summary;
    }

    /** The usual way to fix a finding of this rule. */
    public String fix() {
        return fix;
    }

    /** The rule with this id, if any. */
    public static Optional<Rule> byId(String id) {
        for (Rule r : values()) {
            if (r.id.equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
