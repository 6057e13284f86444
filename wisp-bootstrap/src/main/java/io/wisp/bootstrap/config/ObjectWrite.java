package io.wisp.bootstrap.config;

import io.wisp.core.node.LwM2mNode;
import io.wisp.core.operation.BootstrapWriteRequest;
import io.wisp.core.operation.InvalidRequestException;
import io.wisp.core.path.LwM2mPath;
import java.util.Objects;

/**
 * A Bootstrap-Write beyond the accounts: any object, instance or resource the operator provisions (an OSCORE
 * instance, a Device resource, an application object). Written as given, after the accounts; checked only for a
 * path a Bootstrap-Write may target and a node that fits it. {@code toString} shows the path, never the value.
 *
 * @param path {@code /o}, {@code /o/i} or {@code /o/i/r}
 * @param node the value, addressed by {@code path}
 */
public record ObjectWrite(LwM2mPath path, LwM2mNode node) {
    public ObjectWrite {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(node, "node");
        try {
            new BootstrapWriteRequest(path, node, null);
        } catch (InvalidRequestException e) {
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            throw new InvalidConfigException(colon > 0 ? message.substring(0, colon) : "path",
                    colon > 0 ? message.substring(colon + 2) : message);
        }
    }

    public static ObjectWrite of(String path, LwM2mNode node) {
        return new ObjectWrite(LwM2mPath.parse(path), node);
    }

    /** The request that writes it. */
    public BootstrapWriteRequest toRequest() {
        return new BootstrapWriteRequest(path, node, null);
    }

    @Override
    public String toString() {
        return "ObjectWrite[" + path + ", " + node.getClass().getSimpleName() + "]";
    }
}
