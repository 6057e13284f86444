package io.wisp.server.downlink;

import io.wisp.core.operation.ResponseStatus;
import io.wisp.core.operation.WriteAttributesRequest;
import io.wisp.core.operation.WriteAttributesResponse;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.QueryParam;

/** Write-Attributes as a PUT with the attributes in the Uri-Query and no payload (Transport TS §6.4). */
final class WriteAttributesMapping implements OperationMapping<WriteAttributesRequest, WriteAttributesResponse> {

    @Override
    public Class<WriteAttributesRequest> requestType() {
        return WriteAttributesRequest.class;
    }

    @Override
    public DownlinkRequest toCoap(WriteAttributesRequest request, DownlinkTarget target) {
        return DownlinkRequest.of(CoapMethod.PUT, target.uriPath(request.path()))
                .withQuery(request.attributes().queryParts().stream().map(QueryParam::parse).toList());
    }

    @Override
    public WriteAttributesResponse toResponse(WriteAttributesRequest request, DownlinkResponse response,
            ResponseStatus status, DownlinkTarget target) {
        return new WriteAttributesResponse(status);
    }
}
