package io.wisp.bootstrap.session;

/**
 * Hears what bootstrap sessions do (Core TS §6.1), for the API, the console and the logs. Called on the transport's
 * threads: implementations must return quickly and not block. An exception thrown here is logged and ignored.
 */
public interface BootstrapListener {

    /** A session started: the Bootstrap-Request was answered 2.04, or the operator started one. */
    default void started(BootstrapSession session) {
    }

    /** The client answered one request of the session (any code). */
    default void responded(BootstrapSession session, BootstrapStep step) {
    }

    /** The client accepted its configuration: Bootstrap-Finish answered 2.04 (or a Bootstrap-Pack was sent). */
    default void finished(BootstrapResult result) {
    }

    /** The session failed; {@link BootstrapResult#failure()} says why. */
    default void failed(BootstrapResult result) {
    }

    /** A request was refused without starting a session. */
    default void refused(BootstrapRefusal refusal) {
    }
}
