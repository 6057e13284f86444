package io.wisp.server.downlink;

import io.wisp.core.operation.LwM2mRequest;
import io.wisp.core.operation.LwM2mResponse;
import io.wisp.core.operation.ResponseStatus;
import io.wisp.transport.DownlinkRequest;
import io.wisp.transport.DownlinkResponse;

/**
 * How one operation travels over CoAP (Transport TS §6.4): the request as a CoAP message, and the client's CoAP
 * answer as the typed response. One implementation per operation, registered in {@link OperationMappings}.
 *
 * @param <Q> the request type
 * @param <R> its response type
 */
public interface OperationMapping<Q extends LwM2mRequest<R>, R extends LwM2mResponse> {

    /** The request class this mapping serves. */
    Class<Q> requestType();

    /**
     * The CoAP request for {@code request} to {@code target}. Throws
     * {@link io.wisp.core.operation.OperationException} ({@code UNSUPPORTED_BY_CLIENT}) when the client cannot
     * take it, or {@link io.wisp.core.codec.CodecException} when the content cannot be encoded in the chosen format.
     */
    DownlinkRequest toCoap(Q request, DownlinkTarget target);

    /**
     * The typed response to {@code request} from the client's CoAP answer; {@code status} already holds the code,
     * the error message and (when asked for) the raw payload. Throws {@link io.wisp.core.codec.CodecException}
     * when the payload does not decode.
     */
    R toResponse(Q request, DownlinkResponse response, ResponseStatus status, DownlinkTarget target);
}
