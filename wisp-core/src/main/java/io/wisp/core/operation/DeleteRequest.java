package io.wisp.core.operation;

import io.wisp.core.path.LwM2mPath;
import java.util.Objects;

/**
 * Delete (Core TS §6.3.7): remove an object instance, or (LwM2M 1.2) a resource instance of a multiple resource.
 * A CoAP DELETE (Transport TS §6.4). Deleting everything ({@code /}) is the Bootstrap Server's, and is refused here.
 *
 * @param path {@code /o/i} or {@code /o/i/r/ri}
 */
public record DeleteRequest(LwM2mPath path) implements LwM2mRequest<DeleteResponse> {
    public DeleteRequest {
        Objects.requireNonNull(path, "path");
        if (!path.isObjectInstance() && !path.isResourceInstance()) {
            throw new InvalidRequestException("path: Delete targets an object instance or a resource instance, not "
                    + path + " (Core TS §6.3.7)");
        }
    }

    public static DeleteRequest of(String path) {
        return new DeleteRequest(LwM2mPath.parse(path));
    }
}
