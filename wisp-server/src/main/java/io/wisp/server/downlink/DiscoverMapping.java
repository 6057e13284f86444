package io.wisp.server.downlink;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.link.DiscoverLink;
import io.wisp.core.link.Link;
import io.wisp.core.link.LinkFormat;
import io.wisp.core.model.Version;
import io.wisp.core.operation.DiscoverRequest;
import io.wisp.core.operation.DiscoverResponse;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.ResponseStatus;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.QueryParam;
import java.util.ArrayList;
import java.util.List;

/**
 * Discover as a GET with Accept application/link-format, plus {@code depth} in the Uri-Query for LwM2M 1.2
 * (Transport TS §6.4). The links are read with the client's alternate path taken off.
 */
final class DiscoverMapping implements OperationMapping<DiscoverRequest, DiscoverResponse> {

    @Override
    public Class<DiscoverRequest> requestType() {
        return DiscoverRequest.class;
    }

    @Override
    public DownlinkRequest toCoap(DiscoverRequest request, DownlinkTarget target) {
        DownlinkRequest coap = DownlinkRequest.of(CoapMethod.GET, target.uriPath(request.path()))
                .withAccept(ContentFormat.LINK.code());
        if (request.depth() == null) {
            return coap;
        }
        target.requireVersion(Version.V1_2, "Discover with depth");
        return coap.withQuery(List.of(QueryParam.of("depth", request.depth().toString())));
    }

    @Override
    public DiscoverResponse toResponse(DiscoverRequest request, DownlinkResponse response, ResponseStatus status,
            DownlinkTarget target) {
        if (!status.code().isSuccess()) {
            return new DiscoverResponse(status, List.of());
        }
        Answers.requireCode(status, ResponseCode.CONTENT, "Discover");
        List<DiscoverLink> links = new ArrayList<>();
        for (Link link : LinkFormat.parse(response.payloadAsString())) {
            links.add(new DiscoverLink(target.lwm2mPath(link.uriReference()), link));
        }
        return new DiscoverResponse(status, links);
    }
}
