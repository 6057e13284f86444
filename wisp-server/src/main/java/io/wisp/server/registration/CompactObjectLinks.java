package io.wisp.server.registration;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.link.Link;
import io.wisp.core.link.ObjectLinks;
import io.wisp.core.model.Version;
import io.wisp.core.path.LwM2mPath;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The objects and instances a client announced in its Register or Update payload (Core TS §6.2.1), kept small: the
 * payload bytes as received, plus an index of {@code int}s — one per object or instance link, and one per object
 * version — for the questions the server asks often. {@link #expand()} gives the full {@link ObjectLinks} view with
 * every attribute. Equal payloads share one instance ({@link #parse} interns them), so a fleet of identical devices
 * pays for its link list once.
 */
public final class CompactObjectLinks {
    /** No links: a Register without payload (1.2 with a profile ID, Core TS §6.2.1). */
    public static final CompactObjectLinks EMPTY =
            new CompactObjectLinks(new byte[0], new int[0], null, "/", List.of());

    private static final Interner<String, CompactObjectLinks> PAYLOADS = new Interner<>(16_384);
    private static final Interner<List<ContentFormat>, List<ContentFormat>> FORMATS = new Interner<>(1024);
    private static final Interner<String, String> PATHS = new Interner<>(1024);

    private final byte[] payload;
    private final int[] links;
    private final int[] versions;
    private final String alternatePath;
    private final List<ContentFormat> contentFormats;

    private CompactObjectLinks(byte[] payload, int[] links, int[] versions, String alternatePath,
            List<ContentFormat> contentFormats) {
        this.payload = payload;
        this.links = links;
        this.versions = versions;
        this.alternatePath = alternatePath;
        this.contentFormats = contentFormats;
    }

    /**
     * Reads a Register or Update payload; throws {@link io.wisp.core.SyntaxException} naming the position of a bad
     * link. The empty payload gives {@link #EMPTY}.
     */
    public static CompactObjectLinks parse(String payload) {
        if (payload.isBlank()) {
            return EMPTY;
        }
        return PAYLOADS.intern(payload, CompactObjectLinks::index);
    }

    private static CompactObjectLinks index(String payload) {
        ObjectLinks parsed = ObjectLinks.parse(payload);
        String prefix = parsed.alternatePath().equals("/") ? "" : parsed.alternatePath();
        int[] entries = new int[parsed.links().size()];
        int count = 0;
        for (Link link : parsed.links()) {
            String uri = link.uriReference();
            if (parsed.rootLink().map(root -> root == link).orElse(false)) {
                continue;
            }
            LwM2mPath path = LwM2mPath.parse(uri.substring(prefix.length()));
            int instance = path.isObjectInstance() ? path.instanceId() + 1 : 0;
            entries[count++] = path.objectId() << 16 | instance;
        }
        Map<Integer, Version> announced = parsed.versions();
        int[] versionEntries = null;
        if (!announced.isEmpty()) {
            versionEntries = new int[announced.size()];
            int k = 0;
            for (Map.Entry<Integer, Version> e : announced.entrySet()) {
                Version v = e.getValue();
                versionEntries[k++] = e.getKey() << 16 | Math.min(v.major(), 255) << 8 | Math.min(v.minor(), 255);
            }
        }
        return new CompactObjectLinks(payload.getBytes(StandardCharsets.UTF_8), Arrays.copyOf(entries, count),
                versionEntries, PATHS.intern(parsed.alternatePath(), p -> p),
                FORMATS.intern(parsed.contentFormats(), f -> f));
    }

    /**
     * These links, keeping the alternate path and content formats of {@code previous} when this payload has no root
     * link of its own: an Update that lists objects without {@code </>;rt="oma.lwm2m";ct=...} (the Leshan client
     * sends such Updates after a Create) has not withdrawn the formats announced at Register (Core TS §6.2.2).
     */
    public CompactObjectLinks withRootOf(CompactObjectLinks previous) {
        boolean ownRoot = !contentFormats.isEmpty() || !alternatePath.equals("/") || payload.length == 0;
        if (ownRoot || previous.contentFormats.isEmpty() && previous.alternatePath.equals("/")) {
            return this;
        }
        return new CompactObjectLinks(payload, links, versions, previous.alternatePath, previous.contentFormats);
    }

    /** The full view of the payload, every link with every attribute. */
    public ObjectLinks expand() {
        return payload.length == 0 ? ObjectLinks.parse("") : ObjectLinks.parse(payloadText());
    }

    /** The payload as the client sent it. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** Every object the client listed, by its own link or through an instance. */
    public SortedSet<Integer> objectIds() {
        SortedSet<Integer> ids = new TreeSet<>();
        for (int entry : links) {
            ids.add(entry >>> 16);
        }
        return Collections.unmodifiableSortedSet(ids);
    }

    /** The instances listed for an object; empty when it was listed without instances or not at all. */
    public SortedSet<Integer> instances(int objectId) {
        SortedSet<Integer> ids = new TreeSet<>();
        for (int entry : links) {
            if (entry >>> 16 == objectId && (entry & 0xFFFF) != 0) {
                ids.add((entry & 0xFFFF) - 1);
            }
        }
        return Collections.unmodifiableSortedSet(ids);
    }

    /** Whether the client listed the object (alone or with instances). */
    public boolean hasObject(int objectId) {
        for (int entry : links) {
            if (entry >>> 16 == objectId) {
                return true;
            }
        }
        return false;
    }

    /** The version announced with {@code ver} for an object; empty when none (it is then 1.0). */
    public Optional<Version> version(int objectId) {
        if (versions != null) {
            for (int entry : versions) {
                if (entry >>> 16 == objectId) {
                    return Optional.of(new Version(entry >>> 8 & 0xFF, entry & 0xFF));
                }
            }
        }
        return Optional.empty();
    }

    /** Where the client's objects live: {@code /} unless the root link names an alternate path. */
    public String alternatePath() {
        return alternatePath;
    }

    /** The content formats announced by the root link's {@code ct}, in order; empty when none. */
    public List<ContentFormat> contentFormats() {
        return contentFormats;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompactObjectLinks other && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return payloadText();
    }
}
