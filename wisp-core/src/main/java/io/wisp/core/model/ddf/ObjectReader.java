package io.wisp.core.model.ddf;

import static io.wisp.core.model.ddf.DdfNames.DESCRIPTION;
import static io.wisp.core.model.ddf.DdfNames.DESCRIPTION1;
import static io.wisp.core.model.ddf.DdfNames.DESCRIPTION2;
import static io.wisp.core.model.ddf.DdfNames.LWM2M_VERSION;
import static io.wisp.core.model.ddf.DdfNames.MANDATORY;
import static io.wisp.core.model.ddf.DdfNames.MULTIPLE_INSTANCES;
import static io.wisp.core.model.ddf.DdfNames.NAME;
import static io.wisp.core.model.ddf.DdfNames.OBJECT_ID;
import static io.wisp.core.model.ddf.DdfNames.OBJECT_URN;
import static io.wisp.core.model.ddf.DdfNames.OBJECT_VERSION;
import static io.wisp.core.model.ddf.DdfNames.OPERATIONS;
import static io.wisp.core.model.ddf.DdfNames.RANGE_ENUMERATION;
import static io.wisp.core.model.ddf.DdfNames.RESOURCES;
import static io.wisp.core.model.ddf.DdfNames.TYPE;
import static io.wisp.core.model.ddf.DdfNames.UNITS;

import io.wisp.core.model.ArgumentModel;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.Operations;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.model.ddf.DdfProblem.Kind;
import io.wisp.core.node.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Builds one {@link ObjectModel} from an {@code <Object>} element, reading children by name in any order and
 * reporting, rather than throwing on, whatever it cannot take as written. See {@link DdfReader} for the defaults.
 */
final class ObjectReader {
    /** Texts longer than this are kept but reported: the longest description in the registry is under 3,000. */
    static final int LONG_TEXT = 65_536;

    private static final Map<String, Operations> OPERATION_NAMES = new HashMap<>();
    private static final Map<String, DataType> TYPE_NAMES = new HashMap<>();

    static {
        for (Operations op : Operations.values()) {
            OPERATION_NAMES.put(op.ddfName(), op);
        }
        for (DataType type : DataType.values()) {
            TYPE_NAMES.put(type.ddfName(), type);
        }
    }

    private final String license;
    private final ProblemLog problems;

    ObjectReader(String license, ProblemLog problems) {
        this.license = license;
        this.problems = problems;
    }

    Optional<DdfReadResult.Entry> read(XmlElement object) {
        if (!object.attributes().containsKey(DdfNames.OBJECT_TYPE)) {
            problem(Kind.MISSING, object.line(), DdfNames.OBJECT, "",
                    "attribute ObjectType is missing; the schema requires it (registry files use MODefinition)");
        }
        Map<String, XmlElement> fields = fields(object, DdfNames.OBJECT_ELEMENTS, "");
        Map<String, Integer> lines = new HashMap<>();
        fields.forEach((name, e) -> lines.put(name, e.line()));

        Optional<String> idText = text(fields, OBJECT_ID, object, "", "the object is skipped");
        if (idText.isEmpty()) {
            return Optional.empty();
        }
        OptionalInt id = parseId(idText.get(), fields.get(OBJECT_ID).line(), OBJECT_ID, "the object is skipped");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String name = XmlText.trim(text(fields, NAME, object, "", "read as empty").orElse(""));
        String description1 = text(fields, DESCRIPTION1, object, "", "read as empty").orElse("");
        String urn = XmlText.trim(text(fields, OBJECT_URN, object, "", "read as empty").orElse(""));
        Version lwm2mVersion = version(fields, LWM2M_VERSION);
        Version objectVersion = version(fields, OBJECT_VERSION);
        boolean multiple = choice(fields, MULTIPLE_INSTANCES, object, "",
                Map.of(DdfNames.MULTIPLE, true, DdfNames.SINGLE, false), DdfNames.MULTIPLE);
        boolean mandatory = choice(fields, MANDATORY, object, "",
                Map.of(DdfNames.MANDATORY_VALUE, true, DdfNames.OPTIONAL_VALUE, false), DdfNames.OPTIONAL_VALUE);

        Map<Integer, Integer> itemLines = new HashMap<>();
        Map<Integer, Map<String, Integer>> itemElementLines = new HashMap<>();
        TreeMap<Integer, ResourceModel> resources = resources(fields, object, itemLines, itemElementLines);

        String description2Text = text(fields, DESCRIPTION2, object, "", "read as empty").orElse("");
        int d2Line = fields.containsKey(DESCRIPTION2) ? fields.get(DESCRIPTION2).line() : object.line();
        ArgumentsBlock.Parsed block = ArgumentsBlock.parse(description2Text);
        for (ArgumentsBlock.Issue issue : block.issues()) {
            problem(Kind.ARGUMENTS, d2Line + issue.lineOffset(), DESCRIPTION2, issue.value(), issue.message());
        }
        Map<Integer, Map<Integer, Integer>> argumentLines = new HashMap<>();
        attach(block.arguments(), resources, d2Line, argumentLines);

        ObjectModel model = new ObjectModel(id.getAsInt(), name, description1, block.description2(), multiple,
                mandatory, urn, objectVersion, lwm2mVersion, license, resources);
        SourceLines sourceLines = new SourceLines(object.line(), lines, itemLines, itemElementLines, argumentLines);
        return Optional.of(new DdfReadResult.Entry(model, sourceLines));
    }

