package io.wisp.core.model.ddf;

import io.wisp.core.model.ArgumentModel;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.node.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the executable-argument definitions of the object template (resource, order, name, type, range or
 * enumeration, units, description) in a DDF file. Neither LWM2M.xsd nor LWM2M-v1_1.xsd has an element for them, so
 * Wisp writes them as a block of text at the end of the object's {@code Description2}: files stay schema-valid, and
 * other tools show the block as readable text.
 *
 * <h2>Syntax</h2>
 * <pre>
 * block     = "[wisp-arguments]" LF *(argument LF) "[/wisp-arguments]"
 * argument  = field *(1*WSP field)
 * field     = "resource=" 1*5DIGIT      ; a resource ID of this object (required)
 *           / "order=" DIGIT            ; the argument's digit in an Execute argument list (required)
 *           / "name=" quoted            ; (required)
 *           / "type=" quoted            ; a DDF type name such as "Integer", or "" for none (required)
 *           / "range=" quoted / "units=" quoted / "description=" quoted   ; (optional, default "")
 * quoted    = DQUOTE *(plain / escape) DQUOTE
 * plain     = any character except DQUOTE, "\", CR and LF
 * escape    = "\" (DQUOTE / "\" / "n" / "r" / "t")   ; quote, backslash, LF, CR, tab
 * </pre>
 * For example, with the object's own text before it:
 * <pre>
 * The alarm sounds until it is acknowledged.
 * [wisp-arguments]
 * resource=4 order=0 name="Duration" type="Integer" range="0..3600" units="s" description="How long it \"sounds\"."
 * [/wisp-arguments]
 * </pre>
 *
 * <h2>Writing</h2>
 * The writer puts every field, in the order above, separated by one space, one line per argument, resources in ID
 * order and each resource's arguments in their list order. The block follows the object's own text after one LF
 * (none when that text is empty), so the reader gives the text back exactly. A {@code Description2} that itself
 * contains {@code [wisp-arguments]} is refused ({@link DdfWriteException}), so the block is never ambiguous.
 *
 * <h2>Reading</h2>
 * The block starts at the first line whose first non-blank text is {@code [wisp-arguments]}; the LF before that line
 * and the line's indentation are not part of the object's text. Fields may come in any order, separated by spaces or
 * tabs; a value without quotes runs to the next blank; blank lines are skipped; blanks after the end line are
 * ignored. A malformed line is reported and skipped, the other lines are kept; an unknown field is reported and
 * ignored; a missing end line is reported (every later line is read as an argument); text after the end line is
 * reported and stays in the object's text.
 */
final class ArgumentsBlock {
    static final String BEGIN = "[wisp-arguments]";
    static final String END = "[/wisp-arguments]";

    private static final List<String> REQUIRED = List.of("resource", "order", "name", "type");
    private static final List<String> KNOWN = List.of("resource", "order", "name", "type", "range", "units",
            "description");

    private ArgumentsBlock() {
    }

    /** One argument found, for the resource it names, and the line of the block it came from (0 = first line). */
    record Found(int resourceId, ArgumentModel argument, int lineOffset) {
    }

    /** Something wrong in the block, at a line of the text (0 = first line). */
    record Issue(int lineOffset, String value, String message) {
    }

    /** The object's own text with the block taken out, the arguments found and what was wrong. */
    record Parsed(String description2, List<Found> arguments, List<Issue> issues) {
    }

    // ---------------------------------------------------------------- reading

