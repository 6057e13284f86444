package io.wisp.client.observe;

/**
 * Names an observation at the client: the observing server and the handle of its observe relation. The handle is
 * whatever number the transport glue chooses for the relation (a counter, or the CoAP token when it fits a long);
 * the registry only compares it. A new observation with the key of an existing one replaces it, as an Observe
 * re-sent with the same token refreshes the relation (RFC 7641 §4.1).
 *
 * @param shortServerId the observing server (1..65534)
 * @param token         the handle of the observe relation
 */
public record ObservationKey(int shortServerId, long token) {
    public ObservationKey {
        if (shortServerId < 1 || shortServerId > 65534) {
            throw new IllegalArgumentException("shortServerId must be in 1..65534, got " + shortServerId);
        }
    }
}
