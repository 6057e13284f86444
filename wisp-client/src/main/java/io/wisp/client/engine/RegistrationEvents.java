package io.wisp.client.engine;

/**
 * What a client's registration with one server goes through, for logs, the CLI and the simulator's summary. Called
 * on transport or scheduler threads; implementations must return quickly.
 */
public interface RegistrationEvents {
    /**
     * A Register is about to be sent: whatever the server held of an earlier registration (its observations, Core TS
     * §6.4.1) is gone once it answers, so the client drops it now, before the server can send anything new.
     */
    default void registering(ServerAccount server) {
    }

    /** Registered: the server answered 2.01 with this location ({@code /rd/…}). */
    default void registered(ServerAccount server, String location) {
    }

    /** An Update was answered 2.04. */
    default void updated(ServerAccount server) {
    }

    /** A Register, Update or De-register failed: the code or reason, and whether the engine will retry. */
    default void failed(ServerAccount server, String operation, String reason, boolean retrying) {
    }

    /** De-registered (or the server already forgot the registration). */
    default void deregistered(ServerAccount server) {
    }
}