    static Parsed parse(String text) {
        int begin = findBegin(text);
        if (begin < 0) {
            return new Parsed(text, List.of(), List.of());
        }
        int lineStart = text.lastIndexOf('\n', begin) + 1;
        String before = lineStart == 0 ? "" : text.substring(0, lineStart - 1);
        int lineOffset = countLines(text, lineStart);
        List<Found> found = new ArrayList<>();
        List<Issue> issues = new ArrayList<>();
        String[] lines = text.substring(lineStart).split("\n", -1);
        String firstLine = XmlText.trim(lines[0]);
        if (!firstLine.equals(BEGIN)) {
            issues.add(new Issue(lineOffset, firstLine, "text after " + BEGIN + " on its line is ignored"));
        }
        int i = 1;
        boolean closed = false;
        for (; i < lines.length; i++) {
            String line = XmlText.trim(lines[i]);
            if (line.equals(END)) {
                closed = true;
                break;
            }
            if (!line.isEmpty()) {
                parseLine(line, lineOffset + i, found, issues);
            }
        }
        String after = "";
        if (!closed) {
            issues.add(new Issue(lineOffset, BEGIN, "the argument block has no end line " + END));
        } else {
            StringBuilder rest = new StringBuilder();
            for (int k = i + 1; k < lines.length; k++) {
                rest.append('\n').append(lines[k]);
            }
            after = rest.toString();
            if (!XmlText.trim(after).isEmpty()) {
                issues.add(new Issue(lineOffset + i + 1, XmlText.trim(after),
                        "text after " + END + " is kept in the description; the block should end Description2"));
            } else {
                after = "";
            }
        }
        return new Parsed(before + after, List.copyOf(found), List.copyOf(issues));
    }

