package io.wisp.bootstrap.session;

import io.wisp.core.operation.BootstrapDownlinkRequest;
import io.wisp.core.operation.LwM2mResponse;
import io.wisp.core.operation.ResponseCode;
import java.time.Duration;
import java.util.Objects;

/**
 * One request of a session and the client's answer: a Bootstrap-Discover and the links it listed, a Bootstrap-Write
 * and its 2.04, a Bootstrap-Finish and its 4.06...
 *
 * @param request  what was sent
 * @param response what the client answered (any code)
 * @param elapsed  how long the answer took
 */
public record BootstrapStep(BootstrapDownlinkRequest<?> request, LwM2mResponse response, Duration elapsed) {
    public BootstrapStep {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public ResponseCode code() {
        return response.code();
    }

    @Override
    public String toString() {
        return request + " -> " + response.code() + response.errorMessage().map(m -> " \"" + m + "\"").orElse("")
                + " in " + elapsed.toMillis() + " ms";
    }
}
