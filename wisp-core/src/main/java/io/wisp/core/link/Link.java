package io.wisp.core.link;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One CoRE link (RFC 6690 §2 link-value): a URI reference between angle brackets and its parameters in the order
 * given, e.g. {@code </3303>;ver=1.1}. LwM2M uses lists of these in Register and Update payloads (Core TS 1.2 §6.2),
 * Discover (§6.3.2) and Bootstrap-Discover (§6.1.7.3) responses. Lookups by name ignore case and return the first
 * parameter of that name.
 */
public record Link(String uriReference, List<LinkAttribute> attributes) {

    public Link {
        Objects.requireNonNull(uriReference, "uriReference");
        for (int k = 0; k < uriReference.length(); k++) {
            if (!LinkChars.isUriChar(uriReference.charAt(k))) {
                throw new IllegalArgumentException("uriReference '" + uriReference + "' has a character a URI cannot"
                        + " carry at index " + k + " (" + LinkChars.shown(uriReference.charAt(k)) + ")");
            }
        }
        attributes = List.copyOf(attributes);
    }

    public static Link of(String uriReference, LinkAttribute... attributes) {
        return new Link(uriReference, Arrays.asList(attributes));
    }

    /** The first parameter with this name, ignoring case. */
    public Optional<LinkAttribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The value of the first parameter with this name; empty when absent or given without value. */
    public Optional<String> value(String name) {
        return attribute(name).flatMap(LinkAttribute::value);
    }

    public boolean has(String name) {
        return attribute(name).isPresent();
    }

    /** The canonical form, e.g. {@code </>;rt="oma.lwm2m";ct=11543}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(uriReference.length() + 2 + attributes.size() * 8);
        sb.append('<').append(uriReference).append('>');
        attributes.forEach(a -> sb.append(';').append(a));
        return sb.toString();
    }
}
