package io.wisp.core.operation;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.path.LwM2mPath;
import java.util.Objects;
import java.util.Optional;

/**
 * Read (Core TS §6.3.1): the value of an object, object instance, resource or resource instance. The server always
 * sends an explicit Accept: {@code format} when given, otherwise the client's default format (see the server's
 * content-format choice).
 *
 * @param path   what to read; never the root
 * @param format the format to ask for, or {@code null} for the client's default
 */
public record ReadRequest(LwM2mPath path, ContentFormat format) implements LwM2mRequest<ReadResponse> {
    public ReadRequest {
        Objects.requireNonNull(path, "path");
        if (path.isRoot()) {
            throw new InvalidRequestException("path: Read cannot target the root path (Core TS §6.3.1)");
        }
        NodePaths.requireFormat("format", format, NodePaths.NODE_FORMATS, "Read");
    }

    /** A Read in the client's default format. */
    public static ReadRequest of(LwM2mPath path) {
        return new ReadRequest(path, null);
    }

    /** A Read of a path such as {@code "/3/0"} in the client's default format. */
    public static ReadRequest of(String path) {
        return new ReadRequest(LwM2mPath.parse(path), null);
    }

    /** A Read of a path such as {@code "/3/0"} in the given format. */
    public static ReadRequest of(String path, ContentFormat format) {
        return new ReadRequest(LwM2mPath.parse(path), Objects.requireNonNull(format, "format"));
    }

    /** The requested format, if one was chosen. */
    public Optional<ContentFormat> requestedFormat() {
        return Optional.ofNullable(format);
    }
}
