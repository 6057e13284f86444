package io.wisp.transport;

/**
 * Receives the notifications of one observation (RFC 7641 §4.2), in order: the transport drops notifications older
 * than one already delivered. Called on the transport's protocol threads, never twice at once for one observation;
 * it must return quickly and must not throw.
 */
@FunctionalInterface
public interface NotificationHandler {
    void onNotification(Notification notification);
}