    private TreeMap<Integer, ResourceModel> resources(Map<String, XmlElement> fields, XmlElement object,
                                                      Map<Integer, Integer> itemLines,
                                                      Map<Integer, Map<String, Integer>> itemElementLines) {
        TreeMap<Integer, ResourceModel> resources = new TreeMap<>();
        XmlElement container = fields.get(RESOURCES);
        if (container == null) {
            problem(Kind.MISSING, object.line(), RESOURCES, "", "required element <Resources> is missing; the"
                    + " object is read without resources");
            return resources;
        }
        boolean anyItem = false;
        for (XmlElement child : container.children()) {
            if (!child.name().equals(DdfNames.ITEM)) {
                problem(Kind.IGNORED, child.line(), RESOURCES + "/" + child.name(), "",
                        "element <" + child.name() + "> is not in the DDF schema; ignored");
                continue;
            }
            anyItem = true;
            OptionalInt id = itemId(child);
            if (id.isEmpty()) {
                continue;
            }
            if (resources.containsKey(id.getAsInt())) {
                problem(Kind.IGNORED, child.line(), item(id.getAsInt()), String.valueOf(id.getAsInt()),
                        "resource ID " + id.getAsInt() + " appears twice; the Item at line "
                        + itemLines.get(id.getAsInt()) + " is used, this one ignored");
                continue;
            }
            ResourceModel r = item(child, id.getAsInt());
            resources.put(r.id(), r);
            itemLines.put(r.id(), child.line());
            Map<String, Integer> lines = new HashMap<>();
            child.children().forEach(c -> lines.putIfAbsent(c.name(), c.line()));
            itemElementLines.put(r.id(), lines);
        }
        if (!anyItem) {
            problem(Kind.MISSING, container.line(), RESOURCES, "", "<Resources> holds no <Item>; the schema requires"
                    + " at least one");
        }
        return resources;
    }

    private OptionalInt itemId(XmlElement item) {
        String rawId = item.attributes().get(DdfNames.ID);
        if (rawId == null) {
            problem(Kind.MISSING, item.line(), DdfNames.ITEM, "", "attribute ID is missing; the resource is skipped");
            return OptionalInt.empty();
        }
        return parseId(rawId, item.line(), DdfNames.ITEM + "/@ID", "the resource is skipped");
    }

