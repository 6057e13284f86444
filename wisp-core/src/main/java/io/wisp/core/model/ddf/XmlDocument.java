package io.wisp.core.model.ddf;

import java.util.List;
import java.util.Objects;

/**
 * A parsed XML file: its root element and the comments that stand before the root (where registry DDF files keep
 * their license text).
 */
public record XmlDocument(XmlElement root, List<String> leadingComments) {
    public XmlDocument {
        Objects.requireNonNull(root, "root");
        leadingComments = List.copyOf(leadingComments);
    }
}
