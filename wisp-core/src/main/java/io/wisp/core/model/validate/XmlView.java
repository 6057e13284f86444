package io.wisp.core.model.validate;

import io.wisp.core.model.ddf.XmlDocument;
import io.wisp.core.model.ddf.XmlElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed DDF file into {@link RawObject}s, element by name in any order (registry files break the schema's
 * order), reporting on the way what only the XML shows: a wrong root, unknown and repeated elements.
 */
final class XmlView {
    private XmlView() {
    }

    static List<RawObject> objects(XmlDocument doc, Findings out) {
        XmlElement root = doc.root();
        if (!root.name().equals("LWM2M")) {
            out.add(Rule.XML_ROOT, root.line(), root.name(), "the root element is <" + root.name() + ">, not <LWM2M>");
            return List.of();
        }
        String license = license(doc.leadingComments());
        List<RawObject> objects = new ArrayList<>();
        for (XmlElement child : root.children()) {
            if (child.name().equals("Object")) {
                objects.add(object(child, license, out));
            } else {
                out.add(Rule.SCHEMA_UNKNOWN, child.line(), child.name(),
                        "<LWM2M> holds an unknown element <" + child.name() + ">");
            }
        }
        if (objects.isEmpty()) {
            out.add(Rule.XML_ROOT, root.line(), "", "<LWM2M> holds no <Object>");
        }
        return objects;
    }

    private static RawObject object(XmlElement object, String license, Findings out) {
        Map<String, Field> fields = fields(object, RawObject.ELEMENTS, "<Object>", out);
        List<RawResource> resources = new ArrayList<>();
        List<XmlElement> resourcesElements = object.children("Resources");
        if (!resourcesElements.isEmpty()) {
            for (XmlElement item : resourcesElements.get(0).children()) {
                if (item.name().equals("Item")) {
                    resources.add(resource(item, out));
                } else {
                    out.add(Rule.SCHEMA_UNKNOWN, item.line(), item.name(),
                            "<Resources> holds an unknown element <" + item.name() + ">");
                }
            }
        }
        return new RawObject(object.line(), fields, attribute(object, "ObjectType"), !resourcesElements.isEmpty(),
                resources, license);
    }

    private static RawResource resource(XmlElement item, Findings out) {
        String where = "<Item" + (item.attributes().containsKey("ID") ? " ID=\"" + item.attributes().get("ID")
                + "\">" : ">");
        return new RawResource(item.line(), attribute(item, "ID"), fields(item, RawResource.ELEMENTS, where, out),
                List.of());
    }

    private static Field attribute(XmlElement e, String name) {
        return new Field(name, e.attributes().get(name), e.line());
    }

    private static Map<String, Field> fields(XmlElement parent, List<String> known, String where, Findings out) {
        Map<String, Field> fields = new HashMap<>();
        for (XmlElement child : parent.children()) {
            if (!known.contains(child.name())) {
                out.add(Rule.SCHEMA_UNKNOWN, child.line(), child.name(),
                        where + " holds an element the schema does not define: <" + child.name() + ">");
            } else if (fields.containsKey(child.name())) {
                out.add(Rule.SCHEMA_DUPLICATE, child.line(), child.text().strip(),
                        where + " has a second <" + child.name() + ">; the first one is used");
            } else {
                fields.put(child.name(), new Field(child.name(), child.text(), child.line()));
            }
        }
        return fields;
    }

    private static String license(List<String> comments) {
        String joined = String.join("\n", comments).strip();
        return joined.isEmpty() ? null : joined;
    }
}
