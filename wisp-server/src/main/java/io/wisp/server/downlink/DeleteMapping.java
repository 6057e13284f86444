package io.wisp.server.downlink;

import io.wisp.core.model.Version;
import io.wisp.core.operation.DeleteRequest;
import io.wisp.core.operation.DeleteResponse;
import io.wisp.core.operation.ResponseStatus;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;

/** Delete as a CoAP DELETE (Transport TS §6.4); a resource instance only to LwM2M 1.2 clients (Core TS §6.3.7). */
final class DeleteMapping implements OperationMapping<DeleteRequest, DeleteResponse> {

    @Override
    public Class<DeleteRequest> requestType() {
        return DeleteRequest.class;
    }

    @Override
    public DownlinkRequest toCoap(DeleteRequest request, DownlinkTarget target) {
        if (request.path().isResourceInstance()) {
            target.requireVersion(Version.V1_2, "Delete of a resource instance");
        }
        return DownlinkRequest.of(CoapMethod.DELETE, target.uriPath(request.path()));
    }

    @Override
    public DeleteResponse toResponse(DeleteRequest request, DownlinkResponse response, ResponseStatus status,
            DownlinkTarget target) {
        return new DeleteResponse(status);
    }
}
