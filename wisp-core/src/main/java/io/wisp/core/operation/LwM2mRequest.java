package io.wisp.core.operation;

/**
 * A device-management or information-reporting operation a LwM2M Server sends to a client (Core TS §6.3, §6.4),
 * typed by the response it gets back. Implementations are immutable records named after the operation
 * ({@code ReadRequest}, {@code WriteRequest}...) that validate themselves at construction and know nothing of CoAP:
 * the server maps them onto CoAP messages in one place.
 *
 * @param <R> the response type of this operation
 */
public interface LwM2mRequest<R extends LwM2mResponse> {
}
