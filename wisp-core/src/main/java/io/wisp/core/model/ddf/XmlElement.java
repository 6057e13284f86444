package io.wisp.core.model.ddf;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of an XML document as DDF tools need it: local name, attributes, its own character data (untrimmed),
 * children in document order, and the line and column where it starts, so findings can point at it.
 */
public record XmlElement(String name, Map<String, String> attributes, String text, List<XmlElement> children,
                         int line, int column) {
    public XmlElement {
        Objects.requireNonNull(name, "name");
        attributes = Map.copyOf(attributes);
        text = Objects.requireNonNullElse(text, "");
        children = List.copyOf(children);
    }

    /** The first child with this local name, case-sensitive. */
    public Optional<XmlElement> child(String childName) {
        for (XmlElement c : children) {
            if (c.name.equals(childName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** All children with this local name, in document order. */
    public List<XmlElement> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }
}
