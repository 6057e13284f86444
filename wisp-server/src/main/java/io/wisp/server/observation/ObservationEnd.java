package io.wisp.server.observation;

/** Why an observation ended (Core TS §6.4; RFC 7641 §3.6). */
public enum ObservationEnd {
    /** The server cancelled it and told the client (Cancel Observation, GET or FETCH with {@code Observe: 1}). */
    CANCELLED,
    /** The server forgot it without telling the client; the client's next notification gets a Reset. */
    FORGOTTEN,
    /** The client ended it with an error notification (say 4.04 after the observed instance was deleted). */
    ENDED_BY_CLIENT,
    /** Its registration ended: the client registered again, de-registered, or its lifetime ran out. */
    REGISTRATION_ENDED
}
