package io.wisp.server.downlink;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.operation.ReadRequest;
import io.wisp.core.operation.ReadResponse;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.ResponseStatus;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;

/** Read as GET with an explicit Accept (Transport TS §6.4; QUALITY.md: some clients need the Accept option). */
final class ReadMapping implements OperationMapping<ReadRequest, ReadResponse> {

    @Override
    public Class<ReadRequest> requestType() {
        return ReadRequest.class;
    }

    @Override
    public DownlinkRequest toCoap(ReadRequest request, DownlinkTarget target) {
        ContentFormat format = request.format() != null ? request.format() : target.defaultFormat();
        return DownlinkRequest.of(CoapMethod.GET, target.uriPath(request.path())).withAccept(format.code());
    }

    @Override
    public ReadResponse toResponse(ReadRequest request, DownlinkResponse response, ResponseStatus status,
            DownlinkTarget target) {
        if (!status.code().isSuccess()) {
            return new ReadResponse(status, null);
        }
        Answers.requireCode(status, ResponseCode.CONTENT, "Read");
        ContentFormat requested = request.format() != null ? request.format() : target.defaultFormat();
        ContentFormat format = Answers.formatOf(response, requested);
        return new ReadResponse(status,
                target.codecs().decode(format, response.payload(), request.path(), target.models()));
    }
}
