package io.wisp.core.operation;

import io.wisp.core.attributes.InvalidAttributesException;
import io.wisp.core.attributes.NotificationAttributes;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.path.LwM2mPath;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Observe-Composite (Core TS §6.4): one observation of several paths, notified together. A FETCH with
 * {@code Observe: 0} whose payload lists the paths (Transport TS §6), sent only to clients that announced a
 * composite format. A LwM2M 1.2 client also takes notification attributes in the request (ETS int-312 for Observe;
 * the same query form here), each attachable at every path.
 *
 * @param paths          the paths to observe, at least one, no duplicates
 * @param requestFormat  the format of the path list, or {@code null} for the server's choice
 * @param responseFormat the format of the answer and the notifications, or {@code null} for the server's choice
 * @param attributes     notification attributes to send with the request (LwM2M 1.2), or empty
 */
public record ObserveCompositeRequest(List<LwM2mPath> paths, ContentFormat requestFormat,
        ContentFormat responseFormat, NotificationAttributes attributes)
        implements LwM2mRequest<ObserveCompositeResponse> {
    public ObserveCompositeRequest {
        paths = List.copyOf(Objects.requireNonNull(paths, "paths"));
        if (paths.isEmpty()) {
            throw new InvalidRequestException("paths: an Observe-Composite needs at least one path");
        }
        if (new HashSet<>(paths).size() != paths.size()) {
            throw new InvalidRequestException("paths: " + paths + " lists a path twice");
        }
        NodePaths.requireFormat("requestFormat", requestFormat, NodePaths.PATH_LIST_FORMATS, "Observe-Composite");
        NodePaths.requireFormat("responseFormat", responseFormat, NodePaths.COMPOSITE_FORMATS, "Observe-Composite");
        if (ContentFormat.SENML_ETCH_JSON.equals(responseFormat)
                || ContentFormat.SENML_ETCH_CBOR.equals(responseFormat)) {
            throw new InvalidRequestException("responseFormat: SenML-ETCH is a request format (RFC 8790), not "
                    + "the format of notifications");
        }
        attributes = attributes == null ? NotificationAttributes.EMPTY : attributes;
        for (LwM2mPath path : paths) {
            try {
                attributes.requireAttachableTo(path);
            } catch (InvalidAttributesException e) {
                throw new InvalidRequestException("attributes: " + e.getMessage(), e);
            }
        }
    }

    /** Observe-Composite of paths such as {@code "/3/0/9", "/1/0/1"} in the server's choice of formats. */
    public static ObserveCompositeRequest of(String... paths) {
        return new ObserveCompositeRequest(Arrays.stream(paths).map(LwM2mPath::parse).toList(), null, null, null);
    }

    /** Observe-Composite in one SenML format for both the path list and the notifications. */
    public static ObserveCompositeRequest of(ContentFormat format, String... paths) {
        return new ObserveCompositeRequest(Arrays.stream(paths).map(LwM2mPath::parse).toList(), format, format,
                null);
    }

    /** This request with attributes in the query form, e.g. {@code "pmax=5"} (LwM2M 1.2 clients only). */
    public ObserveCompositeRequest withAttributes(String query) {
        return new ObserveCompositeRequest(paths, requestFormat, responseFormat, NotificationAttributes.parse(query));
    }
}
