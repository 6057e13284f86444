package io.wisp.core.link;

import io.wisp.core.SyntaxException;
import io.wisp.core.attributes.NotificationAttribute;
import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.model.Version;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One link of a Discover (Core TS 1.2 §6.3.2) or Bootstrap-Discover (§6.1.7.3) response, read the LwM2M way: the
 * path it names and the attributes LwM2M defines for it. These are the &lt;PROPERTIES&gt; attributes of §7.3.1:
 * {@code dim} (number of instances of a multiple resource, 0..255), {@code ssid} (Short Server ID, 1..65534),
 * {@code uri} (server URI), {@code ver} (object version), {@code lwm2m} (enabler version on the root link of a
 * Bootstrap-Discover), and the notification attributes of §7.3.2 ({@code pmin}, {@code gt}...).
 *
 * <p>All of them are checked when the link is read, so the accessors never fail. Parameters LwM2M does not define
 * stay available on {@link #link()}. {@link #of(Link)} and {@link #parse(String)} take the path from the link's URI;
 * a caller that strips an alternate path first builds the record with the path it computed.
 */
public record DiscoverLink(LwM2mPath path, Link link) {
    private static final String SUBJECT = "Discover payload";

    public DiscoverLink {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(link, "link");
        check(link);
    }

    /** The LwM2M reading of a link; throws {@link IllegalArgumentException} saying what is wrong. */
    public static DiscoverLink of(Link link) {
        try {
            return new DiscoverLink(LwM2mPath.parse(link.uriReference()), link);
        } catch (SyntaxException e) {
            throw new IllegalArgumentException("'" + link.uriReference() + "' is not an LwM2M path: " + e.reason(), e);
        }
    }

    /** Reads a Discover or Bootstrap-Discover payload; throws {@link SyntaxException} at the bad link. */
    public static List<DiscoverLink> parse(String payload) {
        List<DiscoverLink> result = new ArrayList<>();
        for (LinkParser.Located located : LinkParser.parse(payload)) {
            try {
                result.add(of(located.link()));
            } catch (IllegalArgumentException e) {
                throw new SyntaxException(SUBJECT, payload, located.start(), e.getMessage());
            }
        }
        return result;
    }

    /** Number of instances of a multiple-instance resource. */
    public OptionalInt dim() {
        return integer(link, "dim");
    }

    /** Short Server ID of a Security or Server object instance. */
    public OptionalInt ssid() {
        return integer(link, "ssid");
    }

    /** Server URI of a Security object instance. */
    public Optional<String> uri() {
        return link.value("uri");
    }

    /** Object version announced on an object link. */
    public Optional<Version> ver() {
        return link.value("ver").map(Version::parse);
    }

    /** LwM2M enabler version, on the root link of a Bootstrap-Discover response. */
    public Optional<Version> lwm2m() {
        return link.value("lwm2m").map(Version::parse);
    }

    /** The notification attributes attached to this node, as the client reports them. */
    public NotificationAttributes attributes() {
        return notificationAttributes(link);
    }

    private static void check(Link link) {
        checkRange(link, "dim", 0, 255);
        checkRange(link, "ssid", 1, 65534);
        for (String name : List.of("ver", "lwm2m")) {
            link.value(name).filter(v -> !Version.isValid(v)).ifPresent(v -> {
                throw new IllegalArgumentException(name + " must look like 1.1, got '" + v + "'");
            });
        }
        for (String name : List.of("dim", "ssid", "uri", "ver", "lwm2m")) {
            if (link.has(name) && link.value(name).isEmpty()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
        }
        notificationAttributes(link);
    }

    private static void checkRange(Link link, String name, int min, int max) {
        link.value(name).ifPresent(v -> {
            if (!v.matches("[0-9]{1,5}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
                throw new IllegalArgumentException(name + " must be a whole number in " + min + ".." + max
                        + ", got '" + v + "'");
            }
        });
    }

    private static OptionalInt integer(Link link, String name) {
        return link.value(name).map(v -> OptionalInt.of(Integer.parseInt(v))).orElse(OptionalInt.empty());
    }

    private static NotificationAttributes notificationAttributes(Link link) {
        List<String> parts = new ArrayList<>();
        for (LinkAttribute a : link.attributes()) {
            if (NotificationAttribute.byParam(a.name()).isPresent()) {
                if (a.value().filter(v -> v.indexOf('&') >= 0).isPresent()) {
                    throw new IllegalArgumentException("the value of '" + a.name() + "' is not a number");
                }
                parts.add(a.value().map(v -> a.name() + "=" + v).orElse(a.name()));
            }
        }
        try {
            return NotificationAttributes.parse(parts);
        } catch (SyntaxException e) {
            throw new IllegalArgumentException("notification attributes: " + e.reason(), e);
        }
    }
}
