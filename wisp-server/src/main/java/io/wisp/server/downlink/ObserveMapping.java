package io.wisp.server.downlink;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.core.operation.ObserveRequest;
import io.wisp.core.operation.ObserveResponse;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.ResponseStatus;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.QueryParam;

/**
 * Observe as a GET with an explicit Accept, like Read, and the notification attributes of a LwM2M 1.2 request in the
 * Uri-Query (Transport TS §6). The Observe option and the token are the transport's business: this mapping is used
 * by the observation service, not by the plain send pipeline, and its responses carry no observation yet.
 */
public final class ObserveMapping implements OperationMapping<ObserveRequest, ObserveResponse> {

    @Override
    public Class<ObserveRequest> requestType() {
        return ObserveRequest.class;
    }

    @Override
    public DownlinkRequest toCoap(ObserveRequest request, DownlinkTarget target) {
        DownlinkRequest get = DownlinkRequest.of(CoapMethod.GET, target.uriPath(request.path()))
                .withAccept(format(request, target).code());
        if (request.attributes().isEmpty()) {
            return get;
        }
        target.requireVersion(Version.V1_2, "Notification attributes in an Observe request");
        return get.withQuery(request.attributes().queryParts().stream().map(QueryParam::parse).toList());
    }

    /** The format asked for: the request's, else the client's default. */
    public static ContentFormat format(ObserveRequest request, DownlinkTarget target) {
        return request.format() != null ? request.format() : target.defaultFormat();
    }

    @Override
    public ObserveResponse toResponse(ObserveRequest request, DownlinkResponse response, ResponseStatus status,
            DownlinkTarget target) {
        if (!status.code().isSuccess()) {
            return new ObserveResponse(status, null, null);
        }
        Answers.requireCode(status, ResponseCode.CONTENT, "Observe");
        ContentFormat format = Answers.formatOf(response, format(request, target));
        return new ObserveResponse(status,
                target.codecs().decode(format, response.payload(), request.path(), target.models()), null);
    }
}
