package io.wisp.app.http.models;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wisp.app.http.Json;
import io.wisp.core.model.ArgumentModel;
import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.range.Interval;
import io.wisp.core.model.range.RangeConstraint;
import io.wisp.core.model.validate.Finding;
import java.util.List;
import java.util.Locale;

/**
 * Object definitions (Core TS §7) in JSON: the model as written (names, types, operations, units, range text,
 * executable arguments) plus the range as {@link RangeConstraint} reads it for the resource's type, so that a
 * console checks a value before writing it by the same rule the server and client apply. Range bounds are decimal
 * strings, exact for 64-bit and unsigned values that a JSON number would round. {@link ModelReader} reads this shape
 * back.
 */
final class ModelJson {

    private ModelJson() {
    }

    /** One line of the model list: identity, version, cardinality and where it came from. */
    static ObjectNode summary(ObjectModel m, String source) {
        ObjectNode json = Json.object();
        json.put("id", m.id());
        json.put("name", m.name());
        json.put("objectVersion", m.objectVersion().toString());
        json.put("lwm2mVersion", m.lwm2mVersion().toString());
        json.put("urn", m.urn());
        json.put("multiple", m.multiple());
        json.put("mandatory", m.mandatory());
        json.put("description", m.description());
        json.put("resourceCount", m.resources().size());
        json.put("source", source);
        return json;
    }

    /** The whole model. */
    static ObjectNode model(ObjectModel m, String source) {
        ObjectNode json = summary(m, source);
        json.remove("resourceCount");
        json.put("description2", m.description2());
        json.put("license", m.license());
        ArrayNode resources = json.putArray("resources");
        for (ResourceModel r : m.resources().values()) {
            resources.add(resource(r));
        }
        return json;
    }

    private static ObjectNode resource(ResourceModel r) {
        ObjectNode json = Json.object();
        json.put("id", r.id());
        json.put("name", r.name());
        json.put("operations", r.operations().ddfName());
        json.put("readable", r.operations().isReadable());
        json.put("writable", r.operations().isWritable());
        json.put("executable", r.operations().isExecutable());
        json.put("multiple", r.multiple());
        json.put("mandatory", r.mandatory());
        json.put("type", r.type().name());
        json.put("rangeEnumeration", r.rangeEnumeration());
        json.set("range", range(RangeConstraint.of(r)));
        json.put("units", r.units());
        json.put("description", r.description());
        ArrayNode arguments = json.putArray("arguments");
        for (ArgumentModel a : r.arguments()) {
            ObjectNode arg = arguments.addObject();
            arg.put("order", a.order());
            arg.put("name", a.name());
            arg.put("type", a.type().name());
            arg.put("rangeEnumeration", a.rangeEnumeration());
            arg.set("range", range(RangeConstraint.of(a)));
            arg.put("units", a.units());
            arg.put("description", a.description());
        }
        return json;
    }

    /**
     * A range: {@code none}; {@code numbers} or {@code lengths} (octets) with {@code entries} of {@code min},
     * {@code max} and {@code label}; {@code strings} with {@code values}; or {@code unparseable} with the reason.
     */
    static ObjectNode range(RangeConstraint c) {
        ObjectNode json = Json.object();
        if (c instanceof RangeConstraint.NumberSet n) {
            json.put("kind", "numbers");
            entries(json, n.entries());
        } else if (c instanceof RangeConstraint.LengthSet l) {
            json.put("kind", "lengths");
            entries(json, l.lengths());
        } else if (c instanceof RangeConstraint.StringSet s) {
            json.put("kind", "strings");
            ArrayNode values = json.putArray("values");
            s.values().forEach(values::add);
        } else if (c instanceof RangeConstraint.Unparseable u) {
            json.put("kind", "unparseable");
            json.put("reason", u.reason());
        } else {
            json.put("kind", "none");
        }
        json.put("text", c.text());
        return json;
    }

    private static void entries(ObjectNode json, List<Interval> intervals) {
        ArrayNode entries = json.putArray("entries");
        for (Interval i : intervals) {
            ObjectNode e = entries.addObject();
            e.put("min", i.min().toPlainString());
            e.put("max", i.max().toPlainString());
            e.put("label", i.label());
        }
    }

    /** Validator findings, as {@code wisp objects validate --format json} prints them (without the file). */
    static ArrayNode findings(List<Finding> findings) {
        ArrayNode list = Json.array();
        for (Finding f : findings) {
            ObjectNode item = list.addObject();
            item.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            item.put("rule", f.ruleId());
            item.put("message", f.message());
            item.put("value", f.value());
            item.put("fix", f.fix());
            if (f.line() > 0) {
                item.put("line", f.line());
            } else {
                item.putNull("line");
            }
        }
        return list;
    }
}
