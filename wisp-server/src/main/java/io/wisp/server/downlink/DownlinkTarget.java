package io.wisp.server.downlink;

import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.model.Version;
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
}
