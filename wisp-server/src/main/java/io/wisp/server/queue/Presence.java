package io.wisp.server.queue;

/**
 * Whether the server may send to a client now (Core TS §6.5). A client not in queue mode is always {@link #AWAKE};
 * a queue-mode client is awake from each message it sends until its awake time has passed, or until a request to it
 * goes unanswered.
 */
public enum Presence {
    AWAKE, SLEEPING
}
