package io.wisp.core.operation;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.path.LwM2mPath;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Read-Composite (Core TS §6.3.8): the values at several paths in one exchange. A FETCH whose payload lists the paths
 * in SenML (or SenML-ETCH) JSON/CBOR and whose Accept names the format of the answer (Transport TS §6.4). The server
 * sends it only to clients that announced a composite format: some clients acknowledge a FETCH and never answer.
 *
 * @param paths          the paths to read, at least one, no duplicates; the root reads everything readable
 * @param requestFormat  the format of the path list, or {@code null} for the server's choice
 * @param responseFormat the format to ask for, or {@code null} for the server's choice
 */
public record ReadCompositeRequest(List<LwM2mPath> paths, ContentFormat requestFormat, ContentFormat responseFormat)
        implements LwM2mRequest<ReadCompositeResponse> {
    public ReadCompositeRequest {
        paths = List.copyOf(Objects.requireNonNull(paths, "paths"));
        if (paths.isEmpty()) {
            throw new InvalidRequestException("paths: a Read-Composite needs at least one path");
        }
        if (new HashSet<>(paths).size() != paths.size()) {
            throw new InvalidRequestException("paths: " + paths + " lists a path twice");
        }
        NodePaths.requireFormat("requestFormat", requestFormat, NodePaths.PATH_LIST_FORMATS, "Read-Composite");
        NodePaths.requireFormat("responseFormat", responseFormat, NodePaths.COMPOSITE_FORMATS, "Read-Composite");
        if (responseFormat != null && (responseFormat.equals(ContentFormat.SENML_ETCH_JSON)
                || responseFormat.equals(ContentFormat.SENML_ETCH_CBOR))) {
            throw new InvalidRequestException("responseFormat: SenML-ETCH is a request format (RFC 8790), not "
                    + "the format of a Read-Composite answer");
        }
    }

    /** Read-Composite of paths such as {@code "/3/0/0", "/1/0"} in the server's choice of formats. */
    public static ReadCompositeRequest of(String... paths) {
        return new ReadCompositeRequest(java.util.Arrays.stream(paths).map(LwM2mPath::parse).toList(), null, null);
    }

    /** Read-Composite in one SenML format for both the path list and the answer. */
    public static ReadCompositeRequest of(ContentFormat format, String... paths) {
        return new ReadCompositeRequest(java.util.Arrays.stream(paths).map(LwM2mPath::parse).toList(), format,
                format);
    }
}
