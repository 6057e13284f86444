package io.wisp.server.send;

import io.wisp.core.codec.CodecException;
import io.wisp.core.codec.Codecs;
import io.wisp.core.codec.ContentFormat;
import io.wisp.core.codec.TimestampedNodes;
import io.wisp.core.model.ObjectModels;
import io.wisp.core.operation.InvalidRequestException;
import io.wisp.core.operation.SendRequest;
import io.wisp.core.path.LwM2mPath;
import io.wisp.server.registration.Registration;
import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.UplinkHandler;
import io.wisp.transport.UplinkRequest;
import io.wisp.transport.UplinkResponse;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Send on {@code /dp} (Core TS §6.4.5, Transport TS §6.4): a registered client posts values in SenML JSON, SenML
 * CBOR or LwM2M CBOR, decoded with their timestamps and handed to the {@link SendListener}s after the 2.04 Changed.
 *
 * <p>Refusals, each logged once at debug level and changing nothing: 4.04 when the sender has no registration (the
 * server knows the client by its address or DTLS identity only; Transport TS lists 4.04 for data of objects not
 * registered, and a sender without registration has registered none — Wisp's reading, the TS has no code of its own
 * for this case) or when the data names an object the client did not register; 4.15 for a content format other
 * than the three, or none; 4.00 for an empty or malformed payload; 4.05 for any method but POST.
 */
public final class SendHandler implements UplinkHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SendHandler.class);

    private final PeerIndexedStore registrations;
    private final SendListener listener;
    private final Codecs codecs;
    private final ObjectModels models;

    public SendHandler(PeerIndexedStore registrations, SendListener listener, Codecs codecs, ObjectModels models) {
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.codecs = Objects.requireNonNull(codecs, "codecs");
        this.models = Objects.requireNonNull(models, "models");
    }

    @Override
    public UplinkResponse handle(UplinkRequest request) {
        if (request.path().size() != 1) {
            return refuse(request, CoapCode.NOT_FOUND, "no such resource; Send posts to /dp");
        }
        if (request.method() != CoapMethod.POST) {
            return refuse(request, CoapCode.METHOD_NOT_ALLOWED, "Send is a POST");
        }
        Registration registration = registrations.byPeer(request.peer()).orElse(null);
        if (registration == null) {
            return refuse(request, CoapCode.NOT_FOUND, "no registration for " + request.peer());
        }
        ContentFormat format = request.contentFormat().isPresent()
                ? ContentFormat.of(request.contentFormat().getAsInt()) : null;
        if (format == null || !SendRequest.FORMATS.contains(format)) {
            return refuse(request, CoapCode.UNSUPPORTED_CONTENT_FORMAT,
                    "Send needs SenML JSON (110), SenML CBOR (112) or LwM2M CBOR (11544), got "
                            + (format == null ? "no Content-Format" : format));
        }
        if (request.payloadLength() == 0) {
            return refuse(request, CoapCode.BAD_REQUEST, "a Send carries at least one value");
        }
        SendRequest send;
        try {
            List<TimestampedNodes> data = codecs.decodeTimestamped(format, request.payload(), models);
            send = new SendRequest(format, data);
        } catch (CodecException e) {
            return refuse(request, e.isMalformed() ? CoapCode.BAD_REQUEST : CoapCode.UNSUPPORTED_CONTENT_FORMAT,
                    e.getMessage());
        } catch (InvalidRequestException e) {
            return refuse(request, CoapCode.BAD_REQUEST, e.getMessage());
        }
        for (LwM2mPath path : send.paths()) {
            if (path.isRoot() || !registration.objectLinks().hasObject(path.objectId())) {
                return refuse(request, CoapCode.NOT_FOUND, "object of " + path + " is not registered by "
                        + registration.endpoint());
            }
        }
        LOG.debug("Send from {}: {} paths in {} group(s)", registration.endpoint(), send.paths().size(),
                send.data().size());
        Registration sender = registration;
        return UplinkResponse.of(CoapCode.CHANGED).afterSent(() -> listener.dataReceived(sender, send));
    }

    private static UplinkResponse refuse(UplinkRequest request, CoapCode code, String reason) {
        LOG.debug("Refused {}: {} {}", request, code, reason);
        return UplinkResponse.error(code, reason);
    }
}
