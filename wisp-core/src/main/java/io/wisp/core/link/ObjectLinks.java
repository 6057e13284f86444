package io.wisp.core.link;

import io.wisp.core.SyntaxException;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.core.path.LwM2mPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The LwM2M reading of a Register or Update payload (Core TS 1.2 §6.2.1, §6.2.2): the objects and object instances a
 * client offers, each object's version ({@code </3303>;ver=1.1}), and the root link that carries
 * {@code rt="oma.lwm2m"}, the alternate path ({@code </lwm2m>}) and the supported content formats ({@code ct=11543} or
 * {@code ct="60 110"}).
 *
 * <p>The root link is the one whose {@code rt} lists {@code oma.lwm2m}, or else a plain {@code </>}; payloads without
 * one are fine (many 1.0 clients send only {@code </1/0>,</3/0>}) and mean the alternate path {@code /}. Every other
 * link must name an object or an object instance below the alternate path, once.
 */
public final class ObjectLinks {
    static final String SUBJECT = "Register payload";
    private static final String LWM2M_RT = "oma.lwm2m";

    private final List<Link> links;
    private final String alternatePath;
    private final Link root;
    private final List<ContentFormat> contentFormats;
    private final SortedMap<Integer, Version> versions;
    private final SortedMap<Integer, SortedSet<Integer>> instances;

    private ObjectLinks(List<Link> links, String alternatePath, Link root, List<ContentFormat> contentFormats,
                        SortedMap<Integer, Version> versions, SortedMap<Integer, SortedSet<Integer>> instances) {
        this.links = links;
        this.alternatePath = alternatePath;
        this.root = root;
        this.contentFormats = contentFormats;
        this.versions = Collections.unmodifiableSortedMap(versions);
        this.instances = instances;
    }

    /** Reads a payload; throws {@link SyntaxException} naming the position of the bad link. */
    public static ObjectLinks parse(String payload) {
        List<LinkParser.Located> located = LinkParser.parse(payload);
        List<Link> links = located.stream().map(LinkParser.Located::link).toList();
        return new Reader(links, (index, reason) -> new SyntaxException(SUBJECT, payload,
                located.get(index).start(), reason)).read();
    }

    /** Interprets links already read; throws {@link IllegalArgumentException} naming the bad link. */
    public static ObjectLinks of(List<Link> links) {
        List<Link> copy = List.copyOf(links);
        return new Reader(copy, (index, reason) -> new IllegalArgumentException("link " + copy.get(index) + ": "
                + reason)).read();
    }

    /** The links as read, in order. */
    public List<Link> links() {
        return links;
    }

    /** The path under which the client's objects live: {@code /} by default, e.g. {@code /lwm2m}. */
    public String alternatePath() {
        return alternatePath;
    }

    public Optional<Link> rootLink() {
        return Optional.ofNullable(root);
    }

    /** The content formats the root link announces with {@code ct}, in the order given; empty when absent. */
    public List<ContentFormat> contentFormats() {
        return contentFormats;
    }

