package io.wisp.server.downlink;

import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.Version;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.operation.InvalidRequestException;
import io.wisp.core.operation.OperationException;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.registration.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The client an operation goes to, as an {@link OperationMapping} needs it: where its objects live (the alternate
 * path of its Register links, Core TS §6.2.1), which formats it announced, its default format, and the models and
 * codecs to encode and decode with.
 */
public final class DownlinkTarget {
    private static final List<ContentFormat> COMPOSITE =
            List.of(ContentFormat.SENML_CBOR, ContentFormat.SENML_JSON, ContentFormat.LWM2M_CBOR);

    private final Registration registration;
    private final ObjectModels models;
    private final Codecs codecs;
    private final List<String> rootSegments;

    public DownlinkTarget(Registration registration, ObjectModels models, Codecs codecs) {
        this.registration = Objects.requireNonNull(registration, "registration");
        this.models = Objects.requireNonNull(models, "models");
        this.codecs = Objects.requireNonNull(codecs, "codecs");
        List<String> segments = new ArrayList<>();
        for (String s : registration.objectLinks().alternatePath().split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        this.rootSegments = List.copyOf(segments);
    }

    public Registration registration() {
        return registration;
    }

    public ObjectModels models() {
        return models;
    }

    public Codecs codecs() {
        return codecs;
    }

    public Version lwm2mVersion() {
        return registration.lwm2mVersion();
    }

    /** The Uri-Path segments of a LwM2M path on this client: its alternate path, then the IDs. */
    public List<String> uriPath(LwM2mPath path) {
        List<String> out = new ArrayList<>(rootSegments.size() + path.depth());
        out.addAll(rootSegments);
        for (int k = 0; k < path.depth(); k++) {
            out.add(Integer.toString(path.id(k)));
        }
        return out;
    }

    /** The formats the client announced with {@code ct} (Core TS §6.2.1); empty when it announced none. */
    public List<ContentFormat> announcedFormats() {
        return registration.objectLinks().contentFormats();
    }

    /** Whether the client announced this format. */
    public boolean announced(ContentFormat format) {
        return announcedFormats().contains(format);
    }

    /** The format to use when the caller chose none ({@link ContentFormatChoice}). */
    public ContentFormat defaultFormat() {
        return ContentFormatChoice.defaultFormat(lwm2mVersion(), announcedFormats());
    }

    /**
     * The format to write {@code node} at {@code path} in: {@code requested} when given, else the default format when
     * it can carry the node, else the first format that can and that the client announced (any that can when it
     * announced none). Throws {@link InvalidRequestException} when no format can carry the node.
     */
    public ContentFormat formatFor(LwM2mNode node, LwM2mPath path, ContentFormat requested) {
        if (requested != null) {
            return requested;
        }
        List<ContentFormat> possible = codecs.formatsFor(node, path);
        ContentFormat preferred = defaultFormat();
        if (possible.contains(preferred)) {
            return preferred;
        }
        for (ContentFormat f : possible) {
            if (announcedFormats().isEmpty() || announced(f)) {
                return f;
            }
        }
        throw new InvalidRequestException("node: no format " + (announcedFormats().isEmpty() ? "" : "announced by "
                + registration.endpoint() + " ") + "can carry this node at " + path + "; formats that can: "
                + possible);
    }

    /**
     * The composite formats the client announced (SenML CBOR, SenML JSON, LwM2M CBOR, in that order); throws
     * {@link OperationException} {@code UNSUPPORTED_BY_CLIENT} when there are none or the client is LwM2M 1.0:
     * composite operations go only to clients that announced one (Core TS §6.3.8; QUALITY.md).
     */
    public List<ContentFormat> requireCompositeFormats(String operation) {
        List<ContentFormat> out = new ArrayList<>();
        for (ContentFormat f : COMPOSITE) {
            if (announced(f)) {
                out.add(f);
            }
        }
        if (out.isEmpty() || !lwm2mVersion().isAtLeast(Version.V1_1)) {
            throw new OperationException(OperationException.Reason.UNSUPPORTED_BY_CLIENT, operation + " not sent: "
                    + registration.endpoint() + " (LwM2M " + lwm2mVersion() + ") announced no composite format "
                    + "(SenML JSON/CBOR or LwM2M CBOR); announced: " + announcedFormats());
        }
        return out;
    }

    /** Throws {@link OperationException} {@code UNSUPPORTED_BY_CLIENT} unless the client is at least {@code v}. */
    public void requireVersion(Version v, String feature) {
        if (!lwm2mVersion().isAtLeast(v)) {
            throw new OperationException(OperationException.Reason.UNSUPPORTED_BY_CLIENT, feature + " needs LwM2M "
                    + v + "; " + registration.endpoint() + " registered with " + lwm2mVersion());
        }
    }

    /**
     * The LwM2M path of a URI the client sent (a Discover link, a Location-Path), its alternate path taken off;
     * throws {@link IllegalArgumentException} when it does not name a LwM2M path under that root.
     */
    public LwM2mPath lwm2mPath(List<String> segments) {
        List<String> rest = segments;
        if (!rootSegments.isEmpty() && segments.size() >= rootSegments.size()
                && segments.subList(0, rootSegments.size()).equals(rootSegments)) {
            rest = segments.subList(rootSegments.size(), segments.size());
        }
        return LwM2mPath.parse("/" + String.join("/", rest));
    }

    /** As {@link #lwm2mPath(List)} for a URI reference such as {@code /lwm2m/3/0}. */
    public LwM2mPath lwm2mPath(String uriReference) {
        List<String> segments = new ArrayList<>();
        for (String s : uriReference.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        return lwm2mPath(segments);
    }
}
