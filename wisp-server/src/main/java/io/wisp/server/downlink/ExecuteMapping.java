package io.wisp.server.downlink;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.operation.ExecuteRequest;
import io.wisp.core.operation.ExecuteResponse;
import io.wisp.core.operation.ResponseStatus;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import java.nio.charset.StandardCharsets;

/** Execute as a POST with the arguments as a text/plain payload, none when there are none (Transport TS §6.4). */
final class ExecuteMapping implements OperationMapping<ExecuteRequest, ExecuteResponse> {

    @Override
    public Class<ExecuteRequest> requestType() {
        return ExecuteRequest.class;
    }

    @Override
    public DownlinkRequest toCoap(ExecuteRequest request, DownlinkTarget target) {
        DownlinkRequest coap = DownlinkRequest.of(CoapMethod.POST, target.uriPath(request.path()));
        if (request.arguments().isEmpty()) {
            return coap;
        }
        return coap.withPayload(ContentFormat.TEXT.code(),
                request.arguments().toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ExecuteResponse toResponse(ExecuteRequest request, DownlinkResponse response, ResponseStatus status,
            DownlinkTarget target) {
        return new ExecuteResponse(status);
    }
}
