package io.wisp.server.downlink;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.model.Version;
import io.wisp.core.node.LwM2mNode;
import io.wisp.core.operation.ObserveCompositeRequest;
import io.wisp.core.operation.ObserveCompositeResponse;
import io.wisp.core.operation.ResponseCode;
import io.wisp.core.operation.ResponseStatus;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.QueryParam;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Observe-Composite as a FETCH to the client's root listing the paths (Transport TS §6), with the formats chosen as
 * for Read-Composite: the answer (and every notification) in the request's format, else the first announced of SenML
 * CBOR, SenML JSON, LwM2M CBOR; the path list in SenML-ETCH when a 1.2 client announced it, else in the SenML format
 * of the answer. Used by the observation service; its responses carry no observation yet.
 */
public final class ObserveCompositeMapping
        implements OperationMapping<ObserveCompositeRequest, ObserveCompositeResponse> {

    @Override
    public Class<ObserveCompositeRequest> requestType() {
        return ObserveCompositeRequest.class;
    }

    @Override
    public DownlinkRequest toCoap(ObserveCompositeRequest request, DownlinkTarget target) {
        ContentFormat answer = format(request, target);
        ContentFormat body = PathListFormat.choose(request.requestFormat(), target, answer);
        DownlinkRequest fetch = DownlinkRequest.of(CoapMethod.FETCH, target.uriPath(LwM2mPath.ROOT))
                .withPayload(body.code(), target.codecs().encodePaths(body, request.paths()))
                .withAccept(answer.code());
        if (request.attributes().isEmpty()) {
            return fetch;
        }
        target.requireVersion(Version.V1_2, "Notification attributes in an Observe-Composite request");
        return fetch.withQuery(request.attributes().queryParts().stream().map(QueryParam::parse).toList());
    }

    /** The format of the answer and the notifications. */
    public static ContentFormat format(ObserveCompositeRequest request, DownlinkTarget target) {
        List<ContentFormat> composite = target.requireCompositeFormats("Observe-Composite");
        return request.responseFormat() != null ? request.responseFormat() : composite.get(0);
    }

    @Override
    public ObserveCompositeResponse toResponse(ObserveCompositeRequest request, DownlinkResponse response,
            ResponseStatus status, DownlinkTarget target) {
        if (!status.code().isSuccess()) {
            return new ObserveCompositeResponse(status, new TreeMap<>(), null);
        }
        Answers.requireCode(status, ResponseCode.CONTENT, "Observe-Composite");
        ContentFormat format = Answers.formatOf(response, format(request, target));
        return new ObserveCompositeResponse(status, content(request.paths(), format, response.payload(), target),
                null);
    }

    /**
     * The content of an answer or a notification in {@code format}, regrouped by the observed paths (an observed
     * {@code /3/0} gives an object instance); a path the client does not have is left out.
     */
    public static SortedMap<LwM2mPath, LwM2mNode> content(List<LwM2mPath> paths, ContentFormat format,
            byte[] payload, DownlinkTarget target) {
        return CompositeContent.byRequestedPath(format, paths,
                target.codecs().decodeNodes(format, payload, target.models()), target.models());
    }
}
