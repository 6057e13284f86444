package io.wisp.server.downlink;

import io.wisp.core.codec.ContentFormat;
import io.wisp.core.node.LwM2mObject;
import io.wisp.core.operation.CreateRequest;
import io.wisp.core.operation.CreateResponse;
import io.wisp.core.operation.OperationException;
import io.wisp.core.operation.ResponseStatus;
import io.wisp.core.path.LwM2mPath;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;

/**
 * Create as a POST to {@code /o} whose payload is the object holding the one new instance (Transport TS §6.4): with
 * its ID when the server chose it, as bare resources when the client is to choose. The new instance's path is the
 * Location-Path of the client's 2.01, or the ID the server chose.
 */
final class CreateMapping implements OperationMapping<CreateRequest, CreateResponse> {

    @Override
    public Class<CreateRequest> requestType() {
        return CreateRequest.class;
    }

    @Override
    public DownlinkRequest toCoap(CreateRequest request, DownlinkTarget target) {
        LwM2mPath path = request.objectPath();
        LwM2mObject object = LwM2mObject.of(request.objectId(), request.instance());
        ContentFormat format = target.formatFor(object, path, request.format());
        byte[] payload = target.codecs().encode(format, object, path, target.models());
        return DownlinkRequest.of(CoapMethod.POST, target.uriPath(path)).withPayload(format.code(), payload);
    }

    @Override
    public CreateResponse toResponse(CreateRequest request, DownlinkResponse response, ResponseStatus status,
            DownlinkTarget target) {
        if (!status.code().isSuccess()) {
            return new CreateResponse(status, null);
        }
        LwM2mPath chosen = request.clientChoosesId() ? null
                : LwM2mPath.of(request.objectId(), request.instance().id());
        if (response.locationPath().isEmpty()) {
            return new CreateResponse(status, chosen);
        }
        LwM2mPath location = target.lwm2mPath(response.locationPath());
        if (!location.isObjectInstance() || location.objectId() != request.objectId()
                || chosen != null && !chosen.equals(location)) {
            throw new OperationException(OperationException.Reason.INVALID_RESPONSE, "Create of an instance of /"
                    + request.objectId() + (chosen == null ? "" : " as " + chosen) + " answered with Location "
                    + location);
        }
        return new CreateResponse(status, location);
    }
}
