package io.wisp.core.operation;

import io.wisp.core.attributes.InvalidAttributesException;
import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.path.LwM2mPath;
import java.util.Objects;
import java.util.Optional;

/**
 * Observe (Core TS §6.4): the current value of an object, object instance, resource or resource instance, and a
 * notification each time it changes as the notification attributes allow. A GET with {@code Observe: 0}
 * (Transport TS §6). A LwM2M 1.2 client also takes notification attributes in the request itself, which then
 * apply to this observation only and take precedence over attributes attached with Write-Attributes (Core TS 1.2
 * §6.4; ETS int-312, int-313).
 *
 * @param path       what to observe; never the root
 * @param format     the format to ask for, or {@code null} for the client's default
 * @param attributes notification attributes to send with the request (LwM2M 1.2), or empty
 */
public record ObserveRequest(LwM2mPath path, ContentFormat format, NotificationAttributes attributes)
        implements LwM2mRequest<ObserveResponse> {
    public ObserveRequest {
        Objects.requireNonNull(path, "path");
        if (path.isRoot()) {
            throw new InvalidRequestException("path: Observe cannot target the root path (Core TS §6.4)");
        }
        NodePaths.requireFormat("format", format, NodePaths.NODE_FORMATS, "Observe");
        attributes = attributes == null ? NotificationAttributes.EMPTY : attributes;
        try {
            attributes.requireAttachableTo(path);
        } catch (InvalidAttributesException e) {
            throw new InvalidRequestException("attributes: " + e.getMessage(), e);
        }
    }

    /** Observe of a path such as {@code "/3/0/7"} in the client's default format, without attributes. */
    public static ObserveRequest of(String path) {
        return new ObserveRequest(LwM2mPath.parse(path), null, null);
    }

    /** Observe of a path in the given format, without attributes. */
    public static ObserveRequest of(String path, ContentFormat format) {
        return new ObserveRequest(LwM2mPath.parse(path), Objects.requireNonNull(format, "format"), null);
    }

    /** This request with attributes in the query form, e.g. {@code "pmin=5&pmax=15"} (LwM2M 1.2 clients only). */
    public ObserveRequest withAttributes(String query) {
        return new ObserveRequest(path, format, NotificationAttributes.parse(query));
    }

    /** The requested format, if one was chosen. */
    public Optional<ContentFormat> requestedFormat() {
        return Optional.ofNullable(format);
    }
}
