package io.wisp.client.engine;

/** Where a client stands with one server (Core TS §6.2: Register, Update, De-register). */
public enum RegistrationState {
    /** Not registered and not trying (before start, after stop, or after the retry policy ran out). */
    IDLE,
    /** A Register is on its way or waiting for its retry. */
    REGISTERING,
    /** Registered; Updates keep the registration alive. */
    REGISTERED,
    /** A De-register is on its way. */
    DEREGISTERING,
    /** Every Register attempt of the retry policy failed. */
    FAILED
}
