package io.wisp.transport;

/**
 * The CoAP request methods LwM2M uses (RFC 7252 §5.8, RFC 8132 for FETCH/PATCH/iPATCH); the Transport TS maps
 * every LwM2M operation onto one of them.
 */
public enum CoapMethod {
    GET,
    POST,
    PUT,
    DELETE,
    /** Read-Composite and Observe-Composite (Transport TS §6.4). */
    FETCH,
    PATCH,
    /** Write-Composite (Transport TS §6.4). */
    IPATCH
}