    private ResourceModel item(XmlElement item, int id) {
        String at = item(id) + "/";
        Map<String, XmlElement> fields = fields(item, DdfNames.ITEM_ELEMENTS, at);
        String name = XmlText.trim(text(fields, NAME, item, at, "read as empty").orElse(""));
        Operations operations = choice(fields, OPERATIONS, item, at, OPERATION_NAMES,
                Operations.NONE.ddfName());
        boolean multiple = choice(fields, MULTIPLE_INSTANCES, item, at,
                Map.of(DdfNames.MULTIPLE, true, DdfNames.SINGLE, false), DdfNames.SINGLE);
        boolean mandatory = choice(fields, MANDATORY, item, at,
                Map.of(DdfNames.MANDATORY_VALUE, true, DdfNames.OPTIONAL_VALUE, false), DdfNames.OPTIONAL_VALUE);
        DataType type = type(fields, item, at, operations);
        String range = XmlText.trim(text(fields, RANGE_ENUMERATION, item, at, "read as empty").orElse(""));
        String units = XmlText.trim(text(fields, UNITS, item, at, "read as empty").orElse(""));
        String description = text(fields, DESCRIPTION, item, at, "read as empty").orElse("");
        return new ResourceModel(id, name, operations, multiple, mandatory, type, range, units, description,
                List.of());
    }

    private DataType type(Map<String, XmlElement> fields, XmlElement item, String at, Operations operations) {
        String need = operations.isExecutable() ? "" : "; a resource that is not executable needs a Type";
        if (!fields.containsKey(TYPE)) {
            text(fields, TYPE, item, at, "read as none" + need);
            return DataType.NONE;
        }
        DataType type = choice(fields, TYPE, item, at, TYPE_NAMES, DataType.NONE.ddfName());
        if (type == DataType.NONE && !operations.isExecutable()
                && XmlText.trim(fields.get(TYPE).text()).isEmpty()) {
            problem(Kind.MISSING, fields.get(TYPE).line(), at + TYPE, "",
                    "the Type is empty, but a resource that is not executable needs one; read as none");
        }
        return type;
    }

    private void attach(List<ArgumentsBlock.Found> found, TreeMap<Integer, ResourceModel> resources, int d2Line,
                        Map<Integer, Map<Integer, Integer>> argumentLines) {
        Map<Integer, List<ArgumentModel>> byResource = new LinkedHashMap<>();
        for (ArgumentsBlock.Found f : found) {
            int line = d2Line + f.lineOffset();
            if (!resources.containsKey(f.resourceId())) {
                problem(Kind.ARGUMENTS, line, DESCRIPTION2, String.valueOf(f.resourceId()), "argument '"
                        + f.argument().name() + "' is for resource " + f.resourceId()
                        + ", which this object does not define; ignored");
                continue;
            }
            Map<Integer, Integer> lines = argumentLines.computeIfAbsent(f.resourceId(), k -> new HashMap<>());
            if (lines.containsKey(f.argument().order())) {
                problem(Kind.ARGUMENTS, line, DESCRIPTION2, String.valueOf(f.argument().order()), "resource "
                        + f.resourceId() + " has two arguments with order " + f.argument().order()
                        + " (the other at line " + lines.get(f.argument().order()) + "); both are kept");
            } else {
                lines.put(f.argument().order(), line);
            }
            byResource.computeIfAbsent(f.resourceId(), k -> new ArrayList<>()).add(f.argument());
        }
        byResource.forEach((id, arguments) -> {
            ResourceModel r = resources.get(id);
            resources.put(id, new ResourceModel(r.id(), r.name(), r.operations(), r.multiple(), r.mandatory(),
                    r.type(), r.rangeEnumeration(), r.units(), r.description(), arguments));
        });
    }

    // ---------------------------------------------------------------- element helpers

