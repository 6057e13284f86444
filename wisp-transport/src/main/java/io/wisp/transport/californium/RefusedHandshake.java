package io.wisp.transport.californium;

import io.wisp.transport.HandshakeFailures.Reason;
import org.eclipse.californium.scandium.dtls.AlertMessage;
import org.eclipse.californium.scandium.dtls.AlertMessage.AlertDescription;
import org.eclipse.californium.scandium.dtls.AlertMessage.AlertLevel;
import org.eclipse.californium.scandium.dtls.HandshakeException;

/**
 * A handshake our own credential checks refused, with the {@link Reason} the {@link HandshakeMonitor} counts it
 * under. The message says why in words an operator can act on and never holds key material.
 */
final class RefusedHandshake extends HandshakeException {
    private static final long serialVersionUID = 1L;

    private final transient Reason reason;

    RefusedHandshake(Reason reason, AlertDescription alert, String message) {
        super(message, new AlertMessage(AlertLevel.FATAL, alert));
        this.reason = reason;
    }

    RefusedHandshake(Reason reason, AlertDescription alert, String message, Throwable cause) {
        super(message, new AlertMessage(AlertLevel.FATAL, alert), cause);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
