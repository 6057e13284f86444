package io.wisp.core.operation;

import io.wisp.core.execute.ExecuteArguments;
import io.wisp.core.path.LwM2mPath;
import java.util.Objects;

/**
 * Execute (Core TS §6.3.5): start the action of an executable resource, such as Reboot {@code /3/0/4} or
 * Registration Update Trigger {@code /1/x/8}. A POST whose text/plain payload holds the arguments, empty when there
 * are none (Transport TS §6.4).
 *
 * @param path      the executable resource; always {@code /o/i/r}
 * @param arguments the arguments, {@link ExecuteArguments#EMPTY} for none
 */
public record ExecuteRequest(LwM2mPath path, ExecuteArguments arguments) implements LwM2mRequest<ExecuteResponse> {
    public ExecuteRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(arguments, "arguments");
        if (!path.isResource()) {
            throw new InvalidRequestException("path: Execute targets a resource /o/i/r, not " + path
                    + " (Core TS §6.3.5)");
        }
    }

    /** Execute without arguments. */
    public static ExecuteRequest of(String path) {
        return new ExecuteRequest(LwM2mPath.parse(path), ExecuteArguments.EMPTY);
    }

    /** Execute with arguments written as in the payload, e.g. {@code "0,1='2'"}. */
    public static ExecuteRequest of(String path, String arguments) {
        return new ExecuteRequest(LwM2mPath.parse(path), ExecuteArguments.parse(arguments));
    }
}
