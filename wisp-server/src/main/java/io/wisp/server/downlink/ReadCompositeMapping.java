package io.wisp.server.downlink;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.operation.ReadCompositeRequest;
import io.wisp.core.operation.ReadCompositeResponse;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.ResponseStatus;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import java.util.List;
import java.util.TreeMap;

/**
 * Read-Composite as a FETCH to the client's root whose payload lists the paths (Transport TS §6.4). Sent only to a
 * client that announced a composite format. Unless the caller chose, the answer is asked for in the first announced
 * of SenML CBOR, SenML JSON, LwM2M CBOR; the path list goes in SenML-ETCH when a 1.2 client announced it, else in the
 * SenML format of the answer (SenML CBOR when the answer is LwM2M CBOR).
 */
final class ReadCompositeMapping implements OperationMapping<ReadCompositeRequest, ReadCompositeResponse> {

    @Override
    public Class<ReadCompositeRequest> requestType() {
        return ReadCompositeRequest.class;
    }

    @Override
    public DownlinkRequest toCoap(ReadCompositeRequest request, DownlinkTarget target) {
        List<ContentFormat> composite = target.requireCompositeFormats("Read-Composite");
        ContentFormat answer = responseFormat(request, composite);
        ContentFormat body = PathListFormat.choose(request.requestFormat(), target, answer);
        byte[] payload = target.codecs().encodePaths(body, request.paths());
        return DownlinkRequest.of(CoapMethod.FETCH, target.uriPath(io.wisp.core.path.LwM2mPath.ROOT))
                .withPayload(body.code(), payload).withAccept(answer.code());
    }

    private static ContentFormat responseFormat(ReadCompositeRequest request, List<ContentFormat> composite) {
        return request.responseFormat() != null ? request.responseFormat() : composite.get(0);
    }

    @Override
    public ReadCompositeResponse toResponse(ReadCompositeRequest request, DownlinkResponse response,
            ResponseStatus status, DownlinkTarget target) {
        if (!status.code().isSuccess()) {
            return new ReadCompositeResponse(status, new TreeMap<>());
        }
        Answers.requireCode(status, ResponseCode.CONTENT, "Read-Composite");
        ContentFormat format = Answers.formatOf(response,
                responseFormat(request, target.requireCompositeFormats("Read-Composite")));
        return new ReadCompositeResponse(status, CompositeContent.byRequestedPath(format, request.paths(),
                target.codecs().decodeNodes(format, response.payload(), target.models()), target.models()));
    }
}
