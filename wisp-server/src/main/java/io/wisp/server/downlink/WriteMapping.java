package io.wisp.server.downlink;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.operation.ResponseStatus;
import io.wisp.core.operation.WriteRequest;
import io.wisp.core.operation.WriteResponse;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;

/** Write as PUT (replace) or POST (partial update) with a Content-Format (Transport TS §6.4). */
final class WriteMapping implements OperationMapping<WriteRequest, WriteResponse> {

    @Override
    public Class<WriteRequest> requestType() {
        return WriteRequest.class;
    }

    @Override
    public DownlinkRequest toCoap(WriteRequest request, DownlinkTarget target) {
        ContentFormat format = target.formatFor(request.node(), request.path(), request.format());
        byte[] payload = target.codecs().encode(format, request.node(), request.path(), target.models());
        CoapMethod method = request.mode() == WriteRequest.Mode.REPLACE ? CoapMethod.PUT : CoapMethod.POST;
        return DownlinkRequest.of(method, target.uriPath(request.path())).withPayload(format.code(), payload);
    }

    @Override
    public WriteResponse toResponse(WriteRequest request, DownlinkResponse response, ResponseStatus status,
            DownlinkTarget target) {
        return new WriteResponse(status);
    }
}
