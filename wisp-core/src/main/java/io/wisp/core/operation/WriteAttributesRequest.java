package io.wisp.core.operation;

import io.wisp.core.attributes.AttributeUpdate;
import io.wisp.core.attributes.InvalidAttributesException;
import io.wisp.core.path.LwM2mPath;
import java.util.Objects;

/**
 * Write-Attributes (Core TS §6.3.4): set or clear notification attributes ({@code pmin}, {@code gt}...) on an object,
 * object instance, resource or resource instance. Travels as a PUT whose Uri-Query holds the attributes and which
 * has no payload (Transport TS §6.4).
 *
 * @param path       where the attributes attach; never the root
 * @param attributes the changes, at least one, each attachable at {@code path} (§7.3)
 */
public record WriteAttributesRequest(LwM2mPath path, AttributeUpdate attributes)
        implements LwM2mRequest<WriteAttributesResponse> {
    public WriteAttributesRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(attributes, "attributes");
        if (path.isRoot()) {
            throw new InvalidRequestException("path: attributes cannot be attached to the root path (Core TS §7.3)");
        }
        if (attributes.isEmpty()) {
            throw new InvalidRequestException("attributes: a Write-Attributes needs at least one attribute");
        }
        try {
            attributes.requireAttachableTo(path);
        } catch (InvalidAttributesException e) {
            throw new InvalidRequestException("attributes: " + e.getMessage(), e);
        }
    }

    /** Write-Attributes from a query such as {@code "pmin=10&pmax=60"}. */
    public static WriteAttributesRequest of(String path, String query) {
        return new WriteAttributesRequest(LwM2mPath.parse(path), AttributeUpdate.parse(query));
    }
}
