package io.wisp.client.bootstrap;

/** Where a client stands with its Bootstrap-Server (Core TS §6.1). */
public enum BootstrapState {
    /** Not bootstrapping: registered with the servers it has, or never needed a bootstrap. */
    IDLE,
    /** A bootstrap is due: waiting for registrations to stop, the Client Hold Off Time, or the next retry. */
    WAITING,
    /** The Bootstrap-Request (or Bootstrap-Pack-Request) is on its way. */
    REQUESTING,
    /** The Bootstrap-Server is writing the configuration; the session ends with Bootstrap-Finish. */
    SESSION,
    /** Every attempt of the retry policy failed; only a new trigger starts another. */
    FAILED
}
