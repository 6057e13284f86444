package io.wisp.transport;

/**
 * Answers the requests that arrive under one path prefix ({@code rd} for the Registration interface, {@code dp} for
 * Send, {@code bs} for Bootstrap-Request; Transport TS §6), or, as the default route, every request no prefix claims
 * (a client's objects). Called on the transport's protocol threads, so it must not block; it must not throw either —
 * an exception is answered with 5.00 and logged as a bug.
 */
@FunctionalInterface
public interface UplinkHandler {
    UplinkResponse handle(UplinkRequest request);
}
