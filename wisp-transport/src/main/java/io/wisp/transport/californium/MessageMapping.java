package io.wisp.transport.californium;

import io.wisp.transport.CoapCode;
import io.wisp.transport.CoapMethod;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;
import io.wisp.transport.Peer;
import io.wisp.transport.QueryParam;
import io.wisp.transport.UplinkRequest;
import io.wisp.transport.UplinkResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.EndpointContext;

/** Converts between Californium messages and the transport's own request and response views. */
final class MessageMapping {

    private MessageMapping() {
    }

    /** The view of a received request, or {@code null} for a method LwM2M does not use. */
    static UplinkRequest toUplink(String connector, Request request) {
        CoapMethod method = method(request.getCode());
        if (method == null) {
            return null;
        }
        OptionSet options = request.getOptions();
        List<String> queryOptions = options.getUriQuery();
        List<QueryParam> query = new ArrayList<>(queryOptions.size());
        for (String q : queryOptions) {
            query.add(QueryParam.parse(q));
        }
        int format = options.hasContentFormat() ? options.getContentFormat() : UplinkRequest.NO_FORMAT;
        return UplinkRequest.builder(peer(connector, request.getSourceContext()), method)
                .path(options.getUriPath())
                .query(query)
                .payload(format, request.getPayload())
                .accept(options.hasAccept() ? options.getAccept() : UplinkRequest.NO_FORMAT)
                .observe(options.hasObserve() ? options.getObserve() : UplinkRequest.NO_OBSERVE)
                .build();
    }

    static Peer peer(String connector, EndpointContext context) {
        Principal identity = context.getPeerIdentity();
        return new Peer(connector, context.getPeerAddress(), identity == null ? null : PeerIdentities.of(identity));
    }

    static Response toResponse(UplinkResponse answer) {
        Response response = new Response(ResponseCode.valueOf(answer.code().value()));
        byte[] payload = answer.payload();
        if (payload.length > 0) {
            response.setPayload(payload);
        }
        answer.contentFormat().ifPresent(response.getOptions()::setContentFormat);
        for (String segment : answer.locationPath()) {
            response.getOptions().addLocationPath(segment);
        }
        return response;
    }

    static Request toRequest(Peer peer, DownlinkRequest downlink) {
        Request request = new Request(code(downlink.method()), downlink.confirmable() ? Type.CON : Type.NON);
        request.setDestinationContext(
                new AddressEndpointContext(peer.address(), null, IdentityPrincipal.of(peer.identity())));
        OptionSet options = request.getOptions();
        for (String segment : downlink.path()) {
            options.addUriPath(segment);
        }
        for (QueryParam q : downlink.query()) {
            options.addUriQuery(q.toString());
        }
        downlink.contentFormat().ifPresent(options::setContentFormat);
        downlink.accept().ifPresent(options::setAccept);
        byte[] payload = downlink.payload();
        if (payload.length > 0) {
            request.setPayload(payload);
        }
        return request;
    }

    static DownlinkResponse toDownlinkResponse(Response response) {
        OptionSet options = response.getOptions();
        int format = options.hasContentFormat() ? options.getContentFormat() : UplinkRequest.NO_FORMAT;
        return DownlinkResponse.of(CoapCode.ofValue(response.getCode().value), format, response.getPayload(),
                options.getLocationPath());
    }

    private static CoapMethod method(Code code) {
        switch (code) {
            case GET:
                return CoapMethod.GET;
            case POST:
                return CoapMethod.POST;
            case PUT:
                return CoapMethod.PUT;
            case DELETE:
                return CoapMethod.DELETE;
            case FETCH:
                return CoapMethod.FETCH;
            case PATCH:
                return CoapMethod.PATCH;
            case IPATCH:
                return CoapMethod.IPATCH;
            default:
                return null;
        }
    }

    private static Code code(CoapMethod method) {
        switch (method) {
            case GET:
                return Code.GET;
            case POST:
                return Code.POST;
            case PUT:
                return Code.PUT;
            case DELETE:
                return Code.DELETE;
            case FETCH:
                return Code.FETCH;
            case PATCH:
                return Code.PATCH;
            case IPATCH:
                return Code.IPATCH;
            default:
                throw new IllegalArgumentException("unmapped method " + method);
        }
    }
}
