package io.wisp.server.downlink;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.operation.ResponseStatus;
import io.wisp.core.operation.WriteCompositeRequest;
import io.wisp.core.operation.WriteCompositeResponse;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;

/**
 * Write-Composite as an iPATCH to the client's root (Transport TS §6.4), only to a client that announced a composite
 * format; unless the caller chose, in the first announced of SenML CBOR, SenML JSON, LwM2M CBOR.
 */
final class WriteCompositeMapping implements OperationMapping<WriteCompositeRequest, WriteCompositeResponse> {

    @Override
    public Class<WriteCompositeRequest> requestType() {
        return WriteCompositeRequest.class;
    }

    @Override
    public DownlinkRequest toCoap(WriteCompositeRequest request, DownlinkTarget target) {
        ContentFormat announced = target.requireCompositeFormats("Write-Composite").get(0);
        ContentFormat format = request.format() != null ? request.format() : announced;
        byte[] payload = target.codecs().encodeNodes(format, request.nodes(), target.models());
        return DownlinkRequest.of(CoapMethod.IPATCH, target.uriPath(LwM2mPath.ROOT))
                .withPayload(format.code(), payload);
    }

    @Override
    public WriteCompositeResponse toResponse(WriteCompositeRequest request, DownlinkResponse response,
            ResponseStatus status, DownlinkTarget target) {
        return new WriteCompositeResponse(status);
    }
}