    /** Index of the first BEGIN that only blanks separate from the start of its line, or -1. */
    private static int findBegin(String text) {
        for (int at = text.indexOf(BEGIN); at >= 0; at = text.indexOf(BEGIN, at + 1)) {
            int k = at - 1;
            while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                k--;
            }
            if (k < 0 || text.charAt(k) == '\n') {
                return at;
            }
        }
        return -1;
    }

    private static int countLines(String text, int end) {
        int n = 0;
        for (int k = 0; k < end; k++) {
            if (text.charAt(k) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static void parseLine(String line, int lineOffset, List<Found> found, List<Issue> issues) {
        Map<String, String> fields = new LinkedHashMap<>();
        int pos = 0;
        while (pos < line.length()) {
            int eq = line.indexOf('=', pos);
            if (eq < 0) {
                issues.add(new Issue(lineOffset, line, "expected name=value at column " + (pos + 1)
                        + "; the line is skipped"));
                return;
            }
            String key = line.substring(pos, eq);
            if (!key.matches("[A-Za-z]+")) {
                issues.add(new Issue(lineOffset, line, "expected a field name at column " + (pos + 1)
                        + "; the line is skipped"));
                return;
            }
            int end;
            String value;
            if (eq + 1 < line.length() && line.charAt(eq + 1) == '"') {
                StringBuilder out = new StringBuilder();
                end = unquote(line, eq + 1, out);
                if (end < 0) {
                    issues.add(new Issue(lineOffset, line, "bad quoted value for " + key + " at column " + (eq + 2)
                            + " (" + quoteError(line, eq + 1) + "); the line is skipped"));
                    return;
                }
                value = out.toString();
            } else {
                end = eq + 1;
                while (end < line.length() && line.charAt(end) != ' ' && line.charAt(end) != '\t') {
                    end++;
                }
                value = line.substring(eq + 1, end);
            }
            if (end < line.length() && line.charAt(end) != ' ' && line.charAt(end) != '\t') {
                issues.add(new Issue(lineOffset, line, "expected a blank after the value of " + key + " at column "
                        + (end + 1) + "; the line is skipped"));
                return;
            }
            if (!KNOWN.contains(key)) {
                issues.add(new Issue(lineOffset, key, "unknown field '" + key + "' is ignored; fields are "
                        + String.join(", ", KNOWN)));
            } else if (fields.put(key, value) != null) {
                issues.add(new Issue(lineOffset, line, "field " + key + " appears twice; the line is skipped"));
                return;
            }
            pos = end;
            while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
                pos++;
            }
        }
        build(line, lineOffset, fields, issues).ifPresent(found::add);
    }

    private static Optional<Found> build(String line, int lineOffset, Map<String, String> fields,
                                         List<Issue> issues) {
        for (String key : REQUIRED) {
            if (!fields.containsKey(key)) {
                issues.add(new Issue(lineOffset, line, "field " + key + " is missing; the line is skipped"));
                return Optional.empty();
            }
        }
        String resource = fields.get("resource");
        if (!resource.matches("[0-9]{1,5}") || Integer.parseInt(resource) > 65534) {
            issues.add(new Issue(lineOffset, resource, "resource must be a resource ID 0..65534; the line is"
                    + " skipped"));
            return Optional.empty();
        }
        String order = fields.get("order");
        if (!order.matches("[0-9]")) {
            issues.add(new Issue(lineOffset, order, "order must be one digit 0..9; the line is skipped"));
            return Optional.empty();
        }
        String typeName = fields.get("type");
        DataType type = DataType.fromDdfName(typeName).orElse(null);
        if (type == null || !type.ddfName().equals(typeName)) {
            issues.add(new Issue(lineOffset, typeName, type == null
                    ? "unknown argument type; read as none. Types are " + DdfNames.typeList()
                    : "type is spelled '" + type.ddfName() + "'; read as that"));
            type = type == null ? DataType.NONE : type;
        }
        ArgumentModel argument = new ArgumentModel(Integer.parseInt(order), fields.get("name"), type,
                fields.get("range"), fields.get("units"), fields.get("description"));
        return Optional.of(new Found(Integer.parseInt(resource), argument, lineOffset));
    }

    /** Reads a quoted value starting at the quote at {@code at}; returns the index after the closing quote, or -1. */
    private static int unquote(String line, int at, StringBuilder out) {
        for (int k = at + 1; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '"') {
                return k + 1;
            }
            if (c == '\r') {
                return -1;
            }
            if (c == '\\') {
                if (k + 1 >= line.length()) {
                    return -1;
                }
                char e = line.charAt(++k);
                switch (e) {
                    case '"', '\\' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    default -> {
                        return -1;
                    }
                }
            } else {
                out.append(c);
            }
        }
        return -1;
    }

    private static String quoteError(String line, int at) {
        for (int k = at + 1; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '"') {
                break;
            }
            if (c == '\r') {
                return "a raw CR at column " + (k + 1) + "; write \\r";
            }
            if (c == '\\') {
                if (k + 1 >= line.length() || "\"\\nrt".indexOf(line.charAt(k + 1)) < 0) {
                    return "unknown escape at column " + (k + 1) + "; use \\\" \\\\ \\n \\r or \\t";
                }
                k++;
            }
        }
        return "no closing quote";
    }

    // ---------------------------------------------------------------- writing

    /**
     * The {@code Description2} text to write: the object's own text, then the block when any resource has
     * arguments. Throws {@link DdfWriteException} when the object's text already holds the block marker.
     */
    static String append(ObjectModel model) {
        String own = model.description2();
        if (own.contains(BEGIN)) {
            throw new DdfWriteException("object " + model.id() + " Description2", "it contains " + BEGIN
                    + ", which marks Wisp's executable-argument block; remove or reword it");
        }
        StringBuilder lines = new StringBuilder();
        for (ResourceModel r : model.resources().values()) {
            for (ArgumentModel a : r.arguments()) {
                String at = "object " + model.id() + " resource " + r.id() + " argument " + a.order() + " ";
                lines.append("resource=").append(r.id()).append(" order=").append(a.order());
                field(lines, at, "name", a.name());
                field(lines, at, "type", a.type().ddfName());
                field(lines, at, "range", a.rangeEnumeration());
                field(lines, at, "units", a.units());
                field(lines, at, "description", a.description());
                lines.append('\n');
            }
        }
        if (lines.length() == 0) {
            return own;
        }
        return own + (own.isEmpty() ? "" : "\n") + BEGIN + "\n" + lines + END;
    }

    private static void field(StringBuilder out, String at, String key, String value) {
        XmlText.requireWritable(at + key, value);
        out.append(' ').append(key).append("=\"");
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        out.append('"');
    }
}
