package io.wisp.core.operation;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.node.LwM2mResource;
import io.wisp.core.node.ObjectInstance;
import io.wisp.core.node.ResourceInstance;
import io.wisp.core.path.LwM2mPath;
import java.util.Set;

/** Checks the request records share: a node that fits its path, a format that fits the operation. */
final class NodePaths {
    /** Formats that carry a single node (Read, Write, Create). */
    static final Set<ContentFormat> NODE_FORMATS = Set.of(ContentFormat.TEXT, ContentFormat.OPAQUE,
            ContentFormat.CBOR, ContentFormat.SENML_JSON, ContentFormat.SENML_CBOR, ContentFormat.TLV,
            ContentFormat.JSON, ContentFormat.LWM2M_CBOR, ContentFormat.TLV_LEGACY, ContentFormat.JSON_LEGACY);
    /** Formats that carry nodes at several paths (Read-Composite responses, Write-Composite). */
    static final Set<ContentFormat> COMPOSITE_FORMATS = Set.of(ContentFormat.SENML_JSON, ContentFormat.SENML_CBOR,
            ContentFormat.SENML_ETCH_JSON, ContentFormat.SENML_ETCH_CBOR, ContentFormat.LWM2M_CBOR);
    /** Formats that carry a list of paths (the FETCH body of Read-Composite). */
    static final Set<ContentFormat> PATH_LIST_FORMATS = Set.of(ContentFormat.SENML_JSON, ContentFormat.SENML_CBOR,
            ContentFormat.SENML_ETCH_JSON, ContentFormat.SENML_ETCH_CBOR);

    private NodePaths() {
    }

    /**
     * Throws unless {@code node} is what {@code path} addresses: an instance at {@code /o/i} with ID {@code i}, a
     * resource at {@code /o/i/r} with ID {@code r}, a resource instance at {@code /o/i/r/ri}, an object at {@code /o}.
     */
    static void requireFits(String field, LwM2mPath path, LwM2mNode node) {
        String expected;
        boolean kind;
        switch (path.depth()) {
            case 1:
                expected = "an object";
                kind = node instanceof LwM2mObject;
                break;
            case 2:
                expected = "an object instance";
                kind = node instanceof ObjectInstance;
                break;
            case 3:
                expected = "a resource";
                kind = node instanceof LwM2mResource;
                break;
            case 4:
                expected = "a resource instance";
                kind = node instanceof ResourceInstance;
                break;
            default:
                throw new InvalidRequestException(field + ": no node can sit at the root path");
        }
        if (!kind) {
            throw new InvalidRequestException(field + ": " + path + " needs " + expected + ", got "
                    + node.getClass().getSimpleName());
        }
        int last = path.id(path.depth() - 1);
        if (node.id() != last) {
            throw new InvalidRequestException(field + ": " + path + " addresses ID " + last + ", the node has ID "
                    + node.id());
        }
    }

    /** Throws unless {@code format} is null or one of {@code allowed}. */
    static void requireFormat(String field, ContentFormat format, Set<ContentFormat> allowed, String operation) {
        if (format != null && !allowed.contains(format)) {
            throw new InvalidRequestException(field + ": " + operation + " cannot use " + format);
        }
    }
}
