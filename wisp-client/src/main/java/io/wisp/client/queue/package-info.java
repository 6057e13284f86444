/**
 * Queue mode on the client's side (LwM2M Core TS §6.5): a client registered with {@code Q} (1.1, 1.2) or the
 * binding {@code UQ} (1.0) stays reachable for an awake time after each exchange — by default the CoAP
 * MAX_TRANSMIT_WAIT, 93 s — and then sleeps: it drops what servers send, holds its notifications, and wakes up with
 * its next request of its own (a timed Update, a Send), flushing the held notifications.
 * {@link io.wisp.client.queue.SleepCycle} keeps the state and the one timer; {@link io.wisp.client.queue.QueueMode}
 * wraps the client's sender, request handler, notification sink and package fetcher around it.
 */
package io.wisp.client.queue;