    /** Every object the payload mentions, by its own link or through an instance. */
    public SortedSet<Integer> objectIds() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(instances.keySet()));
    }

    /** The version an object link announces with {@code ver}; empty when it has none (version 1.0 then). */
    public Optional<Version> version(int objectId) {
        return Optional.ofNullable(versions.get(objectId));
    }

    /** The objects that announce a version, with it. */
    public SortedMap<Integer, Version> versions() {
        return versions;
    }

    /** The instance IDs listed for an object; empty for an object listed without instances or not at all. */
    public SortedSet<Integer> instances(int objectId) {
        SortedSet<Integer> ids = instances.get(objectId);
        return ids == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(ids);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectLinks other && links.equals(other.links);
    }

    @Override
    public int hashCode() {
        return links.hashCode();
    }

    /** The payload in canonical link format. */
    @Override
    public String toString() {
        return LinkFormat.print(links);
    }

    /** Makes the error for the link at an index, positioned or not. */
    private interface Failure {
        RuntimeException at(int index, String reason);
    }

    private static final class Reader {
        private final List<Link> links;
        private final Failure failure;
        private final SortedMap<Integer, Version> versions = new TreeMap<>();
        private final SortedMap<Integer, SortedSet<Integer>> instances = new TreeMap<>();
        private final SortedSet<Integer> objectLinks = new TreeSet<>();

        Reader(List<Link> links, Failure failure) {
            this.links = links;
            this.failure = failure;
        }

        ObjectLinks read() {
            int rootIndex = rootIndex();
            Link root = rootIndex < 0 ? null : links.get(rootIndex);
            String alternatePath = root == null ? "/" : alternatePath(rootIndex);
            List<ContentFormat> formats = root == null ? List.of() : contentFormats(rootIndex);
            for (int k = 0; k < links.size(); k++) {
                if (k != rootIndex) {
                    objectOrInstance(k, alternatePath);
                }
            }
            return new ObjectLinks(links, alternatePath, root, formats, versions, instances);
        }

        private int rootIndex() {
            int found = -1;
            for (int k = 0; k < links.size(); k++) {
                boolean lwm2m = links.get(k).value("rt").map(rt -> List.of(rt.trim().split("\\s+")).contains(LWM2M_RT))
                        .orElse(false);
                if (lwm2m) {
                    if (found >= 0) {
                        throw failure.at(k, "a second link with rt=\"" + LWM2M_RT + "\"; only the root link has it");
                    }
                    found = k;
                }
            }
            for (int k = 0; k < links.size() && found < 0; k++) {
                if (links.get(k).uriReference().equals("/")) {
                    found = k;
                }
            }
            return found;
        }

        private String alternatePath(int index) {
            String uri = links.get(index).uriReference();
            if (!uri.startsWith("/") || uri.indexOf('?') >= 0 || uri.indexOf('#') >= 0 || uri.contains("//")) {
                throw failure.at(index, "the alternate path must be an absolute path such as /lwm2m, got '" + uri + "'");
            }
            return uri.length() > 1 && uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        }

        private List<ContentFormat> contentFormats(int index) {
            Optional<LinkAttribute> ct = links.get(index).attribute("ct");
            if (ct.isEmpty()) {
                return List.of();
            }
            String text = ct.get().value().orElse("").trim();
            List<ContentFormat> formats = new ArrayList<>();
            for (String code : text.isEmpty() ? new String[0] : text.split("\\s+")) {
                if (!code.matches("[0-9]{1,5}") || Integer.parseInt(code) > 65535) {
                    throw failure.at(index, "ct must list content format numbers 0..65535, got '" + text + "'");
                }
                formats.add(ContentFormat.of(Integer.parseInt(code)));
            }
            if (formats.isEmpty()) {
                throw failure.at(index, "ct has no content format");
            }
            return List.copyOf(formats);
        }

        private void objectOrInstance(int index, String alternatePath) {
            Link link = links.get(index);
            String uri = link.uriReference();
            String prefix = alternatePath.equals("/") ? "" : alternatePath;
            if (!uri.startsWith(prefix + "/") && !(prefix.isEmpty() && !uri.startsWith("/"))) {
                throw failure.at(index, "'" + uri + "' is not below the alternate path " + alternatePath);
            }
            LwM2mPath path;
            try {
                path = LwM2mPath.parse(uri.substring(prefix.length()));
            } catch (SyntaxException e) {
                throw failure.at(index, "'" + uri + "' is not an LwM2M path: " + e.reason());
            }
            if (path.isObject()) {
                if (!objectLinks.add(path.objectId())) {
                    throw failure.at(index, "object " + path.objectId() + " is listed twice");
                }
                instances.computeIfAbsent(path.objectId(), id -> new TreeSet<>());
                link.value("ver").ifPresent(ver -> {
                    if (!Version.isValid(ver)) {
                        throw failure.at(index, "ver must look like 1.1, got '" + ver + "'");
                    }
                    versions.put(path.objectId(), Version.parse(ver));
                });
            } else if (path.isObjectInstance()) {
                if (!instances.computeIfAbsent(path.objectId(), id -> new TreeSet<>()).add(path.instanceId())) {
                    throw failure.at(index, "object instance " + path + " is listed twice");
                }
            } else {
                throw failure.at(index, "a Register link names an object or an object instance, got " + path);
            }
        }
    }
}