    /** The first child of each known name; unknown and repeated children are reported and ignored. */
    private Map<String, XmlElement> fields(XmlElement parent, List<String> known, String at) {
        Map<String, XmlElement> fields = new HashMap<>();
        for (XmlElement child : parent.children()) {
            if (!known.contains(child.name())) {
                problem(Kind.IGNORED, child.line(), at + child.name(), "",
                        "element <" + child.name() + "> is not in the DDF schema; ignored");
            } else if (fields.containsKey(child.name())) {
                problem(Kind.IGNORED, child.line(), at + child.name(), child.text(), "<" + child.name()
                        + "> appears twice; the one at line " + fields.get(child.name()).line() + " is used");
            } else {
                fields.put(child.name(), child);
            }
        }
        return fields;
    }

    /** The text of a child, reporting a missing required one (with what is done instead) and odd content. */
    private Optional<String> text(Map<String, XmlElement> fields, String name, XmlElement parent, String at,
                                  String instead) {
        XmlElement e = fields.get(name);
        if (e == null) {
            if (!DdfNames.OBJECT_OPTIONAL.contains(name) || !at.isEmpty()) {
                problem(Kind.MISSING, parent.line(), at + name, "", "required element <" + name + "> is missing; "
                        + instead);
            }
            return Optional.empty();
        }
        if (!e.children().isEmpty()) {
            problem(Kind.IGNORED, e.children().get(0).line(), at + name, "", "<" + name + "> holds "
                    + e.children().size() + " child element(s), which are ignored; only its text is read");
        }
        if (e.text().length() > LONG_TEXT) {
            problem(Kind.OVERSIZED, e.line(), at + name, e.text(), "text of " + e.text().length()
                    + " characters, far beyond any real definition; kept as written");
        }
        return Optional.of(e.text());
    }

    private Version version(Map<String, XmlElement> fields, String name) {
        String raw = XmlText.trim(text(fields, name, null, "", "").orElse(""));
        if (raw.isEmpty()) {
            return Version.V1_0;
        }
        if (!Version.isValid(raw)) {
            problem(Kind.INVALID, fields.get(name).line(), name, raw, "a version is written major.minor, e.g. 1.1;"
                    + " read as 1.0");
            return Version.V1_0;
        }
        return Version.parse(raw);
    }

    /** A value from a fixed list of spellings: exact, else the same letters in another case, else the fallback. */
    private <T> T choice(Map<String, XmlElement> fields, String name, XmlElement parent, String at,
                         Map<String, T> spellings, String fallback) {
        Optional<String> text = text(fields, name, parent, at, "read as '" + fallback + "'");
        if (text.isEmpty()) {
            return spellings.get(fallback);
        }
        String raw = XmlText.trim(text.get());
        if (spellings.containsKey(raw)) {
            return spellings.get(raw);
        }
        int line = fields.get(name).line();
        for (Map.Entry<String, T> e : spellings.entrySet()) {
            if (e.getKey().equalsIgnoreCase(raw)) {
                problem(Kind.INVALID, line, at + name, raw, "the schema spells it '" + e.getKey() + "'; read as that");
                return e.getValue();
            }
        }
        problem(Kind.INVALID, line, at + name, raw, "not one of " + String.join(", ",
                spellings.keySet().stream().sorted().map(s -> "'" + s + "'").toList()) + "; read as '" + fallback
                + "'");
        return spellings.get(fallback);
    }


    private OptionalInt parseId(String raw, int line, String element, String instead) {
        String t = XmlText.trim(raw);
        if (!t.matches("[0-9]{1,9}")) {
            problem(Kind.INVALID, line, element, raw, "an ID is a whole number 0..65534; " + instead);
            return OptionalInt.empty();
        }
        int id = Integer.parseInt(t);
        if (id > 65534) {
            problem(Kind.INVALID, line, element, raw, "an ID is 0..65534 (65535 is reserved); " + instead);
            return OptionalInt.empty();
        }
        return OptionalInt.of(id);
    }

    private static String item(int id) {
        return DdfNames.ITEM + "[" + id + "]";
    }

    private void problem(Kind kind, int line, String element, String value, String message) {
        problems.add(kind, line, element, value, message);
    }
}
